import type { CompetitionDetail, LiveBoard as Board } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { formatDate } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { useLiveBoard } from '../api/get-live-board';
import type { StreamStatus } from '../api/use-live-stream';
import { CompleteUnsubmitted } from './complete-unsubmitted';
import { TableScroll } from './table-scroll';

type Status = Board['cells'][number]['status'];

/** Each status has its own mark and words, so the board never relies on colour alone. */
const MARKS: Record<Status, string> = {
  submitted: '✓',
  draft: '✎',
  recused: '⊘',
  'not-started': '·',
  'not-assigned': '–',
};

/** `compact` (a board cell): the mark alone on screen, its words for screen readers and in the legend. */
export function StatusMark({ status, compact = false }: { status: Status; compact?: boolean }) {
  const { t } = useTranslation('organiser');
  return (
    <span className={`org-status org-status--${status}`}>
      <span aria-hidden="true" className="org-status__mark">
        {MARKS[status]}
      </span>
      <span className={compact ? 'visually-hidden' : 'org-status__text'}>{t(`board.status.${status}`)}</span>
    </span>
  );
}

/** Jurors × finalists, filling in as scorecards arrive; each juror's last contact. */
export function LiveBoard({ competition, roundId, stream }: { competition: CompetitionDetail; roundId: number; stream: StreamStatus }) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const board = useLiveBoard(competition.id, roundId);
  if (board.isPending) return <Loading />;
  if (board.isError) return <ErrorMessage error={board.error} onRetry={() => void board.refetch()} />;
  const entrants = [...board.data.entrants].sort((a, b) => (a.pitchPosition ?? 1e9) - (b.pitchPosition ?? 1e9) || a.id - b.id);
  const cell = (jurorId: number, entrantId: number): Status =>
    board.data.cells.find((c) => c.jurorId === jurorId && c.entrantId === entrantId)?.status ?? 'not-assigned';
  const onStage = board.data.nowPitching.entrantId;

  return (
    <div className="org-stack">
      <p className={`org-stream org-stream--${stream}`} role="status">
        <span aria-hidden="true">{stream === 'open' ? '●' : '○'} </span>
        {t(`board.stream.${stream}`)}
      </p>
      {board.data.state === 'open' ? <CompleteUnsubmitted board={board.data} /> : null}
      <TableScroll label={t('board.label')}>
        <table className="org-table org-board">
          <caption>{t('board.label')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('board.juror')}</th>
              <th scope="col">{t('board.lastContact')}</th>
              {entrants.map((e) => (
                <th key={e.id} scope="col" className={e.id === onStage ? 'org-board__on-stage' : undefined}>
                  {e.pitchPosition !== null ? <span className="org-board__slot">{e.pitchPosition}</span> : null}
                  <bdi>{e.name}</bdi>
                  {e.id === onStage ? <span className="org-board__badge">{t('board.onStage')}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {board.data.jurors.map((j) => (
              <tr key={j.id}>
                <th scope="row">
                  <bdi>{j.name}</bdi>
                  <span className="org-board__count">
                    {t('board.submittedOf', { submitted: j.submitted, assigned: j.assigned })}
                  </span>
                </th>
                <td>
                  {j.lastSeenAt ? (
                    <time dateTime={j.lastSeenAt}>{formatDate(j.lastSeenAt, lang, { timeStyle: 'short' })}</time>
                  ) : (
                    <span className="muted">{t('board.never')}</span>
                  )}
                </td>
                {entrants.map((e) => (
                  <td key={e.id} className={e.id === onStage ? 'org-board__on-stage' : undefined}>
                    <StatusMark status={cell(j.id, e.id)} compact />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <ul className="org-legend" aria-label={t('board.legend')}>
        {(['submitted', 'draft', 'not-started', 'recused', 'not-assigned'] as const).map((s) => (
          <li key={s}>
            <StatusMark status={s} />
          </li>
        ))}
      </ul>
    </div>
  );
}
