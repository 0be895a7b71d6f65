import { ru, type MessageKey } from './ru.ts';

const dictionaries = { ru } as const;
export type Locale = keyof typeof dictionaries;

/** Looks up an interface text; `{name}` placeholders are filled from `params`. */
export function t(
  key: MessageKey,
  params: Record<string, string> = {},
  locale: Locale = 'ru',
): string {
  const template: string = dictionaries[locale][key];

  return template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}

export const dateTimeFormat = new Intl.DateTimeFormat('ru-RU', {
  dateStyle: 'short',
  timeStyle: 'medium',
  timeZone: 'Europe/Moscow',
});
