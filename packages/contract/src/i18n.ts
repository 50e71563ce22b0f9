import { z } from 'zod';
import { longText } from './text.js';

export const LANGUAGES = ['fr', 'en', 'ar'] as const;
export const LangSchema = z.enum(LANGUAGES);
export type Lang = z.infer<typeof LangSchema>;

/** A text given in some of the event's languages; the UI falls back to the default language. */
export const TranslatedSchema = z.partialRecord(LangSchema, longText(2000));
export type Translated = z.infer<typeof TranslatedSchema>;
