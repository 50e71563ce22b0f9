import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PIN_POLICY } from '../../../lib/contract-constants';
import { clock, type PinVerdict } from '../lib/pin-verdict';
import './pin-verdict.css';

/** What a wrong PIN would block: this tablet (the lock screen) or the juror's invitation link (a second tablet). */
export type PinTarget = 'tablet' | 'link';

/**
 * The time left of a pause, ticking every second. Mounted afresh for each pause (keyed by its
 * end), so the first frame already shows the real time left; tells the screen when it is over.
 */
function Countdown({ until, onOver }: { until: number; onOver?: (() => void) | undefined }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(id);
  }, []);
  const left = Math.max(0, until - now);
  useEffect(() => {
    if (left === 0) onOver?.();
  }, [left, onOver]);
  return (
    <span role="timer" dir="ltr" aria-live="off">
      {clock(left)}
    </span>
  );
}

/**
 * The truth about a refused PIN, in the juror's words (issue 14 point 6): the tries left before
 * the pause, the pause counting down, and before the try that blocks for good, a warning. The
 * same words whether the server or (offline) the tablet counted. `onPauseOver` lets the screen
 * clear the message and accept a PIN again once the countdown reaches zero.
 */
export function PinVerdictMessage({
  verdict,
  target,
  offline = false,
  onPauseOver,
}: {
  verdict: PinVerdict;
  target: PinTarget;
  offline?: boolean;
  onPauseOver?: () => void;
}) {
  const { t } = useTranslation('juror');
  const minutes = PIN_POLICY.windowMs / 60_000;
  const where = offline ? <p className="pin-verdict__where">{t('pinTries.offline')}</p> : null;
  if (verdict.kind === 'blocked') {
    return (
      <div className="pin-verdict pin-verdict--blocked" role="alert">
        <p>{offline ? t('lock.offlineLimit') : target === 'link' ? t('pinTries.linkBlocked') : t('lock.lockedOut')}</p>
      </div>
    );
  }
  if (verdict.kind === 'paused') {
    return (
      <div className="pin-verdict pin-verdict--paused" role="alert">
        <p>{t('pinTries.paused')}</p>
        <p className="pin-verdict__countdown">
          {t('pinTries.tryAgainIn')}{' '}
          <Countdown key={verdict.until} until={verdict.until} onOver={onPauseOver} />
        </p>
        {verdict.beforeBlock !== null ? (
          <p>{target === 'link' ? t('pinTries.afterPauseLink', { count: verdict.beforeBlock }) : t('pinTries.afterPause', { count: verdict.beforeBlock })}</p>
        ) : null}
        {where}
      </div>
    );
  }
  if (verdict.beforeBlock <= 1) {
    return (
      <div className="pin-verdict pin-verdict--last" role="alert">
        <p>{target === 'link' ? t('pinTries.lastLink') : t('pinTries.last')}</p>
        {where}
      </div>
    );
  }
  return (
    <div className="pin-verdict" role="alert">
      <p>{t('pinTries.wrong', { count: verdict.left, minutes })}</p>
      {where}
    </div>
  );
}
