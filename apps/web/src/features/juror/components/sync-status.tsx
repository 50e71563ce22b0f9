import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/use-language';
import { useNow } from '../hooks/use-now';
import type { OutboxEntry } from '../lib/outbox-logic';
import { useOutbox } from '../stores/outbox-store';
import { relativeTime } from './relative-time';

type Tone = 'synced' | 'pending' | 'offline' | 'problem';

/** The words and tone of the sync state; the dot repeats the tone, the words carry the meaning. */
function useSyncWords(entries: OutboxEntry[], compact: boolean): { tone: Tone; text: string } {
  const { t } = useTranslation('juror');
  const lang = useLanguage();
  const now = useNow();
  const { reachable, lastContactAt, blockedCode } = useOutbox();
  const pending = entries.filter((e) => !e.problem).length;
  const problems = entries.length - pending;
  const ago = lastContactAt ? relativeTime(now - lastContactAt, lang) : null;
  if (blockedCode === 'UNAUTHENTICATED') return { tone: 'problem', text: t('sync.unbound') };
  if (blockedCode === 'BINDING_LOCKED') return { tone: 'problem', text: t('sync.bindingLocked') };
  if (problems > 0) return { tone: 'problem', text: t('sync.problems', { count: problems }) };
  if (pending > 0 && !reachable) {
    const offline = t('sync.offline', { count: pending });
    return { tone: 'offline', text: ago && !compact ? `${offline} · ${t('sync.lastContact', { ago })}` : offline };
  }
  if (pending > 0) return { tone: 'pending', text: t('sync.savedHere', { count: pending }) };
  if (!reachable) return { tone: 'offline', text: ago ? t('sync.offlineSynced', { ago }) : t('sync.offlineNever') };
  return { tone: 'synced', text: ago ? t('sync.synced', { ago }) : t('sync.savedHereOnly') };
}

/**
 * "synced 12 s ago" / "offline: 7 changes waiting", with a coloured dot. One per screen region
 * (the header; the scorecard's fixed footer), every one on the same clock (hooks/use-now.ts) and
 * the same store, so they always say the same thing.
 */
export function SyncStatus({ entries, className, compact = false }: { entries: OutboxEntry[]; className?: string; compact?: boolean }) {
  const { tone, text } = useSyncWords(entries, compact);
  return (
    <p className={['sync-status', `sync-status--${tone}`, className].filter(Boolean).join(' ')}>
      <span className="sync-status__dot" aria-hidden="true" />
      <span>{text}</span>
    </p>
  );
}
