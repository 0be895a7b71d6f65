/** How long an operator has to decide, counted from the moment an application enters review. */
export interface ServiceLevel {
  dueAt: Date;
  overdue: boolean;
  /** Whole hours until `dueAt`; negative once it has passed. */
  hoursLeft: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Moscow has kept UTC+3 all year since 26 October 2014 (Federal Law No. 248-FZ of 21.07.2014). */
const MOSCOW_OFFSET = 3 * HOUR;
const NPO_HOURS = 24;
const LLC_BUSINESS_DAYS = 5;

function isWeekend(moscowTime: number): boolean {
  const weekday = new Date(moscowTime).getUTCDay();

  return weekday === 0 || weekday === 6;
}

/**
 * The moment `days` business days (Monday to Friday, Moscow time) after `start`: the same time
 * of day on the business day that many days on. An application arriving on a Saturday or a
 * Sunday starts its clock on Monday at 00:00. Public holidays are not modelled.
 */
export function addBusinessDays(start: Date, days: number): Date {
  let moscow = start.getTime() + MOSCOW_OFFSET;
  while (isWeekend(moscow)) moscow = Math.floor(moscow / DAY) * DAY + DAY;

  let counted = 0;
  while (counted < days) {
    moscow += DAY;
    if (!isWeekend(moscow)) counted++;
  }

  return new Date(moscow - MOSCOW_OFFSET);
}

/** The due moment of a review: 24 hours for an NPO, 5 business days for an LLC. */
export function reviewDueAt(cardType: 'LLC' | 'NPO', reviewStartedAt: Date): Date {
  return cardType === 'NPO'
    ? new Date(reviewStartedAt.getTime() + NPO_HOURS * HOUR)
    : addBusinessDays(reviewStartedAt, LLC_BUSINESS_DAYS);
}

/** The service level of an application in review, as seen at `now`. */
export function serviceLevelOf(
  cardType: 'LLC' | 'NPO',
  reviewStartedAt: Date,
  now: Date = new Date(),
): ServiceLevel {
  const dueAt = reviewDueAt(cardType, reviewStartedAt);
  const left = dueAt.getTime() - now.getTime();

  return { dueAt, overdue: left < 0, hoursLeft: Math.floor(left / HOUR) };
}
