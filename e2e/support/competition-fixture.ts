import {
  BindResponseSchema,
  CompetitionDetailSchema,
  JurorAdminSchema,
  JurorStateSchema,
  RoundDetailSchema,
  type RubricUpdate,
} from '../../packages/contract/src/index.js';
import { Anything, client, signIn } from './api.js';
import { TABLET_PIN } from './tablet.js';

/**
 * Builds a competition through the HTTP API of a running server, the way an organiser and the
 * jurors' tablets would: create, rubric, rules, entrants (CSV import), jurors, round 1 assigned
 * and opened, tablets bound with their invitation links, scorecards sent and submitted through the
 * juror API. The round is left open, for a browser journey to close it.
 */

export const ORGANISER = { email: 'organiser@e2e.example', password: 'e2e-password-123' };

/** The server's environment for a fixture: no demo, this organiser created at start. */
export const FIXTURE_ENV = { ORGANISER_EMAIL: ORGANISER.email, ORGANISER_PASSWORD: ORGANISER.password };

export const RUBRIC: RubricUpdate = {
  scale: { min: 1, max: 10 },
  criteria: [
    { code: 'innovation', weight: 3, labels: { fr: 'Innovation', en: 'Innovation', ar: 'الابتكار' }, levels: levels() },
    { code: 'impact', weight: 2, labels: { fr: 'Impact', en: 'Impact', ar: 'الأثر' }, levels: levels() },
  ],
};

function levels() {
  const each = (word: string) => Array.from({ length: 10 }, (_, i) => `${word} ${i + 1}`);
  return { fr: each('Niveau'), en: each('Level'), ar: each('المستوى') };
}

export interface FixtureEntrant {
  name: string;
  axis: string;
  /** The score every juror gives on each criterion, before the juror's own offset. */
  base: number;
}

/**
 * 8 entrants, 3 axes, a shortlist of 4 with at least 1 and at most 2 per axis: Green 3 ranks
 * third but its axis is capped (a quota skip), one seat is kept for Social (under its minimum),
 * and City 1 / City 2 get identical scorecards, tied by every rule for the last seat.
 */
export const DEFAULT_ENTRANTS: FixtureEntrant[] = [
  { name: 'Green 1', axis: 'green', base: 8 },
  { name: 'Green 2', axis: 'green', base: 7 },
  { name: 'Green 3', axis: 'green', base: 6 },
  { name: 'City 1', axis: 'city', base: 5 },
  { name: 'City 2', axis: 'city', base: 5 },
  { name: 'City 3', axis: 'city', base: 2 },
  { name: 'Social 1', axis: 'social', base: 3 },
  { name: 'Social 2', axis: 'social', base: 2 },
];

/** Each juror's strictness: J2 is generous, J3 severe. */
const OFFSETS = [0, 1, -1];

const AXES = [
  { code: 'green', color: '#1d6b3a', labels: { fr: 'Écologie', en: 'Ecology', ar: 'البيئة' } },
  { code: 'city', color: '#1b4f8a', labels: { fr: 'Infrastructures', en: 'Infrastructure', ar: 'البنية التحتية' } },
  { code: 'social', color: '#8a3b12', labels: { fr: 'Social', en: 'Social', ar: 'الاجتماعي' } },
];

export interface ScoredRoundOne {
  competitionId: number;
  roundId: number;
  cookie: string;
  entrantIds: Map<string, number>;
  jurors: { id: number; name: string; invitePath: string }[];
}

export interface FixtureOptions {
  entrants?: FixtureEntrant[];
  jurorNames?: string[];
  /** `false` stops before round 1 exists: the set-up is still open (roundId is then 0). */
  roundOne?: boolean;
}

