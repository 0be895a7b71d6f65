import type { MessageKey } from '../i18n/ru.ts';
import { t } from '../i18n/index.ts';
import { throwIfRefused } from './refusals.ts';

// Helpers of the operator console and of the check results shown to applicants.

/**
 * Turns a refusal of an operator page into a response: sign in as an operator first (then come
 * back), 403, or 404 for a malformed or unknown id in the address.
 */
export function throwIfOperatorRefused(error: unknown, request: Request): void {
  throwIfRefused(error, request, {
    signInPath: '/operator/signin',
    addressFields: ['applicationId', 'documentId'],
  });
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
