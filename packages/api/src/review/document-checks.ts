import { createHash } from 'node:crypto';
import {
  validateOgrn,
  validateOrganisationInn,
  type IdentifierCheck,
  type IdentifierFailure,
} from '@orgcard/crypto';
import type { ApplicationDocument, DocumentKind, Organisation } from '@orgcard/db';
import { documentKindNames } from '../applications/required-documents.ts';
import {
  allowedDocumentTypes,
  MAX_DOCUMENT_BYTES,
  REGISTRY_EXTRACT_MAX_AGE_DAYS,
} from './document-rules.ts';
import { checkJpeg, checkPng } from './image-formats.ts';
import { inspectPdf } from './pdf-inspection.ts';

/** One check's verdict, as stored in `document_check` and shown to the applicant. */
export interface CheckResult {
  /** Null for checks of the application as a whole. */
  documentId: string | null;
  check: string;
  passed: boolean;
  /** In Russian, naming the rule and, on failure, what is wrong. */
  reason: string;
}

/** A document with its decrypted content. */
export type DocumentWithContent = Pick<
  ApplicationDocument,
  'id' | 'kind' | 'fileName' | 'mediaType' | 'sha256' | 'issuedOn'
> & { content: Buffer };

const pass = (documentId: string | null, check: string, reason: string): CheckResult => ({
  documentId,
  check,
  passed: true,
  reason,
});
const fail = (documentId: string | null, check: string, reason: string): CheckResult => ({
  documentId,
  check,
  passed: false,
  reason,
});

