import type { ResultsSnapshot, ResultsVerify } from '@palmares/contract';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { formatDate } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/use-language';
import { usePublishResults, useSignResults, useSnapshot, useVerifyResults } from '../api/snapshot';
import type { Viewer } from '../api/viewer';
import type { DeliberationContext } from './context';
import { IntegrityCells } from './integrity-banner';
import { LoggedChanges } from './logged-changes';
import { Refusal } from './refusal';

const when = (iso: string, lang: ReturnType<typeof useLanguage>) => formatDate(iso, lang, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Who signed. On a snapshot a later change left behind, each signature is struck through with
 * the fingerprint it was given to, and the role waits for a new one.
 */
function Signatures({ snapshot }: { snapshot: ResultsSnapshot | null }) {
  const { t } = useTranslation('results');
  const lang = useLanguage();
  const stale = Boolean(snapshot?.stale);
  return (
    <ul className="res-signatures" role="list">
      {(['chair', 'organiser'] as const).map((role) => {
        const signed = snapshot?.signoffs.find((s) => s.role === role);
        if (signed && stale && snapshot) {
          return (
            <li key={role} className="res-signature res-signature--stale">
              <span aria-hidden="true">✗</span>{' '}
              <del>
                {t(`signoff.signed.${role}`, { when: when(signed.signedAt, lang) })}{' '}
                <span className="res-hint">
                  {t('verify.fingerprint')} <code className="res-fingerprint">{snapshot.fingerprint.slice(0, 16)}…</code>
                </span>
              </del>{' '}
              <strong>{t('stale.outOfDate')}</strong> {t(`signoff.waiting.${role}`)}
            </li>
          );
        }
        return (
          <li key={role} className={signed ? 'res-signature res-signature--done' : 'res-signature'}>
            <span aria-hidden="true">{signed ? '✓' : '○'}</span>{' '}
            {signed ? t(`signoff.signed.${role}`, { when: when(signed.signedAt, lang) }) : t(`signoff.waiting.${role}`)}
          </li>
        );
      })}
    </ul>
  );
}

/** Why the signatures no longer count, and what to do: sign again. */
function StaleNotice({ ctx, snapshot }: { ctx: DeliberationContext; snapshot: ResultsSnapshot }) {
  const { t } = useTranslation('results');
  if (!snapshot.stale) return null;
  return (
    <div className="res-banner res-banner--review" role="status">
      <p className="res-banner__title">{t('stale.title')}</p>
      <p>{t('stale.explain', { count: snapshot.stale.changes.length })}</p>
      <LoggedChanges ctx={ctx} changes={snapshot.stale.changes} />
    </div>
  );
}

/** One verdict, one sentence: intact, out of date by the logged changes, or tampered (which cells, the chain, the result). */
function verdictSentence(v: ResultsVerify, t: TFunction<'results'>): string {
  if (v.verdict === 'intact') return t('verify.intact', { count: v.chain.entries });
  if (v.verdict === 'stale') return t('verify.stale', { count: v.changes.length });
  if (!v.chain.ok) return t('verify.tamperedChain', { entry: v.chain.brokenAt ?? 0 });
  if (!v.integrity.ok) return t('verify.tamperedCells', { count: v.integrity.total });
  return t('verify.tamperedResult');
}

function Verify({ viewer, roundId, ctx }: { viewer: Viewer; roundId: number; ctx: DeliberationContext }) {
  const { t } = useTranslation('results');
  const verify = useVerifyResults(viewer, roundId);
  const v = verify.data;
  return (
    <div className="res-verify">
      <Button variant="secondary" busy={verify.isPending} onClick={() => verify.mutate()}>
        {t('verify.button')}
      </Button>
      {v ? (
        <div role="status" className="res-verify__result">
          <p className={v.verdict === 'intact' ? 'res-ok' : v.verdict === 'stale' ? 'res-warn' : 'res-bad'}>
            <span aria-hidden="true">{v.verdict === 'intact' ? '✓ ' : v.verdict === 'stale' ? '! ' : '✗ '}</span>
            {verdictSentence(v, t)}
          </p>
          {v.verdict === 'stale' ? <LoggedChanges ctx={ctx} changes={v.changes} /> : null}
          {v.verdict === 'tampered' && !v.integrity.ok ? <IntegrityCells ctx={ctx} cells={v.integrity.cells} total={v.integrity.total} /> : null}
          <p className="res-hint">
            {t('verify.fingerprint')} <code className="res-fingerprint">{v.storedFingerprint}</code>
          </p>
          {v.verdict === 'tampered' && !v.fingerprintMatches ? (
            <p className="res-hint">
              {t('verify.recomputed')} <code className="res-fingerprint">{v.recomputedFingerprint}</code>
            </p>
          ) : null}
        </div>
      ) : null}
      <Refusal error={verify.error} />
    </div>
  );
}

function Publish({ viewer, roundId, snapshot, tampered }: { viewer: Extract<Viewer, { role: 'organiser' }>; roundId: number; snapshot: ResultsSnapshot | null; tampered: boolean }) {
  const { t } = useTranslation('results');
  const id = useId();
  const publish = usePublishResults(viewer, roundId);
  const bothSigned = snapshot !== null && !snapshot.stale && ['chair', 'organiser'].every((role) => snapshot.signoffs.some((s) => s.role === role));
  const ready = bothSigned && !tampered;
  return (
    <div className="res-actions">
      <Button busy={publish.isPending} disabled={!ready} aria-describedby={ready ? undefined : `${id}-why`} onClick={() => publish.mutate()}>
        {t('signoff.publish')}
      </Button>
      {!ready ? (
        <p id={`${id}-why`} className="res-hint">
          {tampered ? t('integrity.blocked') : snapshot?.stale ? t('stale.publishNeeds') : t('signoff.publishNeeds')}
        </p>
      ) : null}
      <Refusal error={publish.error} />
    </div>
  );
}

/** Sign-off by the chair and the organiser, publication once both signed, and the checks. */
export function SignoffPanel({ viewer, ctx }: { viewer: Viewer; ctx: DeliberationContext }) {
  const { deliberation } = ctx;
  const { t } = useTranslation('results');
  const lang = useLanguage();
  const id = useId();
  const roundId = deliberation.roundId;
  const snapshot = useSnapshot(viewer, roundId);
  const sign = useSignResults(viewer, roundId);
  if (deliberation.kind !== 'final') return null;
  if (snapshot.isPending) return <Loading />;
  if (snapshot.isError) return <ErrorMessage error={snapshot.error} onRetry={() => void snapshot.refetch()} />;
  const current = snapshot.data;
  const published = current?.publishedAt ?? null;
  const pending = deliberation.selection.needsChairDecision !== null;
  // A signature on a snapshot a later change left behind no longer counts: sign again.
  const mine = !current?.stale && (current?.signoffs.some((s) => s.role === viewer.role) ?? false);
  const competitionId = viewer.role === 'organiser' ? viewer.competitionId : null;
  // Scores the event log does not give: nothing is signed or published until they are put back.
  const tampered = !deliberation.integrity.ok;
  const blocked = pending || mine || tampered;

  return (
    <section className="res-section res-signoff" aria-labelledby="res-signoff">
      <h2 id="res-signoff">{t('signoff.title')}</h2>
      {published ? (
        <p className="res-ok">
          <span aria-hidden="true">✓ </span>
          {t('signoff.published', { when: when(published, lang) })}
        </p>
      ) : (
        <p>{t('signoff.explain')}</p>
      )}
      {current && !published ? <StaleNotice ctx={ctx} snapshot={current} /> : null}
      <Signatures snapshot={current} />
      {current && !current.stale ? (
        <p className="res-hint">
          {t('verify.fingerprint')} <code className="res-fingerprint">{current.fingerprint}</code>
        </p>
      ) : null}
      {!published ? (
        <div className="res-actions">
          <Button busy={sign.isPending} disabled={blocked} aria-describedby={blocked ? `${id}-why` : undefined} onClick={() => sign.mutate()}>
            {t(`signoff.sign.${viewer.role}`)}
          </Button>
          {blocked ? (
            <p id={`${id}-why`} className="res-hint">
              {tampered ? t('integrity.blocked') : pending ? t('signoff.pendingTie') : t('signoff.alreadySigned')}
            </p>
          ) : null}
          <Refusal error={sign.error} />
        </div>
      ) : null}
      {viewer.role === 'organiser' && !published ? <Publish viewer={viewer} roundId={roundId} snapshot={current} tampered={tampered} /> : null}
      {current ? <Verify viewer={viewer} roundId={roundId} ctx={ctx} /> : null}
      {published && competitionId !== null ? (
        <ul className="res-links" role="list">
          <li>
            <Link to={`/competitions/${competitionId}/winners`}>{t('links.winners')}</Link>
          </li>
          <li>
            <Link to={`/competitions/${competitionId}/ceremony`}>{t('links.ceremony')}</Link>
          </li>
        </ul>
      ) : null}
    </section>
  );
}
