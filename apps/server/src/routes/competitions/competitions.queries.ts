import {
  LangSchema,
  TranslatedSchema,
  type Axis,
  type CompetitionDetail,
  type CompetitionSummary,
  type Criterion,
  type Entrant,
  type Round,
} from '@palmares/contract';
import { z } from 'zod';
import { shortlistQuotas } from '../../results/axis-quotas.js';
import type { Db } from '../../db/open-db.js';
import { parseJsonColumn } from '../../lib/json-column.js';

interface CompetitionRow {
  id: number;
  name: string;
  starts_on: string;
  ends_on: string;
  venue: string;
  time_zone: string;
  languages: string;
  default_language: string;
  scale_min: number;
  scale_max: number;
  method: 'satm' | 'mean' | 'median' | 'zscore';
  trim: 'auto' | '0';
  award_count: number;
  award_axis_max: number | null;
  shortlist_size: number;
  shortlist_axis_min: number;
  shortlist_axis_max: number | null;
  settings_locked_at: string | null;
  idle_lock_minutes: number;
}

const LanguagesSchema = z.array(LangSchema);
const LevelsSchema = z.partialRecord(LangSchema, z.array(z.string()));

function toSummary(row: CompetitionRow): CompetitionSummary {
  return {
    id: row.id,
    name: row.name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    venue: row.venue,
    timeZone: row.time_zone,
    languages: parseJsonColumn(LanguagesSchema, row.languages),
    defaultLanguage: LangSchema.parse(row.default_language),
  };
}

export function competitionQueries(db: Db) {
  const forUser = db.prepare<[number], CompetitionRow>(
    `SELECT c.* FROM competitions c JOIN competition_organisers o ON o.competition_id = c.id
     WHERE o.user_id = ? ORDER BY c.starts_on DESC, c.id DESC`,
  );
  const byIdForUser = db.prepare<[number, number], CompetitionRow>(
    `SELECT c.* FROM competitions c JOIN competition_organisers o ON o.competition_id = c.id
     WHERE c.id = ? AND o.user_id = ?`,
  );
  const axes = db.prepare<[number], { id: number; code: string; color: string; labels: string }>(
    'SELECT id, code, color, labels FROM axes WHERE competition_id = ? ORDER BY position',
  );
  const criteria = db.prepare<[number], { id: number; code: string; weight: number; labels: string; levels: string }>(
    'SELECT id, code, weight, labels, levels FROM criteria WHERE competition_id = ? ORDER BY position',
  );
  const entrants = db.prepare<
    [number],
    { id: number; name: string; axis_id: number; founders: string; pitch: string; contact_email: string }
  >(
    `SELECT e.id, e.name, e.axis_id, e.founders, e.pitch, e.contact_email FROM entrants e
     JOIN axes a ON a.id = e.axis_id WHERE e.competition_id = ? ORDER BY a.position, e.name`,
  );
  const rounds = db.prepare<[number], { id: number; kind: Round['kind']; state: Round['state']; entrant_count: number }>(
    `SELECT r.id, r.kind, r.state, (SELECT COUNT(*) FROM round_entrants re WHERE re.round_id = r.id) AS entrant_count
     FROM rounds r WHERE r.competition_id = ? ORDER BY r.id`,
  );

  const runs = db.prepare<[number, number], number>('SELECT 1 FROM competition_organisers WHERE competition_id = ? AND user_id = ?').pluck();

  return {
    /** Whether this user organises this competition. */
    runs: (id: number, userId: number) => runs.get(id, userId) !== undefined,

    listForUser: (userId: number): CompetitionSummary[] => forUser.all(userId).map(toSummary),

    detailForUser(id: number, userId: number): CompetitionDetail | undefined {
      const row = byIdForUser.get(id, userId);
      if (!row) return undefined;
      return {
        ...toSummary(row),
        rules: {
          scale: { min: row.scale_min, max: row.scale_max },
          method: row.method,
          trim: row.trim === '0' ? 0 : 'auto',
          awards: { count: row.award_count, axisMax: row.award_axis_max },
          shortlist: { size: row.shortlist_size, axisMin: row.shortlist_axis_min, axisMax: row.shortlist_axis_max, perAxis: shortlistQuotas(db, id).perAxis },
        },
        settingsLocked: row.settings_locked_at !== null,
        idleLockMinutes: row.idle_lock_minutes,
        axes: axes.all(id).map((a): Axis => ({ ...a, labels: parseJsonColumn(TranslatedSchema, a.labels) })),
        criteria: criteria.all(id).map(
          (c): Criterion => ({
            ...c,
            labels: parseJsonColumn(TranslatedSchema, c.labels),
            levels: parseJsonColumn(LevelsSchema, c.levels),
          }),
        ),
        entrants: entrants.all(id).map(
          (e): Entrant => ({
            id: e.id,
            name: e.name,
            axisId: e.axis_id,
            founders: e.founders,
            pitch: e.pitch,
            contactEmail: e.contact_email,
          }),
        ),
        rounds: rounds.all(id).map((r) => ({ id: r.id, kind: r.kind, state: r.state, entrantCount: r.entrant_count })),
      };
    },
  };
}
