import { reviewTemplateNames, reviewTemplates } from './review-templates.ts';
import { applicationTemplateNames, applicationTemplates } from './application-templates.ts';

/** Every message the platform sends, by template name. */
export const templateNames = [
  'test-email',
  'sign-in-code',
  'phone-code',
  'email-code',
  'member-invitation',
  'power-of-attorney-code',
  'power-of-attorney-granted',
  'power-of-attorney-revoked',
  ...reviewTemplateNames,
  ...applicationTemplateNames,
] as const;
export type TemplateName = (typeof templateNames)[number];

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  /** The short form for SMS and push. */
  short: string;
}

interface TemplateText {
  subject: string;
  lines: string[];
  short: string;
}

type TemplateData = Record<string, string>;

const templates: Record<TemplateName, (data: TemplateData) => TemplateText> = {
  ...reviewTemplates,
  ...applicationTemplates,
  'test-email': (data) => ({
    subject: 'Проверка доставки писем Orgcard',
    lines: [
      `Здравствуйте, ${data.name ?? 'коллега'}!`,
      'Это проверочное письмо: если вы его читаете, почта платформы работает.',
    ],
    short: 'Orgcard: проверка доставки сообщений.',
  }),
  'sign-in-code': (data) => ({
    subject: 'Код для входа в Orgcard',
    lines: [`Код для входа: ${data.code ?? ''}.`, 'Он действует 5 минут. Никому его не сообщайте.'],
    short: `Orgcard: код для входа ${data.code ?? ''}. Никому не сообщайте.`,
  }),
  'phone-code': (data) => ({
    subject: 'Подтверждение телефона',
    lines: [`Код подтверждения телефона: ${data.code ?? ''}.`],
    short: `Orgcard: код подтверждения телефона ${data.code ?? ''}.`,
  }),
  'email-code': (data) => ({
    subject: 'Подтверждение адреса почты',
    lines: [
      `Код подтверждения почты: ${data.code ?? ''}.`,
      'Он действует 5 минут.',
      ...(data.link
        ? [
            `Введите его на странице подтверждения или откройте ссылку: ${data.link}?emailCode=${data.code ?? ''}`,
          ]
        : []),
    ],
    short: `Orgcard: код подтверждения почты ${data.code ?? ''}.`,
  }),
  'member-invitation': (data) => ({
    subject: `Приглашение в ${data.organisation ?? 'организацию'} в Orgcard`,
    lines: [
      `${data.inviter ?? 'Руководитель'} приглашает вас в ${data.organisation ?? 'организацию'} ` +
        `с ролью «${data.role ?? ''}».`,
      `Чтобы принять приглашение, откройте ссылку: ${data.link ?? ''}`,
      'Ссылка действует 7 дней. Если вы не ждали приглашения, просто удалите это письмо.',
    ],
    short: `Orgcard: приглашение в ${data.organisation ?? 'организацию'}. Ссылка в письме.`,
  }),
  'power-of-attorney-code': (data) => ({
    subject: 'Код для подписания доверенности',
    lines: [
      `Код для подписания доверенности на имя ${data.representative ?? 'участника'}: ` +
        `${data.code ?? ''}.`,
      'Он действует 5 минут. Никому его не сообщайте.',
    ],
    short:
      `Orgcard: код ${data.code ?? ''} — подпись доверенности на имя ` +
      `${data.representative ?? 'участника'}. Никому не сообщайте.`,
  }),
  'power-of-attorney-granted': (data) => ({
    subject: `Вам выдана доверенность от ${data.organisation ?? 'организации'}`,
    lines: [
      `Доверенность на ваше имя от ${data.organisation ?? 'организации'} подписана ` +
        `руководителем: ${data.principal ?? ''}.`,
      `Полномочия: ${data.scopes ?? ''}.`,
      `Действует с ${data.validFrom ?? ''} по ${data.validTo ?? ''}.`,
    ],
    short: `Orgcard: вам выдана доверенность от ${data.organisation ?? 'организации'}.`,
  }),
  'power-of-attorney-revoked': (data) => ({
    subject: `Доверенность от ${data.organisation ?? 'организации'} отозвана`,
    lines: [
      `Доверенность № ${data.number ?? ''} от ${data.organisation ?? 'организации'} отозвана ` +
        'и больше не действует.',
      `Причина: ${data.reason ?? 'не указана'}.`,
    ],
    short: `Orgcard: доверенность от ${data.organisation ?? 'организации'} отозвана.`,
  }),
};

function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** Renders a template to a subject, plain text, HTML (escaped) and a short SMS/push form. */
export function renderTemplate(name: TemplateName, data: TemplateData): RenderedMessage {
  const { subject, lines, short } = templates[name](data);
  const paragraphs = lines.map((line) => `<p style="margin:0 0 12px">${escapeHtml(line)}</p>`);
  const html =
    `<!doctype html><html lang="ru"><body style="font-family:sans-serif;color:#1f2937">` +
    `<h1 style="font-size:20px">${escapeHtml(subject)}</h1>${paragraphs.join('')}` +
    `<p style="color:#6b7280;font-size:12px">Orgcard — мобильная карта организации</p>` +
    `</body></html>`;
  const text = `${lines.join('\n\n')}\n\n—\nOrgcard — мобильная карта организации\n`;

  return { subject, text, html, short };
}
