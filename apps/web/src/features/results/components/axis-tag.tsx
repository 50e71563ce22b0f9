import type { Axis, Lang } from '@palmares/contract';
import type { CSSProperties } from 'react';
import { TranslatedText } from '../../../components/ui/translated-text';

/** A theme axis: its colour as a dot (never the only cue) and its translated name. */
export function AxisTag({ axis, code, fallbackLang }: { axis: Pick<Axis, 'color' | 'labels'> | undefined; code: string; fallbackLang: Lang }) {
  return (
    <span className="res-axis" style={{ '--axis-color': axis?.color ?? '#6b7280' } as CSSProperties}>
      <span className="res-axis__dot" aria-hidden="true" />
      {axis ? <TranslatedText labels={axis.labels} fallbackLang={fallbackLang} /> : code}
    </span>
  );
}
