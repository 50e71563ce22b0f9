import type { CompetitionDetail, RoundDetail, RoundRankingResponse, ShortlistReplacement } from '@palmares/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Loading } from '../../../components/ui/loading';
import { formatNumber } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { useRanking } from '../api/get-ranking';
import { useConfirmShortlist, usePublishShortlist } from '../api/round-transitions';
import { AxisName } from './axis-name';
import { Refusal } from './refusal';
import { Round1FeedbackOption } from './round1-feedback-option';
import { ProposalAndConfirmed, ShortlistOverrideForm } from './shortlist-override';
import { ShortlistTieSettler } from './shortlist-tie-settler';
import { TableScroll } from './table-scroll';
import { useQuotaSentence } from './use-quota-sentence';

type Explanation = RoundRankingResponse['explanations'][number];

/** Why the quotas passed an entrant over: a short note for the table, a sentence for the list. */
function useSkipSentence(competition: CompetitionDetail, axisOf: (entrantId: number) => string | undefined) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const { boundsOf, hasExceptions } = useQuotaSentence(competition);
  return (explanation: Explanation | undefined, long = false) => {
    if (!explanation) return null;
    // Its own axis's cap; the seat kept for another axis under that axis's minimum (axes may differ).
    const bounds = boundsOf(axisOf(explanation.entrantId) ?? '');
    const values = { max: formatNumber(bounds.max ?? 0, lang), min: formatNumber(competition.rules.shortlist.axisMin, lang) };
    if (explanation.reason === 'axis-max') return t(long ? 'shortlist.skipAxisMax' : 'shortlist.skipAxisMaxShort', values);
    if (explanation.reason !== 'reserved-for-axis-min') return null;
    if (hasExceptions) return t(long ? 'shortlist.skipReservedAxes' : 'shortlist.skipReservedAxesShort');
    return t(long ? 'shortlist.skipReserved' : 'shortlist.skipReservedShort', values);
  };
}

interface ShortlistConfirmationProps {
  asking: 'confirm' | 'publish' | null;
  count: number;
  /** The startups ranked in round 1, each of which learns its status on publication. */
  total: number;
  finalists: { id: number; name: string; axisCode: string }[];
  competition: CompetitionDetail;
  busy: boolean;
  error: React.ReactNode;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Before confirming or publishing the finalists: their names, and that neither can be taken back. */
function ShortlistConfirmation({ asking, count, total, finalists, competition, busy, error, onCancel, onConfirm }: ShortlistConfirmationProps) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const n = formatNumber(count, lang);
  const action = asking ?? 'confirm';
  return (
    <ConfirmDialog
      open={asking !== null}
      title={t(`confirm.shortlist.${action}Title`, { count, n })}
      body={
        <>
          <p>{action === 'confirm' ? t('confirm.shortlist.confirmBody', { count }) : t('confirm.shortlist.publishBody', { count: total })}</p>
          <ol aria-label={t('confirm.shortlist.listLabel')}>
            {finalists.map((f) => (
              <li key={f.id}>
                <bdi>{f.name}</bdi> <AxisName competition={competition} axisCode={f.axisCode} />
              </li>
            ))}
          </ol>
        </>
      }
      irreversible={t(`confirm.shortlist.${action}Irreversible`)}
      confirmLabel={t(action === 'confirm' ? 'shortlist.confirm' : 'shortlist.publish', { count, n })}
      busy={busy}
      error={error}
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  );
}

