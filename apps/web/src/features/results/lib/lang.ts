import { LangSchema, type Lang } from '@palmares/contract';

/** A language code from the server ("fr"), narrowed to ours; the French default otherwise. */
export function asLang(code: string | undefined): Lang {
  const parsed = LangSchema.safeParse(code);
  return parsed.success ? parsed.data : 'fr';
}
