import type { CompetitionDetail, RoundDetail } from '@palmares/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReorderList } from '../../../components/reorder/reorder-list';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { useSetPitchOrder } from '../api/set-pitch-order';
import { AxisName } from './axis-name';
import { Refusal } from './refusal';
import { useMoveLabels } from './use-move-labels';

type Finalist = { id: number; name: string; axisId: number | undefined };

/** The final's finalists in pitch order (unplaced ones last, by id). */
function finalists(competition: CompetitionDetail, round: RoundDetail): Finalist[] {
  return [...round.entrants]
    .sort((a, b) => (a.pitchPosition ?? Number.MAX_SAFE_INTEGER) - (b.pitchPosition ?? Number.MAX_SAFE_INTEGER) || a.id - b.id)
    .map(({ id }) => {
      const entrant = competition.entrants.find((e) => e.id === id);
      return { id, name: entrant?.name ?? String(id), axisId: entrant?.axisId };
    });
}

/** Draw the pitch order at random (the seed is recorded and shown) or set it by hand with up / down. */
export function PitchOrderPanel({ competition, round }: { competition: CompetitionDetail; round: RoundDetail }) {
  const { t } = useTranslation('organiser');
  const moveLabels = useMoveLabels();
  const setOrder = useSetPitchOrder(competition.id);
  const current = finalists(competition, round);
  const placed = round.entrants.every((e) => e.pitchPosition !== null);
  const [draft, setDraft] = useState<Finalist[] | null>(null);
  const editable = round.state === 'draft' || round.state === 'open';
  const [redrawing, setRedrawing] = useState(false);

  return (
    <div className="org-stack">
      {placed ? (
        <p>
          {round.pitchSeed ? (
            <>
              {t('order.drawnWithSeed')} <code className="org-seed">{round.pitchSeed}</code>
            </>
          ) : (
            t('order.setByHand')
          )}
        </p>
      ) : (
        <p>{t('order.notYet')}</p>
      )}
      {draft ? (
        <>
          <ReorderList
            items={draft}
            keyOf={(f) => f.id}
            nameOf={(f) => f.name}
            render={(f) => (
              <>
                <bdi className="org-strong">{f.name}</bdi> <AxisName competition={competition} axisId={f.axisId ?? 0} />
              </>
            )}
            onChange={setDraft}
            moveLabels={moveLabels}
            block="org-reorder"
          />
          <div className="org-actions">
            <Button busy={setOrder.isPending} onClick={() => setOrder.mutate({ entrantIds: draft.map((f) => f.id) }, { onSuccess: () => setDraft(null) })}>
              {t('order.save')}
            </Button>
            <Button variant="secondary" onClick={() => setDraft(null)}>
              {t('dialog.cancel')}
            </Button>
          </div>
        </>
      ) : (
        <>
          {placed ? (
            <ol className="org-order" aria-label={t('order.listLabel')}>
              {current.map((f) => (
                <li key={f.id}>
                  <bdi className="org-strong">{f.name}</bdi> <AxisName competition={competition} axisId={f.axisId ?? 0} />
                </li>
              ))}
            </ol>
          ) : null}
          {editable ? (
            <div className="org-actions">
              {round.state === 'draft' ? (
                <Button busy={setOrder.isPending} onClick={() => (placed ? setRedrawing(true) : setOrder.mutate({ draw: true }))}>
                  {placed ? t('order.redraw') : t('order.draw')}
                </Button>
              ) : null}
              <Button variant="secondary" onClick={() => setDraft(current)}>
                {t('order.byHand')}
              </Button>
            </div>
          ) : null}
        </>
      )}
      {!redrawing ? <Refusal error={setOrder.error} /> : null}
      <ConfirmDialog
        open={redrawing}
        title={t('confirm.redraw.title')}
        body={
          <>
            <p>{t('confirm.redraw.body')}</p>
            <ol aria-label={t('confirm.redraw.current')}>
              {current.map((f) => (
                <li key={f.id}>
                  <bdi>{f.name}</bdi>
                </li>
              ))}
            </ol>
          </>
        }
        irreversible={t('confirm.redraw.irreversible')}
        confirmLabel={t('order.redraw')}
        busy={setOrder.isPending}
        error={<Refusal error={setOrder.error} />}
        onCancel={() => {
          setRedrawing(false);
          setOrder.reset();
        }}
        onConfirm={() => setOrder.mutate({ draw: true }, { onSuccess: () => setRedrawing(false) })}
      />
    </div>
  );
}
