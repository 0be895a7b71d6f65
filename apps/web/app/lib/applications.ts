import type { MessageKey } from '../i18n/ru.ts';
import { throwIfRefused as throwIfPageRefused, trpcCodeOf } from './refusals.ts';

/** The wizard's steps, in order. */
export const wizardSteps = ['form', 'documents', 'fee', 'submit'] as const;
export type WizardStep = (typeof wizardSteps)[number];

export function isWizardStep(value: string | null): value is WizardStep {
  return wizardSteps.includes(value as WizardStep);
}

export function statusKey(status: string): MessageKey {
  return `applications.status.${status}` as MessageKey;
}

/** What the status means for the applicant, one sentence. */
export function statusLeadKey(status: string): MessageKey {
  return `applications.status.lead.${status}` as MessageKey;
}

export function kindKey(kind: string): MessageKey {
  return `applications.kind.${kind}` as MessageKey;
}

export const dateFormat = new Intl.DateTimeFormat('ru-RU', {
  dateStyle: 'long',
  timeZone: 'Europe/Moscow',
});

/** A size in bytes as "2,4 МБ" or "350 КБ". */
export function formatBytes(bytes: number): string {
  const format = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${format.format(bytes / (1024 * 1024))} МБ`;

  return `${format.format(Math.max(1, Math.round(bytes / 1024)))} КБ`;
}

/**
 * Turns a refusal that is not the user's to fix on a form into a page; an application of
 * another organisation is simply not found.
 */
export function throwIfRefused(error: unknown, request: Request): void {
  throwIfPageRefused(error, request, { addressFields: ['organisationId', 'applicationId'] });
}

/** Whether a procedure refused because something does not exist. */
export function isNotFound(error: unknown): boolean {
  return trpcCodeOf(error) === 'NOT_FOUND';
}
