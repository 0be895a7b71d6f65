import { JournalEntry, type EntityManager } from '@orgcard/db';
import { journalConditions, type JournalFilter } from './list-journal.ts';

/** The header row: what an auditor opening the file in a spreadsheet reads first. */
export const journalCsvHeader = [
  'Время (МСК)',
  'Кто',
  'От имени',
  'Действие',
  'Объект',
  'IP',
  'Браузер',
  'Результат',
  'Хэш',
] as const;

const outcomeNames: Record<JournalEntry['outcome'], string> = {
  success: 'успешно',
  failure: 'ошибка',
  denied: 'отказано',
};

const BATCH_SIZE = 1000;

// Swedish formatting gives ISO-like 'YYYY-MM-DD HH:mm:ss', which spreadsheets read as a date.
const moscowTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Moscow',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The Moscow calendar day of an instant, `YYYY-MM-DD`. */
export function moscowDate(instant: Date): string {
  return moscowTime.format(instant).slice(0, 10);
}

/**
 * One CSV cell. Text a spreadsheet would run as a formula (starting with = + - @, or a tab or
 * carriage return that hides one) gets a leading apostrophe (OWASP "CSV Injection"); then the
 * cell is quoted as RFC 4180, section 2, asks when it holds a comma, a quote or a line break.
 */
export function csvCell(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;

  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

function actorLabel(entry: JournalEntry): string {
  if (entry.actorKind === 'system') return 'Система';
  if (entry.actorKind === 'anonymous') return 'Не выполнен вход';
  const name = entry.actorName ?? entry.actorId ?? '';

  return entry.actorKind === 'operator' ? `${name} (оператор)` : name;
}

function csvRow(entry: JournalEntry): string {
  const target = entry.targetType ? `${entry.targetType}: ${entry.targetId ?? ''}` : '';
  const cells = [
    moscowTime.format(entry.occurredAt),
    actorLabel(entry),
    entry.onBehalfOfName ?? '',
    entry.action,
    target,
    entry.ip ?? '',
    entry.userAgent ?? '',
    outcomeNames[entry.outcome],
    entry.hash,
  ];

  return cells.map(csvCell).join(',');
}

/**
 * The organisation's journal, filtered, oldest first, as CSV: UTF-8 with a byte order mark (so
 * spreadsheets detect the encoding), CRLF line ends and comma separators (RFC 4180), times in
 * Moscow time. Read in batches along the chain so a long journal does not sit in the identity map.
 */
export async function exportJournalCsv(
  em: EntityManager,
  organisationId: string,
  filter: JournalFilter,
): Promise<{ csv: string; rows: number }> {
  const where = journalConditions(organisationId, filter);
  const lines = [journalCsvHeader.map(csvCell).join(',')];
  let after = 0;
  for (;;) {
    const batch = await em.find(
      JournalEntry,
      { $and: [where, { seq: { $gt: after } }] },
      { orderBy: { seq: 'asc' }, limit: BATCH_SIZE, disableIdentityMap: true },
    );
    lines.push(...batch.map(csvRow));
    const last = batch.at(-1);
    if (!last || batch.length < BATCH_SIZE) break;
    after = last.seq;
  }

  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows: lines.length - 1 };
}
