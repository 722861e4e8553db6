import { readFileSync } from 'node:fs';

/** The portal's languages: English and Simplified Chinese. */
export const locales = ['en', 'zh'] as const;
export type Locale = (typeof locales)[number];

/** The BCP 47 tag Intl formats a locale with. */
export const intlTag: Record<Locale, string> = { en: 'en-GB', zh: 'zh-Hans-CN' };

/** Looks a message up by key and fills its `{name}` placeholders. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

const catalogues = new Map<Locale, Record<string, string>>(
  locales.map((locale) => [locale, JSON.parse(readFileSync(new URL(`../../data/web/messages/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>]),
);

/** Every message key of a locale's catalogue (tests check the catalogues agree). */
export function messageKeys(locale: Locale): string[] {
  return Object.keys(catalogues.get(locale)!).sort();
}

/** The translate function of a locale; an unknown key shows itself, so a gap is visible rather than blank. */
export function translator(locale: Locale): Translate {
  const messages = catalogues.get(locale)!;
  return (key, params = {}) => (messages[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** True when `text` names one of the portal's locales. */
export function isLocale(text: unknown): text is Locale {
  return typeof text === 'string' && (locales as readonly string[]).includes(text);
}

/** The locale a browser asks for: its remembered choice, else the first Accept-Language it lists that the portal has, else English. */
export function negotiateLocale(remembered: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(remembered)) return remembered;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().split(';')[0].toLowerCase();
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}
