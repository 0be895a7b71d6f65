/** Russian interface texts of the organisations pages; keys start with 'organisations.'. */
export const ruOrganisations = {
  'organisations.status.pending_confirmation': 'ожидает подтверждения',
  'organisations.status.confirmed': 'подтверждена',
  'organisations.status.pending_confirmation.note':
    'Организация будет подтверждена, когда оператор одобрит заявление на карту и тем самым ' +
    'подтвердит полномочия руководителя.',
  'organisations.type.LLC': 'ООО',
  'organisations.type.NPO': 'НКО',
  'organisations.type.LLC.long': 'Общество с ограниченной ответственностью (ООО)',
  'organisations.type.NPO.long': 'Некоммерческая организация (НКО)',
  'organisations.role.head': 'Руководитель',
  'organisations.role.administrator': 'Администратор',
  'organisations.role.accountant': 'Бухгалтер',
  'organisations.role.employee': 'Сотрудник',
  'organisations.role.auditor': 'Аудитор (только просмотр)',
  'organisations.yourRole': 'Ваша роль',

  'organisations.nav.label': 'Разделы организации',
  'organisations.nav.overview': 'Обзор',
  'organisations.nav.members': 'Участники',
  'organisations.nav.powers': 'Доверенности',
  'organisations.nav.journal': 'Журнал',
  'organisations.nav.applications': 'Заявления на карту',
  'organisations.nav.settings': 'Настройки',

  'organisations.home.title': 'Ваши организации',
  'organisations.home.empty':
    'Вы пока не состоите ни в одной организации. Зарегистрируйте свою или примите приглашение ' +
    'по ссылке из письма.',
  'organisations.home.register': 'Зарегистрировать организацию',
  'organisations.home.inn': 'ИНН {inn}',

  'organisations.new.title': 'Регистрация организации',
  'organisations.new.lead':
    'Вы станете руководителем организации. Она будет ожидать подтверждения, пока одобренное ' +
    'заявление на карту не подтвердит ваши полномочия.',
  'organisations.new.phoneFirst':
    'Сначала подтвердите телефон: без этого зарегистрировать организацию нельзя.',
  'organisations.new.phoneFirstLink': 'Подтвердить телефон',
  'organisations.new.identifiers': 'Регистрационные данные',
  'organisations.new.names': 'Наименование',
  'organisations.new.contacts': 'Адреса и контакты',
  'organisations.new.lookup': 'Заполнить по ИНН',
  'organisations.new.lookupHint':
    'Подставит наименование, ОГРН, КПП и адрес из справочника организаций. Проверьте их.',
  'organisations.new.lookupFound': 'Данные из справочника подставлены. Проверьте их.',
  'organisations.new.lookupOffline':
    'ИНН верный, но справочник организаций не подключён: заполните поля вручную.',
  'organisations.new.lookupNotFound':
    'Организация с таким ИНН в справочнике не найдена: заполните поля вручную.',
  'organisations.new.submit': 'Зарегистрировать организацию',
  'organisations.field.type': 'Тип организации',
  'organisations.field.fullName': 'Полное наименование',
  'organisations.field.fullName.hint':
    'Как в уставе, например: Общество с ограниченной ответственностью "Ромашка"',
  'organisations.field.shortName': 'Сокращённое наименование',
  'organisations.field.shortName.hint': 'Например: ООО "Ромашка"',
  'organisations.field.inn': 'ИНН',
  'organisations.field.inn.hint': '10 цифр',
  'organisations.field.ogrn': 'ОГРН',
  'organisations.field.ogrn.hint': '13 цифр',
  'organisations.field.kpp': 'КПП',
  'organisations.field.kpp.hint': '9 символов, например 773601001',
  'organisations.field.legalAddress': 'Юридический адрес',
  'organisations.field.postalAddress': 'Почтовый адрес',
  'organisations.field.email': 'Электронная почта организации',
  'organisations.field.phone': 'Телефон организации',
  'organisations.field.phone.hint': '+7 и 10 цифр',

  'organisations.dashboard.details': 'Реквизиты',
  'organisations.dashboard.contacts': 'Адреса и контакты',
  'organisations.dashboard.status': 'Статус',
  'organisations.dashboard.activeMembers': 'Участников',
  'organisations.dashboard.registeredAt': 'Зарегистрирована',
  'organisations.dashboard.sections': 'Что можно сделать',
  'organisations.dashboard.members': 'Участники и приглашения',
  'organisations.dashboard.powers': 'Доверенности участникам',
  'organisations.dashboard.settings': 'Настройки организации',
  'organisations.dashboard.journal': 'Журнал действий',
  'organisations.dashboard.applications': 'Заявления на карту',

  'organisations.members.title': 'Участники',
  'organisations.members.lead':
    'Роль определяет, что участник может делать сам. Дополнительные полномочия даёт доверенность.',
  'organisations.members.you': 'вы',
  'organisations.members.since': 'В организации с {date}',
  'organisations.members.role': 'Роль',
  'organisations.members.roleFor': 'Новая роль: {name}',
  'organisations.members.saveRole': 'Сохранить роль',
  'organisations.members.remove': 'Исключить',
  'organisations.members.removeLabel': 'Исключить из организации: {name}',
  'organisations.members.roleChanged': 'Роль изменена.',
  'organisations.members.removed': 'Участник исключён; его доверенности отозваны.',
  'organisations.members.readOnly':
    'Изменять состав участников могут руководитель и администратор.',
  'organisations.members.invite.title': 'Пригласить участника',
  'organisations.members.invite.lead':
    'Мы отправим письмо со ссылкой. Приглашённый войдёт или зарегистрируется с этим адресом ' +
    'и примет приглашение. Ссылка действует 7 дней.',
  'organisations.members.invite.email': 'Электронная почта',
  'organisations.members.invite.submit': 'Отправить приглашение',
  'organisations.members.invite.sent': 'Приглашение отправлено на {email}.',
  'organisations.members.invitations.title': 'Приглашения, ожидающие ответа',
  'organisations.members.invitations.empty': 'Ожидающих приглашений нет.',
  'organisations.members.invitations.until': 'действует до {date}',
  'organisations.members.invitations.cancel': 'Отозвать',
  'organisations.members.invitations.cancelLabel': 'Отозвать приглашение для {email}',
  'organisations.members.invitations.cancelled': 'Приглашение отозвано.',

  'organisations.powers.title': 'Доверенности',
  'organisations.powers.lead':
    'Доверенность даёт участнику полномочия от имени организации в пределах срока и суммы. ' +
    'Её подписывает руководитель кодом из SMS; отозвать её можно в любой момент.',
  'organisations.powers.empty': 'Доверенностей пока нет.',
  'organisations.powers.onlyHead':
    'Выдавать, подписывать и отзывать доверенности может только руководитель.',
  'organisations.powers.number': 'Доверенность № {number}',
  'organisations.powers.representative': 'Представитель',
  'organisations.powers.principal': 'Доверитель',
  'organisations.powers.scopes': 'Полномочия',
  'organisations.powers.ceiling': 'Предел суммы',
  'organisations.powers.noCeiling': 'без ограничения',
  'organisations.powers.validity': 'Срок действия',
  'organisations.powers.validityRange': 'с {from} по {to}',
  'organisations.powers.state': 'Состояние',
  'organisations.powers.revokedReason': 'Причина отзыва: {reason}',
  'organisations.powers.scope.sign_documents': 'Подписание документов',
  'organisations.powers.scope.make_payments': 'Платежи',
  'organisations.powers.scope.manage_cards': 'Управление картами',
  'organisations.powers.scope.manage_members': 'Управление участниками',
  'organisations.powers.scope.export': 'Выгрузка для бухгалтерии',
  'organisations.powers.state.awaiting_signature': 'ожидает подписи',
  'organisations.powers.state.scheduled': 'ещё не вступила в силу',
  'organisations.powers.state.active': 'действует',
  'organisations.powers.state.expired': 'срок истёк',
  'organisations.powers.state.revoked': 'отозвана',
  'organisations.powers.create.title': 'Новая доверенность',
  'organisations.powers.create.representative': 'Представитель',
  'organisations.powers.create.choose': 'Выберите участника',
  'organisations.powers.create.scopes': 'Полномочия',
  'organisations.powers.create.ceiling': 'Предел суммы, ₽ (необязательно)',
  'organisations.powers.create.ceilingHint':
    'Например: 150000 или 15000,50. Пусто — без ограничения.',
  'organisations.powers.create.validFrom': 'Действует с',
  'organisations.powers.create.validTo': 'Действует по',
  'organisations.powers.create.submit': 'Оформить и получить код',
  'organisations.powers.create.noCandidates':
    'Доверенность выдаётся участнику организации. Сначала пригласите участников.',
  'organisations.powers.created': 'Доверенность оформлена. Код для подписи отправлен вам в SMS.',
  'organisations.powers.ceilingInvalid':
    'Предел суммы: укажите сумму в рублях, например 15000 или 15000,50',
  'organisations.powers.dateInvalid': '{field}: укажите дату',
  'organisations.powers.sign.code': 'Код из SMS',
  'organisations.powers.sign.submit': 'Подписать',
  'organisations.powers.sign.resend': 'Отправить код ещё раз',
  'organisations.powers.sign.sent': 'Новый код отправлен в SMS.',
  'organisations.powers.signed': 'Доверенность подписана.',
  'organisations.powers.revoke.reason': 'Причина отзыва',
  'organisations.powers.revoke.submit': 'Отозвать доверенность',
  'organisations.powers.revoked': 'Доверенность отозвана.',
  'organisations.powers.download': 'Скачать XML',
  'organisations.powers.downloadLabel': 'Скачать XML доверенности на имя {name}',

  'organisations.settings.title': 'Настройки организации',
  'organisations.settings.idle': 'Тайм-аут бездействия, минут',
  'organisations.settings.idleHint':
    'От 5 до 120. Сеанс участника завершится после стольких минут без действий; если человек ' +
    'состоит в нескольких организациях, действует самый строгий тайм-аут.',
  'organisations.settings.submit': 'Сохранить',
  'organisations.settings.saved': 'Настройки сохранены.',
  'organisations.settings.readOnly': 'Изменять настройки могут руководитель и администратор.',
  'organisations.settings.current': 'Сейчас: {minutes} мин.',

  'organisations.invitation.title': 'Приглашение в организацию',
  'organisations.invitation.signedOut':
    'Вас пригласили в организацию в Orgcard. Войдите или зарегистрируйтесь с тем адресом почты, ' +
    'на который пришло приглашение, и примите его.',
  'organisations.invitation.signIn': 'Войти',
  'organisations.invitation.signUp': 'Зарегистрироваться',
  'organisations.invitation.offer': '{organisation} приглашает вас с ролью «{role}».',
  'organisations.invitation.accept': 'Принять приглашение',
  'organisations.invitation.wrongAddress':
    'Приглашение отправлено на {email}, а вы вошли с другим адресом. Войдите с этим адресом, ' +
    'чтобы принять приглашение.',
  'organisations.invitation.signOut': 'Выйти и войти с другим адресом',
  'organisations.invitation.state.accepted': 'Приглашение уже принято.',
  'organisations.invitation.state.cancelled': 'Приглашение отозвано: попросите прислать новое.',
  'organisations.invitation.state.expired':
    'Срок действия приглашения истёк: попросите прислать новое.',
  'organisations.invitation.notFound': 'Приглашение не найдено: проверьте ссылку из письма.',
  'organisations.invitation.open': 'Перейти к организации',
} as const;
