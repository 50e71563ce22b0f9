import { z } from 'zod';

export const LANGUAGES = ['fr', 'en', 'ar'] as const;
export const LangSchema = z.enum(LANGUAGES);
export type Lang = z.infer<typeof LangSchema>;

/** A text given in some of the event's languages; the UI falls back to the default language. */
export const TranslatedSchema = z.partialRecord(LangSchema, z.string().max(2000));
export type Translated = z.infer<typeof TranslatedSchema>;
