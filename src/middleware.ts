import { defineMiddleware } from 'astro:middleware';
import { defaultLocale } from './i18n/locales';
import { useTranslations } from './i18n/translate';
import { localeFromPath } from './lib/routing';

/**
 * Puts the page's locale and its translation function on `Astro.locals`, so every
 * component reaches UI strings the same way (`Astro.locals.t`) and none imports i18next.
 * Pages outside a locale ("/", "/404") get the default locale.
 */
export const onRequest = defineMiddleware((context, next) => {
  const locale = localeFromPath(context.url.pathname) ?? defaultLocale;
  context.locals.locale = locale;
  context.locals.t = useTranslations(locale);
  return next();
});
