import type { Deliberation, ResultsSnapshot } from '@palmares/contract';
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
import { Refusal } from './refusal';

const when = (iso: string, lang: ReturnType<typeof useLanguage>) => formatDate(iso, lang, { dateStyle: 'medium', timeStyle: 'short' });

function Signatures({ snapshot }: { snapshot: ResultsSnapshot | null }) {
  const { t } = useTranslation('results');
  const lang = useLanguage();
  return (
    <ul className="res-signatures" role="list">
      {(['chair', 'organiser'] as const).map((role) => {
        const signed = snapshot?.signoffs.find((s) => s.role === role);
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

function Verify({ viewer, roundId }: { viewer: Viewer; roundId: number }) {
  const { t } = useTranslation('results');
  const verify = useVerifyResults(viewer, roundId);
  return (
    <div className="res-verify">
      <Button variant="secondary" busy={verify.isPending} onClick={() => verify.mutate()}>
        {t('verify.button')}
      </Button>
      {verify.data ? (
        <div role="status" className="res-verify__result">
          <p className={verify.data.snapshot.match ? 'res-ok' : 'res-bad'}>
            <span aria-hidden="true">{verify.data.snapshot.match ? '✓ ' : '✗ '}</span>
            {verify.data.snapshot.match ? t('verify.match') : t('verify.mismatch')}
          </p>
          <p className="res-hint">
            {t('verify.fingerprint')} <code className="res-fingerprint">{verify.data.snapshot.storedFingerprint}</code>
          </p>
          {!verify.data.snapshot.fingerprintMatches ? (
            <p className="res-hint">
              {t('verify.recomputed')} <code className="res-fingerprint">{verify.data.snapshot.recomputedFingerprint}</code>
            </p>
          ) : null}
          <p className={verify.data.chain.ok ? 'res-ok' : 'res-bad'}>
            <span aria-hidden="true">{verify.data.chain.ok ? '✓ ' : '✗ '}</span>
            {verify.data.chain.ok
              ? t('verify.chainOk', { count: verify.data.chain.entries })
              : t('verify.chainBroken', { entry: verify.data.chain.brokenAt ?? 0 })}
          </p>
        </div>
      ) : null}
      <Refusal error={verify.error} />
    </div>
  );
}

function Publish({ viewer, roundId, snapshot }: { viewer: Extract<Viewer, { role: 'organiser' }>; roundId: number; snapshot: ResultsSnapshot | null }) {
  const { t } = useTranslation('results');
  const id = useId();
  const publish = usePublishResults(viewer, roundId);
  const bothSigned = snapshot !== null && ['chair', 'organiser'].every((role) => snapshot.signoffs.some((s) => s.role === role));
  return (
    <div className="res-actions">
      <Button busy={publish.isPending} disabled={!bothSigned} aria-describedby={bothSigned ? undefined : `${id}-why`} onClick={() => publish.mutate()}>
        {t('signoff.publish')}
      </Button>
      {!bothSigned ? (
        <p id={`${id}-why`} className="res-hint">
          {t('signoff.publishNeeds')}
        </p>
      ) : null}
      <Refusal error={publish.error} />
    </div>
  );
}

/** Sign-off by the chair and the organiser, publication once both signed, and the checks. */
export function SignoffPanel({ viewer, deliberation }: { viewer: Viewer; deliberation: Deliberation }) {
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
  const mine = current?.signoffs.some((s) => s.role === viewer.role) ?? false;
  const competitionId = viewer.role === 'organiser' ? viewer.competitionId : null;

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
      <Signatures snapshot={current} />
      {current ? (
        <p className="res-hint">
          {t('verify.fingerprint')} <code className="res-fingerprint">{current.fingerprint}</code>
        </p>
      ) : null}
      {!published ? (
        <div className="res-actions">
          <Button busy={sign.isPending} disabled={pending || mine} aria-describedby={pending || mine ? `${id}-why` : undefined} onClick={() => sign.mutate()}>
            {t(`signoff.sign.${viewer.role}`)}
          </Button>
          {pending || mine ? (
            <p id={`${id}-why`} className="res-hint">
              {pending ? t('signoff.pendingTie') : t('signoff.alreadySigned')}
            </p>
          ) : null}
          <Refusal error={sign.error} />
        </div>
      ) : null}
      {viewer.role === 'organiser' && !published ? <Publish viewer={viewer} roundId={roundId} snapshot={current} /> : null}
      {current ? <Verify viewer={viewer} roundId={roundId} /> : null}
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
