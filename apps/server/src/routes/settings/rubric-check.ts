import type { ErrorDetail, RubricUpdate } from '@palmares/contract';

/**
 * What the rubric lacks for the event's languages: every criterion needs a label in every language
 * and one level description per level in the default language. In the other languages a level
 * description may be left blank: the tablet then shows the default language's, marked as not
 * translated (30 mandatory Arabic fields per criterion on a 1–10 scale kept organisers from saving).
 * A list given in another language still has one entry per level, so a level cannot shift.
 */
export function rubricProblems(rubric: RubricUpdate, languages: readonly string[], defaultLanguage: string): ErrorDetail[] {
  const levelCount = rubric.scale.max - rubric.scale.min + 1;
  const figures = { count: levelCount, min: rubric.scale.min, max: rubric.scale.max };
  const problems: ErrorDetail[] = [];
  rubric.criteria.forEach((c, i) => {
    for (const lang of languages) {
      const label = c.labels[lang as keyof typeof c.labels];
      if (!label?.trim()) problems.push({ path: `criteria.${i}.labels.${lang}`, rule: 'required', message: `a label in ${lang}`, params: { lang } });
      const levels = c.levels[lang as keyof typeof c.levels] ?? [];
      const complete = levels.length === levelCount && levels.every((l) => l.trim() !== '');
      const fallsBack = lang !== defaultLanguage && (levels.length === levelCount || levels.every((l) => l.trim() === ''));
      if (!complete && !fallsBack) {
        problems.push({
          path: `criteria.${i}.levels.${lang}`,
          rule: 'one_per_level',
          message: `${levelCount} level descriptions in ${lang} (scale ${rubric.scale.min}–${rubric.scale.max})`,
          params: { lang, ...figures },
        });
      }
    }
  });
  return problems;
}

/**
 * The rubric as stored: a language whose level descriptions are all blank is left out, so every
 * reader falls back to the default language for the whole criterion; blanks within a list stay
 * blank, and the tablet falls back for those levels only.
 */
export function withoutBlankTranslations(rubric: RubricUpdate, defaultLanguage: string): RubricUpdate {
  const criteria = rubric.criteria.map((c) => ({
    ...c,
    levels: Object.fromEntries(Object.entries(c.levels).filter(([lang, texts]) => lang === defaultLanguage || (texts ?? []).some((t) => t.trim() !== ''))),
  }));
  return { ...rubric, criteria };
}
