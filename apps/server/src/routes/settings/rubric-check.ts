import type { ErrorDetail, RubricUpdate } from '@palmares/contract';

/**
 * What the rubric lacks for the event's languages: every criterion needs a label and exactly one
 * level description per level of the scale, in every language of the event.
 */
export function rubricProblems(rubric: RubricUpdate, languages: readonly string[]): ErrorDetail[] {
  const levelCount = rubric.scale.max - rubric.scale.min + 1;
  const problems: ErrorDetail[] = [];
  rubric.criteria.forEach((c, i) => {
    for (const lang of languages) {
      const label = c.labels[lang as keyof typeof c.labels];
      if (!label?.trim()) problems.push({ path: `criteria.${i}.labels.${lang}`, rule: 'required', message: `a label in ${lang}` });
      const levels = c.levels[lang as keyof typeof c.levels];
      if (levels?.length !== levelCount || levels.some((l) => !l.trim())) {
        problems.push({
          path: `criteria.${i}.levels.${lang}`,
          rule: 'one_per_level',
          message: `${levelCount} level descriptions in ${lang} (scale ${rubric.scale.min}–${rubric.scale.max})`,
        });
      }
    }
  });
  return problems;
}
