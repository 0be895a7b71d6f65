import { describe, expect, it } from 'vitest';
import { renderTemplate } from './templates.ts';

describe('message templates', () => {
  it('renders the test email in Russian as text and HTML', () => {
    const message = renderTemplate('test-email', { name: 'Анна' });

    expect(message.subject).toBe('Проверка доставки писем Orgcard');
    expect(message.text.startsWith('Здравствуйте, Анна!')).toBe(true);
    expect(message.html).toContain('<html lang="ru">');
  });

  it('escapes data in the HTML form', () => {
    const message = renderTemplate('test-email', { name: '<script>alert(1)</script>' });

    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('&lt;script&gt;');
  });

  it('puts the code into the short SMS form', () => {
    expect(renderTemplate('sign-in-code', { code: '042917' }).short).toContain('042917');
  });

  it('puts the invitation link and the role into the invitation email', () => {
    const message = renderTemplate('member-invitation', {
      organisation: 'ООО "Ромашка"',
      inviter: 'Иванов Иван',
      role: 'бухгалтер',
      link: 'https://orgcard.example/invitations/abc',
    });

    expect(message.subject).toBe('Приглашение в ООО "Ромашка" в Orgcard');
    expect(message.text).toContain('с ролью «бухгалтер»');
    expect(message.text).toContain('https://orgcard.example/invitations/abc');
  });
});
