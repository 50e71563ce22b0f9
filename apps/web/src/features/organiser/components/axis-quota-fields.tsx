import type { CompetitionDetail } from '@palmares/contract';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, useFieldErrors } from '../../../components/ui/field-errors';
import { TranslatedText } from '../../../components/ui/translated-text';

/** The form's names of an axis's own quota inputs. */
export const quotaNames = (code: string) => ({ own: `quotaOwn-${code}`, min: `quotaMin-${code}`, max: `quotaMax-${code}` });

/**
 * Reads the axes with their own quota from the form, in axis order: each row replaces the
 * default minimum and maximum for that axis (an empty maximum: no cap).
 */
export function readAxisQuotas(data: FormData, axes: CompetitionDetail['axes']) {
  return axes
    .filter((a) => data.get(quotaNames(a.code).own) === 'on')
    .map((a) => {
      const names = quotaNames(a.code);
      const max = String(data.get(names.max) ?? '').trim();
      return { axis: a.code, min: Number(data.get(names.min) ?? 0), max: max === '' ? null : Number(max) };
    });
}

/** Per axis: the default quota, or one of its own (issue 16 point 6). */
export function AxisQuotaFields({ competition }: { competition: CompetitionDetail }) {
  const { t } = useTranslation('organiser');
  const id = useId();
  const { shortlist } = competition.rules;
  const [own, setOwn] = useState<string[]>(shortlist.perAxis.map((q) => q.axis));
  const { invalidProps } = useFieldErrors();
  // The request lists only the axes with their own quota, in axis order: a row's index there.
  const indexOf = (code: string) => competition.axes.filter((a) => own.includes(a.code)).findIndex((a) => a.code === code);

  return (
    <div className="org-stack">
      <p className="org-sub">{t('setup.perAxisExplain')}</p>
      <table className="org-table org-quota-table">
        <caption>{t('setup.perAxis')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('shortlist.axis')}</th>
            <th scope="col">{t('setup.ownQuota')}</th>
            <th scope="col">{t('setup.shortlistAxisMin')}</th>
            <th scope="col">{t('setup.shortlistAxisMax')}</th>
          </tr>
        </thead>
        <tbody>
          {competition.axes.map((axis) => {
            const names = quotaNames(axis.code);
            const saved = shortlist.perAxis.find((q) => q.axis === axis.code);
            const isOwn = own.includes(axis.code);
            const index = indexOf(axis.code);
            const rowId = `${id}-${axis.code}`;
            return (
              <tr key={axis.code}>
                <th scope="row" id={`${rowId}-name`}>
                  <TranslatedText labels={axis.labels} fallbackLang={competition.defaultLanguage} />
                </th>
                <td>
                  <label className="org-choice">
                    <input
                      type="checkbox"
                      name={names.own}
                      checked={isOwn}
                      aria-describedby={`${rowId}-name`}
                      onChange={(e) => setOwn(e.target.checked ? [...own, axis.code] : own.filter((c) => c !== axis.code))}
                    />
                    <span>{t('setup.ownQuotaChoice')}</span>
                  </label>
                </td>
                <td>
                  {isOwn ? (
                    <>
                      <input
                        type="number"
                        min={0}
                        name={names.min}
                        className="org-input--narrow"
                        aria-labelledby={`${rowId}-name ${rowId}-min`}
                        defaultValue={saved?.min ?? shortlist.axisMin}
                        {...invalidProps(`shortlist.perAxis.${index}.min`)}
                      />
                      <span id={`${rowId}-min`} className="visually-hidden">
                        {t('setup.shortlistAxisMin')}
                      </span>
                      <FieldError path={`shortlist.perAxis.${index}.min`} />
                    </>
                  ) : (
                    <span className="muted">{t('setup.defaultQuota')}</span>
                  )}
                </td>
                <td>
                  {isOwn ? (
                    <>
                      <input
                        type="number"
                        min={1}
                        name={names.max}
                        className="org-input--narrow"
                        placeholder={t('setup.noLimit')}
                        aria-labelledby={`${rowId}-name ${rowId}-max`}
                        defaultValue={saved ? (saved.max ?? '') : (shortlist.axisMax ?? '')}
                        {...invalidProps(`shortlist.perAxis.${index}.max`)}
                      />
                      <span id={`${rowId}-max`} className="visually-hidden">
                        {t('setup.shortlistAxisMax')}
                      </span>
                      <FieldError path={`shortlist.perAxis.${index}.max`} />
                    </>
                  ) : (
                    <span className="muted">{t('setup.defaultQuota')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
