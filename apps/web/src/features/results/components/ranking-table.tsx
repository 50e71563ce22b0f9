import type { DeliberationRow } from '@palmares/contract';
import { useTranslation } from 'react-i18next';
import { localDecimal, localResult } from '../lib/numbers';
import { AxisTag } from './axis-tag';
import { axisOf, type DeliberationContext } from './context';
import { CorrectionForm, CorrectionsList } from './correction-form';
import { PrizeRulesText, RuleNoteSpan } from './prize-rules';
import { RankingHead } from './ranking-head';

function CorrectedScores({ ctx, row }: { ctx: DeliberationContext; row: DeliberationRow }) {
  const { t } = useTranslation('results');
  const jurorName = (n: number) => ctx.deliberation.jurors.find((j) => j.number === n)?.name ?? t('juror.anonymous', { number: n });
  return (
    <ul className="res-scores" role="list">
      {row.scorecards.map((card) => {
        const value = localDecimal(card.corrected.display, ctx.lang);
        return (
          <li key={card.juror} className={card.trimmed ? 'res-scores__item res-scores__item--trimmed' : 'res-scores__item'}>
            <span className="res-scores__juror">
              <bdi>{jurorName(card.juror)}</bdi>
            </span>
            {card.trimmed ? (
              <>
                <s aria-hidden="true">{value}</s>
                <span className="visually-hidden">{t(card.trimmed === 'high' ? 'ranking.trimmedHigh' : 'ranking.trimmedLow', { value })}</span>
                <span className="res-scores__note" aria-hidden="true">
                  {t(card.trimmed === 'high' ? 'ranking.setAsideHigh' : 'ranking.setAsideLow')}
                </span>
              </>
            ) : (
              <span>{value}</span>
            )}
            {card.correctedByChair ? <span className="res-badge">{t('ranking.corrected')}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Which selection rule acted on this row, and for whom, when one did. */
function RuleNoteLine({ ctx, entrantId }: { ctx: DeliberationContext; entrantId: number }) {
  const note = ctx.deliberation.ruleNotes.find((n) => n.entrantId === entrantId);
  const nameOf = (id: number) => ctx.deliberation.ranking.find((r) => r.entrantId === id)?.name ?? String(id);
  return <RuleNoteSpan note={note} final={ctx.deliberation.kind === 'final'} nameOf={nameOf} lang={ctx.lang} />;
}

function RankRow({ ctx, row, canCorrect, roundId }: { ctx: DeliberationContext; row: DeliberationRow; canCorrect: boolean; roundId: number }) {
  const { t } = useTranslation('results');
  return (
    <tbody className={row.selected ? 'res-rank res-rank--selected' : 'res-rank'}>
      <tr>
        <td className="res-num">{row.rank ?? '—'}</td>
        <th scope="row" className="res-rank__name">
          <bdi>{row.name}</bdi>
          {row.selected ? (
            <span className="res-badge res-badge--prize">
              <span aria-hidden="true">★ </span>
              {t('ranking.selected')}
            </span>
          ) : null}
          <RuleNoteLine ctx={ctx} entrantId={row.entrantId} />
        </th>
        <td>
          <AxisTag axis={axisOf(ctx, row.axisCode)} code={row.axisCode} fallbackLang={ctx.fallbackLang} />
        </td>
        <td className="res-num res-strong">{localResult(row.score, ctx.lang)}</td>
        <td className="res-num">{localResult(row.rawMean, ctx.lang)}</td>
        <td className="res-num">{row.scored}</td>
        <td className="res-num">{row.trimmed}</td>
      </tr>
      <tr className="res-rank__details">
        <td colSpan={7}>
          <details>
            <summary>{t('ranking.details', { name: `\u2068${row.name}\u2069` })}</summary>
            <CorrectedScores ctx={ctx} row={row} />
            <CorrectionsList ctx={ctx} entrantId={row.entrantId} />
            {canCorrect ? <CorrectionForm ctx={ctx} row={row} roundId={roundId} /> : null}
          </details>
        </td>
      </tr>
    </tbody>
  );
}

/** The ranking: rank, startup, axis, score by the method, raw mean, scorecards and trims. */
export function RankingTable({ ctx, canCorrect }: { ctx: DeliberationContext; canCorrect: boolean }) {
  const { t } = useTranslation('results');
  const { deliberation } = ctx;
  // The section is not a second region: the scrolling table below is the one named by the heading
  // (two regions of the same name fail axe's landmark-unique).
  return (
    <section className="res-section">
      <h2 id="res-ranking">{t('ranking.title')}</h2>
      <p className="muted">{t(`method.${deliberation.method}`)}</p>
      <PrizeRulesText rules={deliberation.selectionRules} final={deliberation.kind === 'final'} headingLevel={3} />
      <div className="res-scroll" role="region" aria-labelledby="res-ranking" tabIndex={0}>
        <table className="res-table">
          <RankingHead trims />
          {deliberation.ranking.map((row) => (
            <RankRow key={row.entrantId} ctx={ctx} row={row} canCorrect={canCorrect} roundId={deliberation.roundId} />
          ))}
        </table>
      </div>
    </section>
  );
}
