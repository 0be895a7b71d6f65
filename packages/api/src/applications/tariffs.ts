import type { CardApplication } from '@orgcard/db';

export type CardType = CardApplication['cardType'];

/** Spending limits a new card starts with, in kopecks. */
export interface TariffLimits {
  perOperationKopecks: bigint;
  perDayKopecks: bigint;
  perMonthKopecks: bigint;
}

export interface Tariff {
  code: string;
  /** A tariff serves one card type: LLC tariffs are not offered to an NPO and back. */
  cardType: CardType;
  name: string;
  /** The state fee for issuing a card on this tariff. */
  feeKopecks: bigint;
  /** How long an issued card is valid. */
  validityMonths: number;
  defaultLimits: TariffLimits;
}

const rubles = (amount: number): bigint => BigInt(amount) * 100n;

/** Every tariff plan. Money is integer kopecks; the names are what the applicant sees. */
export const tariffs = {
  'llc-basic': {
    code: 'llc-basic',
    cardType: 'LLC',
    name: 'Базовый',
    feeKopecks: rubles(3_000),
    validityMonths: 36,
    defaultLimits: {
      perOperationKopecks: rubles(100_000),
      perDayKopecks: rubles(300_000),
      perMonthKopecks: rubles(3_000_000),
    },
  },
  'llc-business': {
    code: 'llc-business',
    cardType: 'LLC',
    name: 'Бизнес',
    feeKopecks: rubles(5_000),
    validityMonths: 36,
    defaultLimits: {
      perOperationKopecks: rubles(500_000),
      perDayKopecks: rubles(1_500_000),
      perMonthKopecks: rubles(15_000_000),
    },
  },
  'npo-basic': {
    code: 'npo-basic',
    cardType: 'NPO',
    name: 'Базовый',
    feeKopecks: rubles(1_500),
    validityMonths: 36,
    defaultLimits: {
      perOperationKopecks: rubles(50_000),
      perDayKopecks: rubles(150_000),
      perMonthKopecks: rubles(1_500_000),
    },
  },
} as const satisfies Record<string, Tariff>;

export type TariffCode = keyof typeof tariffs;

export const tariffCodes = Object.keys(tariffs) as TariffCode[];

export function isTariffCode(code: string): code is TariffCode {
  return Object.hasOwn(tariffs, code);
}

/** The tariff with this code, or undefined for a code that is not in the table. */
export function tariffFor(code: string): Tariff | undefined {
  return isTariffCode(code) ? tariffs[code] : undefined;
}

/** The tariffs offered to an organisation of this type, in the table's order. */
export function tariffsFor(cardType: CardType): Tariff[] {
  return Object.values(tariffs).filter((tariff) => tariff.cardType === cardType);
}
