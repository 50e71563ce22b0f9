import type { Actor, TwoCompetitions } from './two-competitions.js';

/**
 * Who may call what (docs/product.md "Access"), one rule per route of the OpenAPI document:
 * - public: anyone may read it (liveness, published winners);
 * - anyone: anyone may try it, the credential is in the body or the call is harmless (login, bind, logout);
 * - organiser: any signed-in organiser, about their own things;
 * - organiser-of-competition: only an organiser of the competition in the path;
 * - juror: any bound tablet, about its own juror;
 * - juror-of-competition: a bound tablet of the competition the path's round belongs to;
 * - chair: the jury chair's tablet (of whichever competition), about their own competition;
 * - chair-of-competition: the chair of the competition the path's round belongs to;
 * - startup-link: whoever holds the startup's private link, and nobody else.
 */
export type Rule =
  | 'public'
  | 'anyone'
  | 'organiser'
  | 'organiser-of-competition'
  | 'juror'
  | 'juror-of-competition'
  | 'chair'
  | 'chair-of-competition'
  | 'startup-link';

export type Ids = TwoCompetitions['ids'];
export interface Entry {
  rule: Rule;
  /**
   * A body that is valid in form, so a refusal cannot come from validation: were the check
   * missing, the request would go through.
   */
  body?: (ids: Ids) => unknown;
  /** Which round `{roundId}` names (default: A's open final). */
  round?: 'shortlist';
}

const scoreBatch = (ids: Ids) => ({ changes: [{ kind: 'score', entrantId: ids.entrantA, criterion: 'impact', value: 5, revision: 1 }] });

