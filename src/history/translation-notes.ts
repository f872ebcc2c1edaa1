import { siteConfig } from '../config/site';
import type { Locale } from '../i18n/locales';
import type { CollectionName } from '../schema/collections';
import { currentTranslationReport, type TranslationReport } from './translation-report';
import { calendarDay, entryKey } from '../lib/translation-status';

/** The note on a public page whose translation is outdated: the language of the newer text and the day it changed. */
export interface OutdatedNote {
  locale: Locale;
  /** YYYY-MM-DD, the day in Rome of the change this translation has not followed. */
  since: string;
}

export type OutdatedNotes = (collection: CollectionName, slug: string, locale: Locale) => OutdatedNote | undefined;

let made: { report: TranslationReport; notes: OutdatedNotes } | undefined;

/**
 * The notes of the outdated translations of the site (src/history/translation-report.ts): a page
 * in a language whose text another language has changed since names that language, which
 * must be published (not a draft), and the day. None when the setting is off
 * (TRANSLATION_NOTE=off, src/config/site.ts) or the statuses are unknown.
 */
export async function outdatedNotes(): Promise<OutdatedNotes> {
  if (!siteConfig.translationNote) return () => undefined;
  const report = await currentTranslationReport({ live: import.meta.env.DEV });
  if (made?.report !== report) {
    const notes = new Map<string, OutdatedNote>();
    for (const e of report.entries) {
      for (const [locale, s] of Object.entries(e.locales) as [Locale, (typeof e.locales)[Locale]][]) {
        const newer = s.status === 'outdated' ? s.newer?.find((l) => !e.drafts.includes(l)) : undefined;
        if (newer && s.since) notes.set(`${entryKey(e.collection, e.slug)}/${locale}`, { locale: newer, since: calendarDay(s.since) });
      }
    }
    made = { report, notes: (collection, slug, locale) => notes.get(`${entryKey(collection, slug)}/${locale}`) };
  }
  return made.notes;
}