const ruDate = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow' });
const sizeFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });
/** A size as people read it: "2,4 МБ", or "350 КБ" below a megabyte. */
const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${sizeFormat.format(bytes / 1024 / 1024)} МБ`
    : `${Math.max(1, Math.round(bytes / 1024))} КБ`;

/** Whether the first bytes are those of the declared format (the name proves nothing). */
function contentMatches(mediaType: string, content: Buffer): boolean {
  if (mediaType === 'application/pdf') return content.subarray(0, 1024).includes('%PDF-');
  if (mediaType === 'image/jpeg') return content[0] === 0xff && content[1] === 0xd8;
  if (mediaType === 'image/png') return content.subarray(0, 4).toString('latin1') === '\x89PNG';

  return false;
}

function typeAndSize(document: DocumentWithContent): CheckResult[] {
  const { id, mediaType, content } = document;
  const typeName = allowedDocumentTypes[mediaType];
  const typeCheck = !typeName
    ? fail(id, 'file_type', `Недопустимый формат файла: ${mediaType}. Допустимы PDF, JPEG и PNG`)
    : contentMatches(mediaType, content)
      ? pass(id, 'file_type', `Формат файла допустим: ${typeName}`)
      : fail(id, 'file_type', `Содержимое файла не соответствует формату ${typeName}`);
  const sizeCheck =
    content.length === 0
      ? fail(id, 'file_size', 'Файл пуст')
      : content.length > MAX_DOCUMENT_BYTES
        ? fail(id, 'file_size', `Файл больше 10 МБ: ${sizeText(content.length)}`)
        : pass(id, 'file_size', `Размер файла допустим: ${sizeText(content.length)}`);

  return [typeCheck, sizeCheck];
}

/** Days from `issuedOn` (a calendar date) to the Moscow calendar date of `now`. */
function ageInDays(issuedOn: string, now: Date): number {
  const today = new Date(now.getTime() + 3 * 3_600_000).toISOString().slice(0, 10);

  return Math.round((Date.parse(today) - Date.parse(issuedOn)) / 86_400_000);
}

function extractFreshness(document: DocumentWithContent, now: Date): CheckResult {
  const { id } = document;
  const issuedOn = dateOnly(document.issuedOn);
  if (!issuedOn)
    return pass(id, 'extract_fresh', 'Дата выписки не указана: срок проверит оператор');
  const shown = ruDate.format(new Date(`${issuedOn}T12:00:00Z`));
  const age = ageInDays(issuedOn, now);
  if (age < 0) return fail(id, 'extract_fresh', `Дата выписки из ЕГРЮЛ в будущем: ${shown}`);
  if (age > REGISTRY_EXTRACT_MAX_AGE_DAYS) {
    return fail(id, 'extract_fresh', `Выписка из ЕГРЮЛ старше 30 дней: выдана ${shown}`);
  }

  return pass(id, 'extract_fresh', `Выписка из ЕГРЮЛ выдана ${shown}: не старше 30 дней`);
}

function dateOnly(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);

  return typeof value === 'string' && value !== '' ? value.slice(0, 10) : null;
}

/** Searches the extract's text for the organisation's identifiers, digits ignoring spaces. */
function identifiersInExtract(
  documentId: string,
  text: string | null,
  organisation: Pick<Organisation, 'inn' | 'ogrn'>,
): CheckResult[] {
  if (text === null) {
    const reason = 'Текст выписки не извлекается: сверку ИНН и ОГРН выполнит оператор';

    return [pass(documentId, 'extract_inn', reason), pass(documentId, 'extract_ogrn', reason)];
  }
  const digits = text.replace(/\s+/g, '');
  const found = (value: string) => digits.includes(value);

  return [
    found(organisation.inn)
      ? pass(documentId, 'extract_inn', `ИНН организации ${organisation.inn} найден в выписке`)
      : fail(documentId, 'extract_inn', `ИНН организации ${organisation.inn} не найден в выписке`),
    found(organisation.ogrn)
      ? pass(documentId, 'extract_ogrn', `ОГРН организации ${organisation.ogrn} найден в выписке`)
      : fail(
          documentId,
          'extract_ogrn',
          `ОГРН организации ${organisation.ogrn} не найден в выписке`,
        ),
  ];
}

/** Readability of the content, and for a registry extract the identifiers in its text. */
async function readability(
  document: DocumentWithContent,
  organisation: Pick<Organisation, 'inn' | 'ogrn'>,
): Promise<CheckResult[]> {
  const { id, content } = document;
  const digest = createHash('sha256').update(content).digest('hex');
  if (digest !== document.sha256) {
    return [fail(id, 'readable', 'Файл повреждён: контрольная сумма не совпадает с загруженной')];
  }
  const isExtract = document.kind === 'registry_extract';
  if (document.mediaType !== 'application/pdf') {
    const verdict = document.mediaType === 'image/png' ? checkPng(content) : checkJpeg(content);
    const readable = verdict.ok
      ? pass(id, 'readable', `Изображение читается: ${verdict.width}×${verdict.height} пикс.`)
      : fail(id, 'readable', `Изображение не читается: ${verdict.reason}`);

    return isExtract && verdict.ok
      ? [readable, ...identifiersInExtract(id, null, organisation)]
      : [readable];
  }

  const pdf = await inspectPdf(content);
  if (!pdf.ok) return [fail(id, 'readable', `PDF не читается: ${pdf.reason}`)];
  const readable = pass(id, 'readable', `PDF читается: страниц — ${pdf.pageCount}`);

  return isExtract ? [readable, ...identifiersInExtract(id, pdf.text, organisation)] : [readable];
}

/** Every check of one document, in the order they are shown. */
export async function checkDocument(
  document: DocumentWithContent,
  organisation: Pick<Organisation, 'inn' | 'ogrn'>,
  now: Date,
): Promise<CheckResult[]> {
  const basic = typeAndSize(document);
  const results = [...basic];
  // A file of the wrong type or size is not opened: the verdict on it is already clear.
  if (basic.every((result) => result.passed))
    results.push(...(await readability(document, organisation)));
  if (document.kind === 'registry_extract') results.push(extractFreshness(document, now));

  return results;
}

const identifierFailures: Record<IdentifierFailure, string> = {
  length: 'неверное число цифр',
  digits: 'допустимы только цифры',
  format: 'неверный формат',
  checksum: 'неверная контрольная цифра',
  bic: 'неверный БИК',
};

function identifierCheck(check: string, label: string, value: string, verdict: IdentifierCheck) {
  return verdict.ok
    ? pass(null, check, `${label} организации ${value} корректен`)
    : fail(null, check, `${label} организации ${value}: ${identifierFailures[verdict.reason]}`);
}

/** A kind's name inside a sentence: «Устав» becomes «устав», «ЕГРЮЛ» stays. */
export function kindInSentence(kind: DocumentKind): string {
  const name = documentKindNames[kind];

  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * Checks of the application as a whole: every required document (`requiredKinds`, from the
 * application rules) is present, and the organisation's identifiers are valid.
 */
export function checkApplication(
  organisation: Pick<Organisation, 'inn' | 'ogrn'>,
  requiredKinds: readonly DocumentKind[],
  presentKinds: ReadonlySet<DocumentKind>,
): CheckResult[] {
  const required = requiredKinds.map((kind) =>
    presentKinds.has(kind)
      ? pass(null, `required:${kind}`, `Документ приложен: ${kindInSentence(kind)}`)
      : fail(null, `required:${kind}`, `Не хватает документа: ${kindInSentence(kind)}`),
  );

  return [
    ...required,
    identifierCheck(
      'organisation_inn',
      'ИНН',
      organisation.inn,
      validateOrganisationInn(organisation.inn),
    ),
    identifierCheck(
      'organisation_ogrn',
      'ОГРН',
      organisation.ogrn,
      validateOgrn(organisation.ogrn),
    ),
  ];
}