/** A competition whose round 1 is fully scored and submitted by every juror, still open. */
export async function scoredRoundOne(baseUrl: string, options: FixtureOptions = {}): Promise<ScoredRoundOne> {
  const entrants = options.entrants ?? DEFAULT_ENTRANTS;
  const jurorNames = options.jurorNames ?? ['Amina Idrissi', 'Bruno Lefèvre', 'Chadia Benali'];
  const cookie = await signIn(baseUrl, ORGANISER);
  const organiser = client(baseUrl, { cookie });

  const competition = await organiser('POST', '/api/competitions', CompetitionDetailSchema, {
    name: 'Coupe E2E 2026',
    startsOn: '2026-06-13',
    endsOn: '2026-06-14',
    venue: 'Casablanca',
    languages: ['fr', 'en', 'ar'],
    defaultLanguage: 'fr',
    axes: AXES,
  });
  const id = competition.id;
  const base = `/api/competitions/${id}`;
  await organiser('PUT', `${base}/settings/rubric`, CompetitionDetailSchema, RUBRIC);
  await organiser('PUT', `${base}/settings`, CompetitionDetailSchema, {
    name: competition.name,
    startsOn: competition.startsOn,
    endsOn: competition.endsOn,
    venue: competition.venue,
    languages: competition.languages,
    defaultLanguage: competition.defaultLanguage,
    method: 'satm',
    trim: 'auto',
    awards: { count: 2, axisMax: null },
    shortlist: { size: 4, axisMin: 1, axisMax: 2 },
  });

  const csv = ['name;axis;founders', ...entrants.map((e) => `${e.name};${e.axis};Fondatrice de ${e.name}`)].join('\n');
  await organiser('POST', `${base}/entrants/import`, Anything, { csv, dryRun: false });
  const detail = await organiser('GET', base, CompetitionDetailSchema);
  const entrantIds = new Map(detail.entrants.map((e) => [e.name, e.id]));

  const jurors = [];
  for (const [index, name] of jurorNames.entries()) {
    jurors.push(await organiser('POST', `${base}/jurors`, JurorAdminSchema, { name, isChair: index === 0 }));
  }

  const summary = { competitionId: id, cookie, entrantIds, jurors: jurors.map(({ id: jurorId, name, invitePath }) => ({ id: jurorId, name, invitePath })) };
  if (options.roundOne === false) return { ...summary, roundId: 0 };

  const round = await organiser('POST', `${base}/rounds`, RoundDetailSchema, { kind: 'shortlist' });
  await organiser('PUT', `${base}/rounds/${round.id}/assignments`, Anything, { mode: 'all' });
  await organiser('POST', `${base}/rounds/${round.id}/open`, RoundDetailSchema);

  for (const [index, juror] of jurors.entries()) {
    const tablet = await bindTablet(baseUrl, juror.invitePath);
    const asJuror = client(baseUrl, { bearer: tablet.deviceToken });
    const offset = OFFSETS[index % OFFSETS.length] ?? 0;
    const changes = entrants.flatMap((e) => {
      const entrantId = entrantIds.get(e.name);
      if (entrantId === undefined) throw new Error(`entrant ${e.name} was not imported`);
      const value = Math.min(10, Math.max(1, e.base + offset));
      return RUBRIC.criteria.map((c) => ({ kind: 'score' as const, entrantId, criterion: c.code, value, revision: 1 }));
    });
    await asJuror('POST', `/api/juror/rounds/${round.id}/changes`, Anything, { changes });
    for (const entrantId of entrantIds.values()) {
      await submit(asJuror, round.id, entrantId);
    }
  }

  return { ...summary, roundId: round.id };
}

/** Submits one scorecard; its scores were acknowledged by the batch before, so it is complete. */
function submit(asJuror: ReturnType<typeof client>, roundId: number, entrantId: number) {
  return asJuror('POST', `/api/juror/rounds/${roundId}/scorecards/${entrantId}/submit`, Anything);
}

/**
 * Binds a new tablet with an invitation link's token, as `/j/<token>` does, and gives it the
 * juror's PIN (no juror route answers a tablet without one): chosen on the juror's first tablet,
 * typed at the link on the next. The same PIN as `bindJurorTablet`, so a browser tablet of the
 * same juror binds with it.
 */
export async function bindTablet(baseUrl: string, invitePath: string, pin = TABLET_PIN) {
  const inviteToken = invitePath.split('/').pop() ?? '';
  const bind = client(baseUrl);
  const first = await fetch(`${baseUrl}/api/juror/bind`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inviteToken }) });
  if (first.status === 401) return bind('POST', '/api/juror/bind', BindResponseSchema, { inviteToken, pin });
  if (first.status !== 201) throw new Error(`POST /api/juror/bind answered ${first.status}: ${await first.text()}`);
  const bound = BindResponseSchema.parse(await first.json());
  await client(baseUrl, { bearer: bound.deviceToken })('POST', '/api/juror/pin', Anything, { pin });
  return bound;
}

/** The state a bound tablet sees (its round, its entrants in pitch order). */
export async function jurorState(baseUrl: string, deviceToken: string) {
  return client(baseUrl, { bearer: deviceToken })('GET', '/api/juror/state', JurorStateSchema);
}

/** Scores and submits every finalist of the open final from one tablet. */
export async function scoreFinal(baseUrl: string, deviceToken: string, value: number) {
  const asJuror = client(baseUrl, { bearer: deviceToken });
  const state = await jurorState(baseUrl, deviceToken);
  const round = state.round;
  if (!round || round.kind !== 'final' || round.state !== 'open') throw new Error('the final is not open');
  const scorable = state.entrants.filter((e) => e.state !== 'recused');
  const changes = scorable.flatMap((e) =>
    RUBRIC.criteria.map((c) => ({ kind: 'score' as const, entrantId: e.id, criterion: c.code, value, revision: 1 })),
  );
  await asJuror('POST', `/api/juror/rounds/${round.id}/changes`, Anything, { changes });
  for (const e of scorable) await submit(asJuror, round.id, e.id);
}

/** The fixture's entrant id of a name; a journey that names an unknown entrant fails loudly. */
export function entrantIdOf(fixture: ScoredRoundOne, name: string): number {
  const id = fixture.entrantIds.get(name);
  if (id === undefined) throw new Error(`no entrant ${name}`);
  return id;
}

/** Creates round 1 (the shortlist), assigns every juror to every entrant and opens it; returns its id. */
export async function openRoundOne(baseUrl: string, fixture: ScoredRoundOne): Promise<number> {
  const organiser = client(baseUrl, { cookie: fixture.cookie });
  const base = `/api/competitions/${fixture.competitionId}`;
  const { id } = await organiser('POST', `${base}/rounds`, RoundDetailSchema, { kind: 'shortlist' });
  await organiser('PUT', `${base}/rounds/${id}/assignments`, Anything, { mode: 'all' });
  await organiser('POST', `${base}/rounds/${id}/open`, RoundDetailSchema);
  return id;
}
