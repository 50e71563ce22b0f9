import type { CompetitionDetail } from '@palmares/contract';
import { TranslatedText } from '../../../components/ui/translated-text';

/** An axis by its id or code, in the reader's language, with its colour as a marker. */
export function AxisName({ competition, axisId, axisCode }: { competition: CompetitionDetail; axisId?: number; axisCode?: string }) {
  const axis = competition.axes.find((a) => a.id === axisId || a.code === axisCode);
  if (!axis) return <bdi>{axisCode ?? ''}</bdi>;
  return (
    <span className="org-axis">
      <span className="org-axis__dot" aria-hidden="true" style={{ backgroundColor: axis.color }} />
      <TranslatedText labels={axis.labels} fallbackLang={competition.defaultLanguage} />
    </span>
  );
}
