import { ruIdentity } from './ru-identity.ts';
import { ruJournal } from './ru-journal.ts';
import { ruApplications } from './ru-applications.ts';
import { ruReview } from './ru-review.ts';
import { ruOrganisations } from './ru-organisations.ts';

/** Russian interface texts. Another language adds files with the same keys. */
export const ru = {
  ...ruIdentity,
  ...ruOrganisations,
  ...ruJournal,
  ...ruApplications,
  ...ruReview,
  'app.name': 'Orgcard',
  'app.tagline': 'Мобильная карта организации',
  'nav.home': 'Главная',
  'nav.outbox': 'Исходящие (разработка)',
  'nav.skip': 'Перейти к содержимому',
  'home.title': 'Мобильная карта организации',
  'home.lead':
    'Одна цифровая карта для ООО и НКО: подтверждает, кто вы и кто действует от вашего имени, ' +
    'подписывает документы и платит в пределах лимитов.',
  'home.steps.title': 'Как получить карту',
  'home.steps.register': 'Зарегистрируйте организацию и подтвердите полномочия руководителя.',
  'home.steps.apply': 'Подайте заявление с документами и оплатите госпошлину по QR-коду.',
  'home.steps.review': 'Заявление проверят автоматически и рассмотрит оператор.',
  'home.steps.activate': 'Активируйте карту кодом из SMS и задайте ПИН.',
  'home.status.title': 'Состояние сервиса',
  'home.status.ok': 'Все системы работают',
  'home.status.degraded': 'Часть систем недоступна',
  'home.status.database': 'База данных',
  'home.status.redis': 'Очереди (Redis)',
  'status.up': 'доступна',
  'status.down': 'недоступна',
  'outbox.title': 'Исходящие сообщения',
  'outbox.lead':
    'Письма, пойманные локальным SMTP-сервером, и SMS тестового провайдера. ' +
    'Страница есть только в среде разработки.',
  'outbox.empty': 'Пока ни одного сообщения. Отправьте тестовое письмо — оно появится здесь.',
  'outbox.email': 'Письмо',
  'outbox.sms': 'SMS',
  'outbox.to': 'Кому',
  'outbox.test.title': 'Тестовое письмо',
  'outbox.test.to': 'Адрес почты',
  'outbox.test.name': 'Имя получателя (необязательно)',
  'outbox.test.submit': 'Отправить тестовое письмо',
  'outbox.test.sent': 'Письмо поставлено в очередь. Обновите страницу через пару секунд.',
  'outbox.refresh': 'Обновить',
  'error.notFound.title': 'Страница не найдена',
  'error.notFound.text': 'Такой страницы нет. Проверьте адрес или вернитесь на главную.',
  'error.generic.title': 'Что-то пошло не так',
  'error.generic.text': 'Мы уже знаем об ошибке. Попробуйте ещё раз чуть позже.',
  'error.back': 'На главную',
} as const;

export type MessageKey = keyof typeof ru;
