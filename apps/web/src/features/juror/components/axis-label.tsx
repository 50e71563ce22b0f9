import type { Axis, Lang } from '@palmares/contract';
import type { CSSProperties } from 'react';
import { TranslatedText } from '../../../components/ui/translated-text';

/** An axis name with its colour marker (the colour repeats the name, it never replaces it). */
export function AxisLabel({ axis, fallbackLang }: { axis: Axis | undefined; fallbackLang: Lang }) {
  if (!axis) return null;
  return (
    <span className="juror-axis" style={{ '--axis-color': axis.color } as CSSProperties}>
      <span className="juror-axis__marker" aria-hidden="true" />
      <TranslatedText labels={axis.labels} fallbackLang={fallbackLang} />
    </span>
  );
}
