import { throwIfRefused as throwIfPageRefused } from './refusals.ts';

// Helpers of the organisation pages: refusals as pages, dates as Moscow calendar days, money
// in kopecks shown as roubles (formatted here, at the edge, and nowhere else).

/** A failed call that is no form error becomes a page: sign in, 403 or 404. */
export function throwIfRefused(error: unknown, request: Request): void {
  throwIfPageRefused(error, request, { addressFields: ['organisationId', 'powerId'] });
}

export const dateFormat = new Intl.DateTimeFormat('ru-RU', {
  dateStyle: 'long',
  timeZone: 'Europe/Moscow',
});

/** A date field's value (ГГГГ-ММ-ДД) for an instant, in Moscow. */
export function moscowDay(instant: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Moscow' }).format(instant);
}

// Moscow keeps UTC+3 all year (no daylight saving since 2014).
const MOSCOW_OFFSET = '+03:00';

/** The first or the last instant of a Moscow calendar day typed in a date field, or null. */
export function moscowDayBoundary(value: string, edge: 'start' | 'end'): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const time = edge === 'start' ? '00:00:00.000' : '23:59:59.999';
  const instant = new Date(`${value}T${time}${MOSCOW_OFFSET}`);

  return Number.isNaN(instant.getTime()) ? null : instant;
}

const roubles = new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB' });

/** Kopecks (a decimal string) as roubles, without passing through a floating-point number. */
export function formatKopecks(kopecks: string): string {
  const value = BigInt(kopecks);
  const decimal = `${value / 100n}.${(value % 100n).toString().padStart(2, '0')}`;

  // A numeric string keeps every digit (Intl.NumberFormat v3); a Number would round.
  return roubles.format(decimal as `${number}`);
}
