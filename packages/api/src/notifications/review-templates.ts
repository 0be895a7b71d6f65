/** Messages about an application's checks and review, and about the card issued from it. */
export const reviewTemplateNames = [
  'application-needs-correction',
  'application-in-review',
  'application-approved',
  'application-rejected',
  'application-returned',
  'card-issued',
] as const;

type ReviewTemplateName = (typeof reviewTemplateNames)[number];

interface ReviewTemplateText {
  subject: string;
  lines: string[];
  short: string;
}

type Data = Record<string, string>;

const application = (data: Data) =>
  `Заявление № ${data.applicationNumber ?? ''} на карту организации «${data.organisation ?? ''}»`;
const seeAccount = (data: Data) =>
  data.link
    ? [`Подробности — в личном кабинете: ${data.link}`]
    : ['Подробности — в личном кабинете.'];

/** The texts; `data` carries `applicationNumber`, `organisation`, `link` and per-template fields. */
export const reviewTemplates: Record<ReviewTemplateName, (data: Data) => ReviewTemplateText> = {
  'application-needs-correction': (data) => ({
    subject: 'Заявление требует исправления',
    lines: [
      `${application(data)} не прошло автоматическую проверку документов.`,
      `Что исправить: ${data.remarks ?? ''}`,
      'Исправьте документы и отправьте заявление снова.',
      ...seeAccount(data),
    ],
    short: `Orgcard: заявление № ${data.applicationNumber ?? ''} требует исправления документов.`,
  }),
  'application-in-review': (data) => ({
    subject: 'Заявление на рассмотрении',
    lines: [
      `${application(data)} прошло автоматическую проверку и передано оператору.`,
      `Решение будет принято до ${data.dueAt ?? ''} (время московское).`,
      ...seeAccount(data),
    ],
    short: `Orgcard: заявление № ${data.applicationNumber ?? ''} на рассмотрении у оператора.`,
  }),
  'application-approved': (data) => ({
    subject: 'Заявление одобрено',
    lines: [
      `${application(data)} одобрено.`,
      'Карта выпускается: когда она будет готова, придут письмо и SMS с инструкцией по активации.',
    ],
    short: `Orgcard: заявление № ${data.applicationNumber ?? ''} одобрено, карта выпускается.`,
  }),
  'application-rejected': (data) => ({
    subject: 'В выдаче карты отказано',
    lines: [
      `По заявлению № ${data.applicationNumber ?? ''} организации «${data.organisation ?? ''}» в выдаче карты отказано.`,
      `Причина: ${data.reason ?? ''}`,
      ...seeAccount(data),
    ],
    short: `Orgcard: по заявлению № ${data.applicationNumber ?? ''} отказано. Причина — в личном кабинете.`,
  }),
  'application-returned': (data) => ({
    subject: 'Заявление возвращено на исправление',
    lines: [
      `Оператор вернул ${application(data).replace('Заявление', 'заявление')} на исправление.`,
      `Замечания оператора: ${data.remarks ?? ''}`,
      'Исправьте заявление и отправьте его снова.',
      ...seeAccount(data),
    ],
    short: `Orgcard: заявление № ${data.applicationNumber ?? ''} возвращено на исправление.`,
  }),
  'card-issued': (data) => ({
    subject: 'Карта выпущена',
    lines: [
      `Карта организации «${data.organisation ?? ''}» выпущена: ${data.cardNumber ?? ''}, действует до ${data.validTo ?? ''}.`,
      'Карта выпущена: активируйте её кодом из SMS и задайте ПИН.',
      'Откройте карту в личном кабинете и нажмите «Активировать»: мы пришлём код в SMS, после него вы зададите ПИН для подписи.',
      ...seeAccount(data),
    ],
    short: `Orgcard: карта ${data.cardNumber ?? ''} выпущена. Активируйте её кодом из SMS и задайте ПИН.`,
  }),
};
