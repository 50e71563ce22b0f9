import type { LiveBoard } from '@palmares/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { formatNumber } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { useAssignRound } from '../api/assign-round';
import { useLiveBoard } from '../api/get-live-board';
import { Refusal } from './refusal';
import { TableScroll } from './table-scroll';

const key = (j: number, e: number) => `${j}:${e}`;
const assignedIn = (board: LiveBoard) =>
  new Set(board.cells.filter((c) => c.status !== 'not-assigned' && c.status !== 'recused').map((c) => key(c.jurorId, c.entrantId)));

/**
 * The assignment of a draft round as a matrix, jurors × entrants (issue 16 point 5): each cell
 * ticked or not, by hand, saved through the API's manual mode; declared conflicts shown and never
 * assignable; the balance (scorecards per juror, per entrant) under and beside the grid.
 */
export function AssignmentMatrix({ competitionId, roundId }: { competitionId: number; roundId: number }) {
  const board = useLiveBoard(competitionId, roundId);
  if (!board.data) return null;
  // Re-seeded whenever the stored assignment changes (after a draw or a save).
  return <Matrix key={[...assignedIn(board.data)].sort().join(',')} competitionId={competitionId} roundId={roundId} board={board.data} />;
}

function Matrix({ competitionId, roundId, board }: { competitionId: number; roundId: number; board: LiveBoard }) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const assign = useAssignRound(competitionId, roundId);
  const stored = assignedIn(board);
  const [pairs, setPairs] = useState(() => new Set(stored));
  const recused = new Set(board.cells.filter((c) => c.status === 'recused').map((c) => key(c.jurorId, c.entrantId)));
  const changed = pairs.size !== stored.size || [...pairs].some((p) => !stored.has(p));
  const perJuror = (j: number) => board.entrants.filter((e) => pairs.has(key(j, e.id))).length;
  const perEntrant = (e: number) => board.jurors.filter((j) => pairs.has(key(j.id, e))).length;
  const toggle = (k: string) => {
    const next = new Set(pairs);
    if (next.has(k)) next.delete(k);
    else next.add(k);
    setPairs(next);
  };
  const save = () =>
    assign.mutate({
      mode: 'manual',
      pairs: [...pairs].map((p) => {
        const [jurorId, entrantId] = p.split(':').map(Number) as [number, number];
        return { jurorId, entrantId };
      }),
    });

  return (
    <section className="org-stack" aria-labelledby="org-matrix-title">
      <h3 id="org-matrix-title">{t('matrix.title')}</h3>
      <p className="org-sub">{t('matrix.explain')}</p>
      <TableScroll label={t('matrix.title')}>
        <table className="org-table org-matrix">
          <caption className="visually-hidden">{t('matrix.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('progress.entrant')}</th>
              {board.jurors.map((j) => (
                <th key={j.id} scope="col">
                  <bdi>{j.name}</bdi>
                </th>
              ))}
              <th scope="col">{t('matrix.perEntrant')}</th>
            </tr>
          </thead>
          <tbody>
            {board.entrants.map((e) => {
              const n = perEntrant(e.id);
              return (
                <tr key={e.id}>
                  <th scope="row">
                    <bdi>{e.name}</bdi>
                  </th>
                  {board.jurors.map((j) => {
                    const k = key(j.id, e.id);
                    return (
                      <td key={j.id} className="org-matrix__cell">
                        {recused.has(k) ? (
                          <span className="org-status org-status--draft">{t('matrix.conflict')}</span>
                        ) : (
                          <input type="checkbox" checked={pairs.has(k)} onChange={() => toggle(k)} aria-label={t('matrix.cell', { juror: j.name, entrant: e.name })} />
                        )}
                      </td>
                    );
                  })}
                  <td className="org-num">
                    {n === 0 ? <span className="org-status org-status--draft">{t('matrix.uncovered')}</span> : formatNumber(n, lang)}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('matrix.perJuror')}</th>
              {board.jurors.map((j) => (
                <td key={j.id} className="org-matrix__cell">
                  {formatNumber(perJuror(j.id), lang)}
                </td>
              ))}
              <td className="org-num">{formatNumber(pairs.size, lang)}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <div className="org-actions">
        <Button variant="secondary" disabled={!changed || pairs.size === 0} busy={assign.isPending} onClick={save}>
          {t('matrix.save', { count: pairs.size, n: formatNumber(pairs.size, lang) })}
        </Button>
        {changed ? <span className="muted">{t('matrix.unsaved')}</span> : null}
      </div>
      <Refusal error={assign.error} />
    </section>
  );
}
