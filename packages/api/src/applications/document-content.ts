import type { ApplicationDocument } from '@orgcard/db';

export type DocumentMediaType = ApplicationDocument['mediaType'];

/** The largest file accepted: 10 MB. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** The most all documents of one application may take together: 50 MB. */
export const MAX_APPLICATION_BYTES = 50 * 1024 * 1024;

// The signatures that open each format: a PDF header (ISO 32000-1, 7.5.2), a JPEG SOI marker
// followed by the next marker's FF (ISO/IEC 10918-1, B.1.1.3), the fixed 8-byte PNG
// signature (ISO/IEC 15948, 5.2).
const signatures: ReadonlyArray<[DocumentMediaType, readonly number[]]> = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

/**
 * Tells the format of a file by its first bytes, never by its name or the type a browser
 * claims: a renamed executable stays unrecognised. Null when it is none of PDF, JPEG, PNG.
 */
export function sniffMediaType(content: Uint8Array): DocumentMediaType | null {
  const match = signatures.find(([, bytes]) =>
    bytes.every((byte, index) => content[index] === byte),
  );

  return match?.[0] ?? null;
}

/** The extension a downloaded copy gets, from the judged type. */
export const extensionOf: Record<DocumentMediaType, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
};

/**
 * A file name safe to store and show: the last path segment, without control characters,
 * at most 255 characters. Falls back to "документ" when nothing is left.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).at(-1) ?? '';
  const cleaned = base
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 255);

  return cleaned || 'документ';
}
