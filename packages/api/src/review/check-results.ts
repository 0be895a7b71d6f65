import {
  ApplicationDocument,
  DocumentCheck,
  type DocumentKind,
  type EntityManager,
} from '@orgcard/db';

/** One stored check result, with the document it concerns. */
export interface CheckResultView {
  documentId: string | null;
  documentName: string | null;
  kind: DocumentKind | null;
  check: string;
  passed: boolean;
  reason: string;
  checkedAt: Date;
}

/** The results of the latest run that has finished, or `run: null` before the first one. */
export interface LatestChecks {
  run: number | null;
  results: CheckResultView[];
}

/** The order checks are shown in, as they are run. */
const checkOrder = [
  'file_type',
  'file_size',
  'readable',
  'extract_inn',
  'extract_ogrn',
  'extract_fresh',
];
const checkRank = (check: string) => {
  const index = checkOrder.indexOf(check);

  return index === -1 ? checkOrder.length : index;
};

/**
 * The results of the last finished run of an application's checks: failures first, then by
 * document in upload order, the checks of the application as a whole last.
 */
export async function latestCheckResults(
  em: EntityManager,
  organisationId: string,
  applicationId: string,
): Promise<LatestChecks> {
  const last = await em.findOne(
    DocumentCheck,
    { organisationId, applicationId },
    { orderBy: { run: 'desc' }, fields: ['run'] },
  );
  if (!last) return { run: null, results: [] };

  const rows = await em.find(
    DocumentCheck,
    { organisationId, applicationId, run: last.run },
    { orderBy: { checkedAt: 'asc', check: 'asc' } },
  );
  const documents = await em.find(
    ApplicationDocument,
    { organisationId, applicationId },
    { fields: ['id', 'kind', 'fileName', 'uploadedAt'], orderBy: { uploadedAt: 'asc' } },
  );
  const position = new Map(documents.map((document, index) => [document.id, index]));
  const byId = new Map(documents.map((document) => [document.id, document]));
  const order = (row: DocumentCheck) =>
    row.documentId ? (position.get(row.documentId) ?? documents.length) : documents.length + 1;
  const sorted = rows.sort(
    (a, b) =>
      Number(a.passed) - Number(b.passed) ||
      order(a) - order(b) ||
      checkRank(a.check) - checkRank(b.check),
  );

  return {
    run: last.run,
    results: sorted.map((row) => {
      const document = row.documentId ? byId.get(row.documentId) : undefined;

      return {
        documentId: row.documentId ?? null,
        documentName: document?.fileName ?? null,
        kind: document?.kind ?? null,
        check: row.check,
        passed: row.passed,
        reason: row.reason,
        checkedAt: row.checkedAt,
      };
    }),
  };
}