export const ROUTES: Record<string, Entry> = {
  'GET /api/health': { rule: 'public' },
  'GET /api/health/ready': { rule: 'public' },
  'POST /api/auth/login': { rule: 'anyone' },
  'POST /api/auth/logout': { rule: 'anyone' },
  'GET /api/auth/session': { rule: 'organiser' },
  'POST /api/juror/bind': { rule: 'anyone' },
  'POST /api/juror/pin': { rule: 'juror', body: () => ({ pin: '4821' }) },
  'POST /api/juror/unlock': { rule: 'juror', body: () => ({ pin: '4821' }) },
  'POST /api/juror/unbind': { rule: 'juror' },
  'GET /api/juror/state': { rule: 'juror' },
  'GET /api/juror/binding': { rule: 'juror' },
  'POST /api/juror/rounds/{roundId}/changes': { rule: 'juror-of-competition', body: scoreBatch },
  'POST /api/juror/rounds/{roundId}/scorecards/{entrantId}/submit': { rule: 'juror-of-competition' },
  'POST /api/juror/rounds/{roundId}/scorecards/{entrantId}/reopen': { rule: 'juror-of-competition' },
  'POST /api/juror/recusals': { rule: 'juror', body: (ids) => ({ entrantId: ids.entrantA, reason: 'My cousin founded it' }) },
  'GET /api/juror/live': { rule: 'juror' },
  'GET /api/competitions/{id}/jurors': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/jurors': { rule: 'organiser-of-competition', body: () => ({ name: 'Intruder', email: 'intruder@example.com' }) },
  'POST /api/competitions/{id}/jurors/{jurorId}/bindings/reset': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/jurors/{jurorId}/invite/rotate': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/jurors/{jurorId}/bindings/revoke': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/jurors/{jurorId}/chair': { rule: 'organiser-of-competition' },
  'PATCH /api/competitions/{id}/jurors/{jurorId}': { rule: 'organiser-of-competition', body: () => ({ title: 'Intruder' }) },
  'DELETE /api/competitions/{id}/jurors/{jurorId}': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/jurors/{jurorId}/replace': { rule: 'organiser-of-competition', body: () => ({ name: 'Intruder', reason: 'Taking over the seat' }) },
  'GET /api/competitions': { rule: 'organiser' },
  'POST /api/competitions': { rule: 'organiser' },
  'GET /api/competitions/{id}': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/steps': { rule: 'organiser-of-competition' },
  'PUT /api/competitions/{id}/settings': { rule: 'organiser-of-competition' },
  'PUT /api/competitions/{id}/settings/axes': { rule: 'organiser-of-competition' },
  'PUT /api/competitions/{id}/settings/rubric': { rule: 'organiser-of-competition' },
  'PUT /api/competitions/{id}/settings/tablets': { rule: 'organiser-of-competition', body: () => ({ idleLockMinutes: 10 }) },
  'GET /api/competitions/{id}/entrants': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/entrants': { rule: 'organiser-of-competition' },
  'PATCH /api/competitions/{id}/entrants/{entrantId}': { rule: 'organiser-of-competition', body: () => ({ name: 'Renamed' }) },
  'DELETE /api/competitions/{id}/entrants/{entrantId}': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/entrants/{entrantId}/withdraw': { rule: 'organiser-of-competition', body: () => ({ reason: 'Left the competition' }) },
  'POST /api/competitions/{id}/entrants/{entrantId}/rotate-token': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/entrants/import': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/entrants/export': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/deliberation/{roundId}': { rule: 'organiser-of-competition', round: 'shortlist' },
  'GET /api/competitions/{id}/results/event-log/verify': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/results/disclosure': { rule: 'organiser-of-competition' },
  'PUT /api/competitions/{id}/results/disclosure': { rule: 'organiser-of-competition', body: () => ({ placeDisplay: 'band' }) },
  'GET /api/competitions/{id}/results/{roundId}': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/results/{roundId}/snapshot': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/results/{roundId}/signoff': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/results/{roundId}/publish': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/results/{roundId}/verify': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/exports/scorecards.csv': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/exports/results.csv': { rule: 'organiser-of-competition' },
  'GET /api/chair/event-log/verify': { rule: 'chair' },
  'GET /api/chair/rounds/{roundId}/deliberation': { rule: 'chair-of-competition', round: 'shortlist' },
  'POST /api/chair/rounds/{roundId}/decisions': {
    rule: 'chair-of-competition',
    round: 'shortlist',
    body: (ids) => ({ entrantIds: [ids.entrantA, ids.entrantA + 1], reason: 'Ordered by the chair' }),
  },
  'POST /api/chair/rounds/{roundId}/corrections': {
    rule: 'chair-of-competition',
    round: 'shortlist',
    body: (ids) => ({ juror: 1, entrantId: ids.entrantA, criterion: 'impact', value: 7, reason: 'Typo on paper' }),
  },
  'GET /api/chair/rounds/{roundId}/results': { rule: 'chair-of-competition' },
  'POST /api/chair/rounds/{roundId}/snapshot': { rule: 'chair-of-competition' },
  'POST /api/chair/rounds/{roundId}/signoff': { rule: 'chair-of-competition' },
  'GET /api/chair/rounds/{roundId}/verify': { rule: 'chair-of-competition' },
  'GET /api/startup/{token}': { rule: 'startup-link' },
  'GET /api/public/competitions/{id}/winners': { rule: 'public' },
  'GET /api/competitions/{id}/rounds': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/rounds': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/rounds/{roundId}': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/rounds/{roundId}/assignments': { rule: 'organiser-of-competition' },
  'PUT /api/competitions/{id}/rounds/{roundId}/assignments': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/rounds/{roundId}/open': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/rounds/{roundId}/progress': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/rounds/{roundId}/closing': { rule: 'organiser-of-competition', body: () => ({ minutes: 5 }) },
  'POST /api/competitions/{id}/rounds/{roundId}/close': { rule: 'organiser-of-competition', body: () => ({}) },
  'GET /api/competitions/{id}/rounds/{roundId}/ranking': { rule: 'organiser-of-competition', round: 'shortlist' },
  'POST /api/competitions/{id}/rounds/{roundId}/chair-decision': { rule: 'organiser-of-competition', round: 'shortlist' },
  'POST /api/competitions/{id}/rounds/{roundId}/confirm': { rule: 'organiser-of-competition', round: 'shortlist' },
  'POST /api/competitions/{id}/rounds/{roundId}/publish': { rule: 'organiser-of-competition', round: 'shortlist' },
  'GET /api/competitions/{id}/live': { rule: 'organiser-of-competition' },
  'GET /api/competitions/{id}/live/board': { rule: 'organiser-of-competition' },
  'PUT /api/competitions/{id}/live/pitch-order': { rule: 'organiser-of-competition' },
  'POST /api/competitions/{id}/live/now-pitching': { rule: 'organiser-of-competition', body: (ids) => ({ entrantId: ids.entrantA }) },
  'POST /api/admin/backup': { rule: 'organiser' },
  'GET /api/admin/backups': { rule: 'organiser' },
  'GET /api/admin/backups/{file}': { rule: 'organiser' },
  'GET /api/admin/competitions/{id}/export.json': { rule: 'organiser-of-competition' },
  'POST /api/admin/competitions/import': { rule: 'organiser' },
};

/** Whether the rule lets this actor through, for a route that does or does not name competition A. */
export function allows(rule: Rule, actor: Actor): boolean {
  switch (rule) {
    case 'public':
    case 'anyone':
      return true;
    case 'organiser':
      return actor.kind === 'organiser';
    case 'organiser-of-competition':
      return actor.kind === 'organiser' && actor.competition === 'A';
    case 'juror':
      return actor.kind === 'juror';
    case 'juror-of-competition':
      return actor.kind === 'juror' && actor.competition === 'A';
    case 'chair':
      return actor.kind === 'juror' && actor.chair;
    case 'chair-of-competition':
      return actor.kind === 'juror' && actor.chair && actor.competition === 'A';
    case 'startup-link':
      return actor.kind === 'startup';
  }
}
