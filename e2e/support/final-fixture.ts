import type { JurorState } from '../../packages/contract/src/index.js';
import { Anything, client, signIn } from './api.js';
import { bindTablet, jurorState } from './competition-fixture.js';

/**
 * The demo's final, scored and closed through the HTTP API of a running demo server, the way the
 * jurors' tablets and the organiser would: every demo juror's tablet bound with its invitation
 * token, complete scorecards (with feedback) sent and submitted, then the round closed by the
 * organiser. Scores are arranged so that two finalists in different axes tie by every rule for
 * the last award seat: the chair must settle it.
 */

export const DEMO_ORGANISER = { email: 'organisateur@palmares.example', password: 'casablanca2023' };
export const DEMO_JUROR_COUNT = 8;

/** The demo's well-known startup links (apps/server/src/demo/seed-demo.ts, demoStartupToken). */
export const demoStartupToken = (name: string) =>
  `demo-${name.normalize('NFD').replace(/[^\w\s-]/g, '').trim().toLowerCase().replace(/[\s_]+/g, '-')}`;

/** Signs the demo's organiser in; the session cookie. */
export const signInDemoOrganiser = (baseUrl: string) => signIn(baseUrl, DEMO_ORGANISER);

export interface FinalEntrant {
  id: number;
  name: string;
  axisId: number;
  token: string;
}

export interface ClosedFinal {
  competitionId: number;
  roundId: number;
  organiserCookie: string;
  /** The demo juror link index (1-based) of the chair: `/j/demo-juror-<n>`. */
  chairIndex: number;
  /** First and second place, then the two tied for the third and last award seat. */
  first: FinalEntrant;
  second: FinalEntrant;
  tied: [FinalEntrant, FinalEntrant];
  entrants: FinalEntrant[];
  /** The chair's tablet credential, for API steps (sign-off) a journey does not test. */
  chairBearer: string;
}

/** Each criterion's shift from an entrant's base (the same for everyone, so order is kept). */
const PROFILE = [0, 1, -1, 0, 1, -1];
/** Each juror's severity: additive, so the severity correction takes it out again. */
const SEVERITY = [0, 1, -1, 0, 1, -1, 0, 0];
const FEEDBACK = [
  'Démonstration convaincante ; précisez le modèle économique.',
  'Impact clair pour les quartiers ; le calendrier de déploiement reste à étayer.',
  'Équipe solide, pitch dans les temps. Chiffrez mieux le marché.',
];

const clamp = (v: number) => Math.min(10, Math.max(1, v));

async function submitWithRetry(baseUrl: string, bearer: string, roundId: number, entrantId: number) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await client(baseUrl, { bearer })('POST', `/api/juror/rounds/${roundId}/scorecards/${entrantId}/submit`, Anything);
    } catch (error) {
      if (attempt >= 20 || !String(error).includes('incomplete')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Scores, submits and closes the demo's final; see the module comment for the design. With
 * `layout: 'axis-cap'` there is no tie: the two best startups share an axis (the demo allows one
 * prize per axis), so the second wins nothing and the third and fourth take the 2nd and 3rd
 * prizes (`first`, `second`, then `tied` holds the third and the fourth).
 */
export async function closeDemoFinal(baseUrl: string, options: { layout?: 'tie' | 'axis-cap' } = {}): Promise<ClosedFinal> {
  const tablets: { bearer: string; state: JurorState; index: number }[] = [];
  for (let index = 1; index <= DEMO_JUROR_COUNT; index++) {
    const bound = await bindTablet(baseUrl, `/j/demo-juror-${index}`);
    const state = await jurorState(baseUrl, bound.deviceToken);
    if (state.round?.kind !== 'final' || state.round.state !== 'open') throw new Error('the demo final is not open');
    tablets.push({ bearer: bound.deviceToken, state, index });
  }
  const roundId = tablets[0]!.state.round!.id;
  const criteria = tablets[0]!.state.competition.criteria.map((c) => c.code);

  // Entrants in pitch order, with how many jurors score them (recusals leave 7).
  const panel = new Map<number, number>();
  const byId = new Map<number, FinalEntrant>();
  for (const { state } of tablets) {
    for (const e of state.entrants) {
      byId.set(e.id, { id: e.id, name: e.name, axisId: e.axisId, token: demoStartupToken(e.name) });
      if (e.state !== 'recused') panel.set(e.id, (panel.get(e.id) ?? 0) + 1);
    }
  }
  const entrants = [...byId.values()];
  const full = entrants.filter((e) => panel.get(e.id) === DEMO_JUROR_COUNT);
  const picked: FinalEntrant[] = [];
  if (options.layout === 'axis-cap') {
    const pair = full.find((e) => full.some((o) => o.id !== e.id && o.axisId === e.axisId));
    if (pair) picked.push(pair, full.find((o) => o.id !== pair.id && o.axisId === pair.axisId)!);
  }
  for (const e of full) {
    if (picked.length < 4 && !picked.some((p) => p.axisId === e.axisId)) picked.push(e);
  }
  if (picked.length < 4) throw new Error('need four fully scored finalists in the axes the layout asks for');
  const [first, second, c, d] = picked as [FinalEntrant, FinalEntrant, FinalEntrant, FinalEntrant];
  const base = new Map([[first.id, 9], [second.id, 8], [c.id, 7], [d.id, options.layout === 'axis-cap' ? 6 : 7]]);
  let next = options.layout === 'axis-cap' ? 5 : 6;
  for (const e of entrants) if (!base.has(e.id)) base.set(e.id, Math.max(1, next--));
  const lowest = entrants.find((e) => base.get(e.id) === 1 && e.id !== c.id && e.id !== d.id);

  for (const [j, tablet] of tablets.entries()) {
    const mine = tablet.state.entrants.filter((e) => e.state !== 'recused');
    const changes = mine.flatMap((e) => {
      // One juror far from the others on the weakest startup: the disagreement grid shows it.
      const far = j === 1 && e.id === lowest?.id ? 5 : 0;
      const scores = criteria.map((criterion, ci) => ({
        kind: 'score' as const,
        entrantId: e.id,
        criterion,
        value: clamp((base.get(e.id) ?? 5) + (PROFILE[ci] ?? 0) + (SEVERITY[j] ?? 0) + far),
        revision: 1,
      }));
      const feedback = j < FEEDBACK.length ? [{ kind: 'feedback' as const, entrantId: e.id, text: FEEDBACK[j]!, revision: 1 }] : [];
      return [...scores, ...feedback];
    });
    await client(baseUrl, { bearer: tablet.bearer })('POST', `/api/juror/rounds/${roundId}/changes`, Anything, { changes });
    for (const e of mine) await submitWithRetry(baseUrl, tablet.bearer, roundId, e.id);
  }

  const organiserCookie = await signInDemoOrganiser(baseUrl);
  const competitionId = tablets[0]!.state.competition.id;
  await client(baseUrl, { cookie: organiserCookie })('POST', `/api/competitions/${competitionId}/rounds/${roundId}/close`, Anything, {});
  const chair = tablets.find((t) => t.state.juror.isChair);
  if (!chair) throw new Error('the demo has no chair');
  return { competitionId, roundId, organiserCookie, chairIndex: chair.index, first, second, tied: [c, d], entrants, chairBearer: chair.bearer };
}
