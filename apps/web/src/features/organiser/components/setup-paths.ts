import type { Translated } from '@palmares/contract';
import type { TFunction } from 'i18next';

interface Row {
  code: string;
  labels: Translated;
}

/**
 * What the organiser calls a field of the axes or rubric form, from the request path the server or
 * the contract names: `criteria.1.levels.ar` → "Critère 2 « Impact » · descriptions des niveaux (arabe)".
 */
export function describeSetupPath(path: string, rows: { criteria?: Row[]; axes?: Row[] }, language: string, t: TFunction<'organiser'>, tc: TFunction): string | undefined {
  const [head, index, field, lang] = path.split('.');
  if (head === 'scale') return index === 'min' ? t('setup.scaleMin') : index === 'max' ? t('setup.scaleMax') : t('setup.scale');
  if (head !== 'criteria' && head !== 'axes') return undefined;
  if (index === undefined || !/^\d+$/.test(index)) return head === 'criteria' ? t('setup.criteria') : t('setup.axes');
  const n = Number(index);
  const row = rows[head]?.[n];
  const name = row ? row.labels[language as keyof Translated] || row.code : '';
  const which = head === 'criteria' ? t('setup.criterionN', { n: n + 1, name }) : t('setup.axisN', { n: n + 1, name });
  const languageName = lang ? tc(`language.${lang as 'fr' | 'en' | 'ar'}`) : '';
  const part =
    field === 'code'
      ? t('setup.code')
      : field === 'weight'
        ? t('setup.weight')
        : field === 'color'
          ? t('setup.color')
          : field === 'labels'
            ? t('setup.labelIn', { language: languageName })
            : field === 'levels'
              ? t('setup.levelsIn', { language: languageName })
              : undefined;
  return part ? `${which} · ${part}` : which;
}
