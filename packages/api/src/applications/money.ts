const rublesFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });

/**
 * Kopecks as Russian rubles text, "3 000,00 ₽". The ruble part stays a bigint until it is
 * formatted, so no amount passes through floating point.
 */
export function formatKopecks(kopecks: bigint): string {
  const sign = kopecks < 0n ? '-' : '';
  const absolute = kopecks < 0n ? -kopecks : kopecks;
  const rubles = rublesFormat.format(absolute / 100n);
  const cents = (absolute % 100n).toString().padStart(2, '0');

  return `${sign}${rubles},${cents} ₽`;
}
