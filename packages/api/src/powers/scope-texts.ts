import type { PowerOfAttorneyScope } from '@orgcard/db';

/** What each scope entitles the representative to, as written in the document itself. */
export const scopeTexts: Record<PowerOfAttorneyScope, string> = {
  sign_documents: 'Подписывать документы от имени организации',
  make_payments: 'Совершать платежи по мобильной карте организации',
  manage_cards: 'Управлять мобильными картами организации: выпуск, блокировка, лимиты',
  manage_members: 'Приглашать участников организации, изменять их роли и исключать их',
  export: 'Выгружать операции организации для бухгалтерского учёта',
};

/** The scope's code in the document: a stable id of our own, not the ФНС classifier's. */
export function scopeCode(scope: PowerOfAttorneyScope): string {
  return `ORGCARD_${scope.toUpperCase()}`;
}
