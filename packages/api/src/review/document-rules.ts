/** The formats an application document may have, with their names for messages. */
export const allowedDocumentTypes = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
} as const;

export { MAX_DOCUMENT_BYTES } from '../applications/document-content.ts';

/** A registry extract proves the current state of the organisation for 30 days. */
export const REGISTRY_EXTRACT_MAX_AGE_DAYS = 30;
