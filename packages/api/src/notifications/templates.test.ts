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
});
