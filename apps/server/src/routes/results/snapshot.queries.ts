import type { DeliberationDecision, ResultsSnapshot } from '@palmares/contract';
import type { Db } from '../../db/open-db.js';

interface SnapshotRow {
  id: number;
  round_id: number;
  method: string;
  rubric_version: number;
  fingerprint: string;
  input: string;
  result: string;
  chair_decisions: string;
  created_at: string;
  published_at: string | null;
}

/**
 * Decisions as stored in a snapshot. The shortlist's snapshots (rounds screen) keep the raw
 * chair_decisions rows; the final's keep {@link DeliberationDecision}s. Both read the same.
 */
function decisionsOf(text: string): DeliberationDecision[] {
  return (JSON.parse(text) as Record<string, unknown>[]).map((d) =>
    'entrant_order' in d
      ? {
          id: Number(d['id']),
          entrantIds: (JSON.parse(String(d['entrant_order'])) as unknown[]).map(Number),
          reason: String(d['reason']),
          decidedBy: String(d['decided_by']),
          createdAt: String(d['created_at']),
        }
      : (d as unknown as DeliberationDecision),
  );
}

export function snapshotQueries(db: Db) {
  const latest = db.prepare<[number], SnapshotRow>('SELECT * FROM result_snapshots WHERE round_id = ? ORDER BY id DESC LIMIT 1');
  // The signatory's name beside the actor ('juror:<id>' for the chair, 'user:<id>' for the organiser).
  const signoffs = db.prepare<[number], { role: 'chair' | 'organiser'; actor: string; signed_at: string; name: string | null }>(
    `SELECT s.role, s.actor, s.signed_at, COALESCE(j.name, u.name) AS name FROM signoffs s
     LEFT JOIN jurors j ON s.actor = 'juror:' || j.id LEFT JOIN users u ON s.actor = 'user:' || u.id
     WHERE s.snapshot_id = ? ORDER BY s.signed_at, s.role`,
  );
  const toSnapshot = (row: SnapshotRow): ResultsSnapshot => ({
    id: row.id,
    roundId: row.round_id,
    method: row.method,
    rubricVersion: row.rubric_version,
    fingerprint: row.fingerprint,
    chairDecisions: decisionsOf(row.chair_decisions),
    input: JSON.parse(row.input) as Record<string, unknown>,
    result: JSON.parse(row.result) as Record<string, unknown>,
    createdAt: row.created_at,
    publishedAt: row.published_at,
    signoffs: signoffs.all(row.id).map((s) => ({ role: s.role, actor: s.actor, name: s.name, signedAt: s.signed_at })),
  });
  return {
    /** The round's current snapshot: the latest one taken. */
    latest: (roundId: number) => {
      const row = latest.get(roundId);
      return row ? toSnapshot(row) : undefined;
    },
    /** The published snapshot of a competition's final, if any. */
    publishedFinal: (competitionId: number) => {
      const row = db
        .prepare<[number], SnapshotRow>(
          `SELECT s.* FROM result_snapshots s JOIN rounds r ON r.id = s.round_id
           WHERE r.competition_id = ? AND r.kind = 'final' AND s.published_at IS NOT NULL ORDER BY s.id DESC LIMIT 1`,
        )
        .get(competitionId);
      return row ? toSnapshot(row) : undefined;
    },
  };
}
