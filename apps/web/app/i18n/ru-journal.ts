/** Russian interface texts of the journal pages; keys start with 'journal.'. */
export const ruJournal = {
  'journal.title': 'Журнал действий',
  'journal.lead':
    'Кто, от чьего имени, что и когда сделал в организации. Записи нельзя изменить или удалить: ' +
    'каждая связана с предыдущей, и проверка целостности находит любую правку.',
  'journal.back': 'К организации',
  'journal.filters.title': 'Отбор записей',
  'journal.filters.from': 'Период с',
  'journal.filters.to': 'Период по',
  'journal.filters.periodHint': 'Даты по московскому времени',
  'journal.filters.actor': 'Кто',
  'journal.filters.actor.all': 'Все',
  'journal.filters.action': 'Действие',
  'journal.filters.action.all': 'Все действия',
  'journal.filters.action.family': '{family}: все действия',
  'journal.filters.submit': 'Показать',
  'journal.filters.reset': 'Сбросить отбор',
  'journal.download': 'Скачать CSV',
  'journal.download.hint': 'Файл с записями по текущему отбору; скачивание тоже попадает в журнал.',
  'journal.verify.title': 'Целостность журнала',
  'journal.verify.submit': 'Проверить целостность',
  'journal.verify.running': 'Проверяем…',
  'journal.verify.ok': 'Цепочка цела: {entries}.',
  'journal.verify.changed': 'Цепочка нарушена: запись №{seq} изменена.',
  'journal.verify.removed_or_reordered':
    'Цепочка нарушена: перед записью №{seq} записи удалены или переставлены.',
  'journal.verify.unreadable': 'Цепочка нарушена: запись №{seq} повреждена и не читается.',
  'journal.verify.checked': 'Проверено: {entries}.',
  'journal.entries.title': 'Записи',
  'journal.entries.empty': 'Записей за выбранный период нет',
  'journal.entries.emptyHint': 'Измените период или сбросьте отбор.',
  'journal.entries.more': 'Показать ещё',
  'journal.entries.shown': 'Показано: {entries}',
  'journal.count.one': '{count} запись',
  'journal.count.few': '{count} записи',
  'journal.count.many': '{count} записей',
  'journal.column.seq': '№',
  'journal.column.time': 'Время (МСК)',
  'journal.column.actor': 'Кто и откуда',
  'journal.column.action': 'Действие',
  'journal.column.target': 'Объект',
  'journal.column.outcome': 'Результат',
  'journal.actor.onBehalf': '{actor} от имени {principal}',
  'journal.actor.operator': '{name} (оператор)',
  'journal.actor.system': 'Система',
  'journal.actor.anonymous': 'Без входа в систему',
  'journal.outcome.success': 'Успешно',
  'journal.outcome.failure': 'Ошибка',
  'journal.outcome.denied': 'Отказано',
  'journal.error.forbidden.title': 'Нет доступа к журналу',
  'journal.error.forbidden.text':
    'Журнал доступен только участникам организации с правом просматривать его. ' +
    'Если доступ нужен вам, обратитесь к руководителю организации.',
} as const;

/** Families of actions, by code prefix, as the action filter groups them. */
export const journalActionFamilies: Record<string, string> = {
  'auth.': 'Вход и выход',
  'account.': 'Учётная запись',
  'organisation.': 'Организация',
  'member.': 'Участники',
  'power_of_attorney.': 'Доверенности',
  'application.': 'Заявления на карту',
  'card.': 'Карты',
  'journal.': 'Журнал',
};

/**
 * Human-readable names of the journal's action codes. A code missing here is shown as it is,
 * so a new action is never hidden, only less readable until it gets a name.
 */
export const journalActionNames: Record<string, string> = {
  'auth.sign_up': 'Регистрация пользователя',
  'auth.sign_in': 'Вход в систему',
  'auth.operator_sign_in': 'Вход оператора',
  'auth.sign_out': 'Выход из системы',
  'account.email_confirmed': 'Подтверждение почты',
  'account.phone_confirmed': 'Подтверждение телефона',
  'account.password_changed': 'Смена пароля',
  'account.totp_enabled': 'Включение приложения-аутентификатора',
  'account.totp_disabled': 'Отключение приложения-аутентификатора',
  'account.session_ended': 'Завершение сеанса',
  'account.other_sessions_ended': 'Завершение других сеансов',
  'organisation.registered': 'Регистрация организации',
  'organisation.confirmed': 'Подтверждение организации',
  'organisation.settings_changed': 'Изменение настроек организации',
  'member.invited': 'Приглашение участника',
  'member.invitation_cancelled': 'Отмена приглашения',
  'member.joined': 'Участник присоединился',
  'member.role_changed': 'Изменение роли участника',
  'member.removed': 'Исключение участника',
  'power_of_attorney.created': 'Оформление доверенности',
  'power_of_attorney.signed': 'Подписание доверенности',
  'power_of_attorney.revoked': 'Отзыв доверенности',
  'power_of_attorney.viewed': 'Просмотр доверенности',
  'application.created': 'Создание заявления',
  'application.updated': 'Изменение заявления',
  'application.document_uploaded': 'Загрузка документа',
  'application.document_viewed': 'Просмотр документа',
  'application.document_removed': 'Удаление документа',
  'application.fee_order_created': 'Выставление госпошлины',
  'application.fee_paid': 'Оплата госпошлины',
  'application.submitted': 'Подача заявления',
  'application.checks_passed': 'Проверки документов пройдены',
  'application.checks_failed': 'Проверки документов не пройдены',
  'application.returned': 'Возврат заявления на доработку',
  'application.approved': 'Одобрение заявления',
  'application.rejected': 'Отказ по заявлению',
  'card.issued': 'Выпуск карты',
  'journal.verified': 'Проверка целостности журнала',
  'journal.exported': 'Выгрузка журнала в CSV',
};

/** Names of the kinds of objects an entry can be about; unknown kinds are shown as they are. */
export const journalTargetNames: Record<string, string> = {
  organisation: 'Организация',
  member: 'Участник',
  invitation: 'Приглашение',
  power_of_attorney: 'Доверенность',
  card_application: 'Заявление',
  card: 'Карта',
  session: 'Сеанс',
  operator: 'Оператор',
  user: 'Пользователь',
};

/** The Russian name of an action code, or the code itself when it has none yet. */
export function journalActionName(code: string): string {
  return journalActionNames[code] ?? code;
}
