import { data, redirect } from 'react-router';
import { toFormErrors } from '@orgcard/api/forms';
import type { MessageKey } from '../i18n/ru.ts';
import { t } from '../i18n/index.ts';

// Helpers of the operator console and of the check results shown to applicants.

function trpcCode(error: unknown): string | null {
  if (!(error instanceof Error) || error.name !== 'TRPCError') return null;

  return (error as Error & { code?: string }).code ?? null;
}

/**
 * Turns a refusal of an operator page into a response: sign in as an operator first (then come
 * back), or 404. Anything else is left to the caller.
 */
export function throwIfOperatorRefused(error: unknown, request: Request): void {
  const code = trpcCode(error);
  if (code === 'UNAUTHORIZED') {
    const url = new URL(request.url);
    throw redirect(`/operator/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  // A malformed id in the address is a page that does not exist, like an unknown one.
  const fields = toFormErrors(error)?.fieldErrors ?? {};
  if (code === 'NOT_FOUND' || fields.applicationId || fields.documentId) {
    throw data(null, { status: 404 });
  }
}

export const moscowDateTime = new Intl.DateTimeFormat('ru-RU', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Moscow',
});

export interface ServiceLevelView {
  dueAt: Date | string;
  overdue: boolean;
  hoursLeft: number;
}

/** Hours as "5 ч", or "6 дн. 23 ч" from two days on. */
function duration(hours: number): string {
  if (hours < 48) return t('review.sla.hours', { hours: String(hours) });

  return t('review.sla.daysHours', {
    days: String(Math.floor(hours / 24)),
    hours: String(hours % 24),
  });
}

/**
 * "Осталось 6 дн. 23 ч (срок — …)", or for an overdue one "на 3 ч, срок истёк …", to follow
 * the "Просрочено" mark.
 */
export function serviceLevelText(level: ServiceLevelView): string {
  const due = moscowDateTime.format(new Date(level.dueAt));
  if (level.overdue)
    return t('review.sla.overdueBy', { left: duration(Math.max(1, -level.hoursLeft)), due });

  return t('review.sla.left', { left: duration(level.hoursLeft), due });
}

const knownActions = new Set([
  'application.created',
  'application.updated',
  'application.document_uploaded',
  'application.document_removed',
  'application.document_viewed',
  'application.fee_order_created',
  'application.fee_paid',
  'application.submitted',
  'application.checks_passed',
  'application.checks_failed',
  'application.approved',
  'application.rejected',
  'application.returned',
  'card.issued',
]);

/** The Russian name of a journal action about an application. */
export function actionLabel(action: string): string {
  return knownActions.has(action)
    ? t(`review.action.${action}` as MessageKey)
    : t('review.action.other', { action });
}
