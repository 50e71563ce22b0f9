import { AxesUpdateSchema, type AxisInput, type CompetitionDetail } from '@palmares/contract';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateAxes } from '../api/update-axes';
import { EditableRows, NameFields } from './editable-rows';
import { SettingsForm } from './settings-form';
import { describeSetupPath } from './setup-paths';

/** The theme axes in display order: code, colour and a label in each language of the event. */
export function AxesForm({ competition }: { competition: CompetitionDetail }) {
  const { t } = useTranslation('organiser');
  const { t: tc } = useTranslation();
  const id = useId();
  const update = useUpdateAxes(competition.id);
  const [axes, setAxes] = useState<AxisInput[]>(competition.axes.map(({ code, color, labels }) => ({ code, color, labels })));
  const locked = competition.settingsLocked;

  const change = (index: number, patch: Partial<AxisInput>) => setAxes(axes.map((a, i) => (i === index ? { ...a, ...patch } : a)));

  return (
    <SettingsForm
      schema={AxesUpdateSchema}
      draft={() => ({ axes })}
      save={update}
      locked={locked}
      saveLabel={t('setup.saveAxes')}
      describePath={(path) => describeSetupPath(path, { axes }, competition.defaultLanguage, t, tc)}
    >
      <fieldset className="org-fieldset" disabled={locked}>
        <legend>{t('setup.axes')}</legend>
        <EditableRows
          rows={axes}
          onChange={setAxes}
          language={competition.defaultLanguage}
          newRow={() => ({ code: '', color: '#1b4f8a', labels: {} })}
          addLabel={t('setup.addAxis')}
          locked={locked}
          renderRow={(axis, index) => (
            <div className="org-grid-form">
              <NameFields id={`${id}-${index}`} path={`axes.${index}`} row={axis} languages={competition.languages} onChange={(patch) => change(index, patch)}>
                <div className="field">
                  <label htmlFor={`${id}-${index}-color`}>{t('setup.color')}</label>
                  <input id={`${id}-${index}-color`} type="color" className="org-color" value={axis.color} onChange={(e) => change(index, { color: e.target.value })} />
                </div>
              </NameFields>
            </div>
          )}
        />
      </fieldset>
    </SettingsForm>
  );
}
