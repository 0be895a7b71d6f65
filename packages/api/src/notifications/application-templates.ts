/** Messages of an application's own steps: the submission code, the fee paid, the sending. */
export const applicationTemplateNames = [
  'application-submit-code',
  'application-fee-paid',
  'application-submitted',
] as const;

type ApplicationTemplateName = (typeof applicationTemplateNames)[number];

interface ApplicationTemplateText {
  subject: string;
  lines: string[];
  short: string;
}

type Data = Record<string, string>;

const number = (data: Data) => data.applicationNumber ?? '';

/** The texts; `data` carries `applicationNumber` and per-template fields. */
export const applicationTemplates: Record<
  ApplicationTemplateName,
  (data: Data) => ApplicationTemplateText
> = {
  'application-submit-code': (data) => ({
    subject: 'Код для отправки заявления',
    lines: [
      `Код для отправки заявления № ${number(data)}: ${data.code ?? ''}.`,
      'Он действует 5 минут. Никому его не сообщайте.',
    ],
    short: `Orgcard: код ${data.code ?? ''} для отправки заявления № ${number(data)}. Никому не сообщайте.`,
  }),
  'application-fee-paid': (data) => ({
    subject: 'Госпошлина оплачена',
    lines: [
      `Банк подтвердил оплату госпошлины по заявлению № ${number(data)}: ${data.amount ?? ''}.`,
      `УИН платежа: ${data.uin ?? ''}.`,
      'Теперь заявление можно отправить на проверку.',
    ],
    short: `Orgcard: госпошлина по заявлению № ${number(data)} оплачена.`,
  }),
  'application-submitted': (data) => ({
    subject: 'Заявление отправлено',
    lines: [
      `Заявление № ${number(data)} отправлено на проверку.`,
      'Документы проверятся автоматически; о результате мы сообщим письмом.',
    ],
    short: `Orgcard: заявление № ${number(data)} отправлено на проверку.`,
  }),
};
