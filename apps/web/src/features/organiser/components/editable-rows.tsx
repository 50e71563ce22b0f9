import type { Lang, Translated } from '@palmares/contract';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { move } from '../../../components/reorder/move';
import { MoveButtons } from '../../../components/reorder/move-buttons';
import { Button } from '../../../components/ui/button';
import { FieldError, useFieldErrors } from '../../../components/ui/field-errors';
import { useMoveLabels } from './use-move-labels';

/** A row the organiser names with a code and a label per language: a theme axis, a criterion. */
interface NamedRow {
  code: string;
  labels: Translated;
}

interface EditableRowsProps<Row extends NamedRow> {
  rows: Row[];
  onChange: (rows: Row[]) => void;
  /** The event's default language: a row is named by its label in it, else its code, else its place. */
  language: Lang;
  /** The row's fields; `name` is what the buttons call it. */
  renderRow: (row: Row, index: number, name: string) => ReactNode;
  newRow: () => NoInfer<Row>;
  addLabel: string;
  /** The settings are locked: the rows are shown, with no buttons to change them. */
  locked: boolean;
}

/**
 * A row's code, then `children` (its colour, its weight), then its label in each language of the
 * event: the fields of one row of the grid.
 */
export function NameFields({ id, path, row, languages, onChange, children }: { id: string; path: string; row: NamedRow; languages: Lang[]; onChange: (patch: Partial<NamedRow>) => void; children: ReactNode }) {
  const { t } = useTranslation('organiser');
  const { t: tc } = useTranslation();
  const { invalidProps } = useFieldErrors();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-code`}>{t('setup.code')}</label>
        <input id={`${id}-code`} dir="ltr" value={row.code} onChange={(e) => onChange({ code: e.target.value })} {...invalidProps(`${path}.code`)} />
        <FieldError path={`${path}.code`} />
      </div>
      {children}
      {languages.map((lang) => (
        <div className="field" key={lang}>
          <label htmlFor={`${id}-${lang}`}>{t('setup.labelIn', { language: tc(`language.${lang}`) })}</label>
          <input id={`${id}-${lang}`} lang={lang} dir="auto" value={row.labels[lang] ?? ''} onChange={(e) => onChange({ labels: { ...row.labels, [lang]: e.target.value } })} {...invalidProps(`${path}.labels.${lang}`)} />
          <FieldError path={`${path}.labels.${lang}`} />
        </div>
      ))}
    </>
  );
}

/** The rows of a set-up list, in order, each with up / down / remove, and a button to add one. */
export function EditableRows<Row extends NamedRow>({ rows, onChange, language, renderRow, newRow, addLabel, locked }: EditableRowsProps<Row>) {
  const { t } = useTranslation('organiser');
  const moveLabels = useMoveLabels();
  return (
    <>
      <ol className="org-rows">
        {rows.map((row, index) => {
          const name = row.labels[language] || row.code || String(index + 1);
          return (
            <li key={index} className="org-row-card">
              {renderRow(row, index, name)}
              {locked ? null : (
                <div className="org-actions org-actions--tight">
                  <MoveButtons name={name} index={index} count={rows.length} labels={moveLabels} onMove={(by) => onChange(move(rows, index, by))} />
                  <Button variant="ghost" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                    {t('setup.removeNamed', { name })}
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {locked ? null : (
        <Button variant="secondary" onClick={() => onChange([...rows, newRow()])}>
          {addLabel}
        </Button>
      )}
    </>
  );
}