/** The proposed shortlist: the ranked table, each quota skip in words, the tie to settle, confirm and publish. */
export function ShortlistPanel({ competition, round }: { competition: CompetitionDetail; round: RoundDetail }) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const ranking = useRanking(competition.id, round.id);
  const confirm = useConfirmShortlist(competition.id);
  const publish = usePublishShortlist(competition.id);
  const { sentence: rulesSentence } = useQuotaSentence(competition);
  const [replacements, setReplacements] = useState<ShortlistReplacement[]>([]);
  const axisOfEntrant = (id: number) => ranking.data?.entrants.find((e) => e.id === id)?.axisCode;
  const skipSentence = useSkipSentence(competition, axisOfEntrant);
  const [asking, setAsking] = useState<'confirm' | 'publish' | null>(null);

  if (ranking.isPending) return <Loading />;
  if (ranking.isError) return <Refusal error={ranking.error} />;
  const { result, entrants, explanations, openSeats } = ranking.data;
  const byId = new Map(entrants.map((e) => [String(e.id), e]));
  const selected = new Set(result.selection?.selected ?? []);
  // What "confirm" will keep: the proposal with the organiser's replacements applied.
  const removedIds = new Set(replacements.map((r) => String(r.removedEntrantId)));
  const confirmedSet = new Set([...[...selected].filter((id) => !removedIds.has(id)), ...replacements.map((r) => String(r.addedEntrantId))]);
  const pending = result.selection?.needsChairDecision ?? null;
  const skipOf = (id: number) => explanations.find((e) => e.entrantId === id && e.reason !== 'needs-chair-decision');
  const tied = (pending?.entrants ?? []).map((e) => ({ id: Number(e), name: byId.get(e)?.name ?? e }));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  // The seats the tie is for, from the ranking: `pending.seats` also counts those the quotas keep from the tied.
  const seats = openSeats ?? 0;

  return (
    <div className="org-stack">
      <p className="org-lead">
        {round.state === 'confirmed'
          ? t('shortlist.confirmedLead', { count: selected.size, n: formatNumber(selected.size, lang) })
          : t('shortlist.proposedLead', { count: selected.size, n: formatNumber(selected.size, lang) })}{' '}
        {rulesSentence}
      </p>
      <TableScroll label={t('shortlist.tableLabel')}>
        <table className="org-table">
          <caption>{t('shortlist.tableLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('shortlist.rank')}</th>
              <th scope="col">{t('shortlist.entrant')}</th>
              <th scope="col">{t('shortlist.axis')}</th>
              <th scope="col">{t('shortlist.score')}</th>
              <th scope="col">{t('shortlist.scorecards')}</th>
              <th scope="col">{t('shortlist.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {result.ranking.map((row) => {
              const entrant = byId.get(row.entrant);
              const isSelected = selected.has(row.entrant);
              const isTied = pending?.entrants.includes(row.entrant) ?? false;
              const skip = entrant ? skipSentence(skipOf(entrant.id)) : null;
              return (
                <tr key={row.entrant} className={isSelected ? 'org-row--selected' : undefined}>
                  <td className="org-num">{row.rank === null ? '—' : formatNumber(row.rank, lang)}</td>
                  <th scope="row">
                    <bdi>{entrant?.name ?? row.entrant}</bdi>
                  </th>
                  <td>{entrant ? <AxisName competition={competition} axisCode={entrant.axisCode} /> : null}</td>
                  <td className="org-num">{row.display === null ? '—' : formatNumber(Number(row.display), lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</td>
                  <td className="org-num">{formatNumber(row.scored, lang)}</td>
                  <td>
                    {isSelected ? (
                      <span className="org-status org-status--submitted">
                        <span aria-hidden="true">★ </span>
                        {t('shortlist.selected')}
                      </span>
                    ) : isTied ? (
                      <span className="org-status org-status--draft">
                        <span aria-hidden="true">= </span>
                        {t('shortlist.tied')}
                      </span>
                    ) : (
                      <span className="muted">{t('shortlist.notSelected')}</span>
                    )}
                    {skip ? <span className="org-skip">{skip}</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {explanations.length > 0 ? (
        <section aria-labelledby="org-skips" className="org-stack">
          <h3 id="org-skips">{t('shortlist.whyTitle')}</h3>
          <ul className="org-explanations">
            {explanations.map((e) => (
              <li key={`${e.entrantId}-${e.reason}`}>
                {e.reason === 'needs-chair-decision' ? (
                  t('shortlist.tieSentence', { names: tied.map((x) => x.name).join(', '), count: seats })
                ) : (
                  <>
                    <bdi className="org-strong">{nameOf(String(e.entrantId))}</bdi> {skipSentence(e, true)}
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p>{t('shortlist.noSkips')}</p>
      )}
      {ranking.data.chairDecision ? (
        <p className="org-note">
          {t('shortlist.chairDecided', {
            names: ranking.data.chairDecision.entrantIds.map((id) => nameOf(String(id))).join(' > '),
          })}{' '}
          <q dir="auto">{ranking.data.chairDecision.reason}</q>
        </p>
      ) : null}
      {pending && round.state === 'closed' ? (
        <ShortlistTieSettler key={pending.entrants.join(',')} competitionId={competition.id} roundId={round.id} tied={tied} seats={seats} />
      ) : null}
      {round.state === 'confirmed' ? <Round1FeedbackOption competitionId={competition.id} published={round.publishedAt !== null} /> : null}
      {round.state === 'closed' && pending === null ? <ShortlistOverrideForm ranking={ranking.data} replacements={replacements} onChange={setReplacements} /> : null}
      {round.state === 'confirmed' && (ranking.data.overrides ?? []).length > 0 ? <ProposalAndConfirmed ranking={ranking.data} overrides={ranking.data.overrides ?? []} /> : null}
      <div className="org-actions">
        {round.state === 'closed' ? (
          <Button busy={confirm.isPending} disabled={pending !== null} onClick={() => setAsking('confirm')}>
            {replacements.length > 0
              ? t('shortlist.confirmWith', { count: replacements.length, n: formatNumber(selected.size, lang), r: formatNumber(replacements.length, lang) })
              : t('shortlist.confirm', { count: selected.size, n: formatNumber(selected.size, lang) })}
          </Button>
        ) : null}
        {round.state === 'confirmed' && round.publishedAt === null ? (
          <Button busy={publish.isPending} onClick={() => setAsking('publish')}>
            {t('shortlist.publish', { count: selected.size, n: formatNumber(selected.size, lang) })}
          </Button>
        ) : null}
        {round.state === 'confirmed' ? (
          <Link className="btn btn--secondary" to={`/competitions/${competition.id}/final`}>
            {t('shortlist.toFinal')}
          </Link>
        ) : null}
      </div>
      {round.publishedAt !== null ? <p role="status">{t('shortlist.published')}</p> : null}
      {pending && round.state === 'closed' ? <p className="muted">{t('shortlist.settleFirst')}</p> : null}
      {asking === null ? <Refusal error={confirm.error ?? publish.error} /> : null}
      <ShortlistConfirmation
        asking={asking}
        count={selected.size}
        total={entrants.length}
        finalists={result.ranking.filter((row) => confirmedSet.has(row.entrant)).map((row) => byId.get(row.entrant) ?? { id: Number(row.entrant), name: row.entrant, axisCode: '' })}
        competition={competition}
        busy={confirm.isPending || publish.isPending}
        error={<Refusal error={confirm.error ?? publish.error} />}
        onCancel={() => {
          setAsking(null);
          confirm.reset();
          publish.reset();
        }}
        onConfirm={() => {
          const done = { onSuccess: () => setAsking(null) };
          if (asking === 'confirm') confirm.mutate(replacements.length > 0 ? { roundId: round.id, replacements } : round.id, done);
          else publish.mutate(round.id, done);
        }}
      />
    </div>
  );
}
