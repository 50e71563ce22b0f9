import { describe, expect, test } from 'vitest';
import { testApp } from '../../test-utils.js';

describe('the OpenAPI document', () => {
  test('describes every organiser route of set-up, entrants, rounds and the live final', async () => {
    const { app } = testApp();
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const c = '/api/competitions/{id}';
    expect(routes).toEqual(expect.arrayContaining([
      'POST /api/competitions', `GET ${c}/steps`,
      `PUT ${c}/settings`, `PUT ${c}/settings/axes`, `PUT ${c}/settings/rubric`,
      `GET ${c}/entrants`, `POST ${c}/entrants`, `PATCH ${c}/entrants/{entrantId}`, `DELETE ${c}/entrants/{entrantId}`,
      `POST ${c}/entrants/{entrantId}/rotate-token`, `POST ${c}/entrants/import`, `GET ${c}/entrants/export`,
      `GET ${c}/rounds`, `POST ${c}/rounds`, `GET ${c}/rounds/{roundId}`, `PUT ${c}/rounds/{roundId}/assignments`,
      `POST ${c}/rounds/{roundId}/open`, `GET ${c}/rounds/{roundId}/progress`, `POST ${c}/rounds/{roundId}/close`,
      `GET ${c}/rounds/{roundId}/ranking`, `POST ${c}/rounds/{roundId}/chair-decision`, `POST ${c}/rounds/{roundId}/confirm`,
      `POST ${c}/rounds/{roundId}/publish`,
      `GET ${c}/live`, `GET ${c}/live/board`, `PUT ${c}/live/pitch-order`, `POST ${c}/live/now-pitching`,
    ]));
    expect(JSON.stringify(doc.paths[`${c}/rounds/{roundId}/assignments`])).toContain('perEntrant');
  });
});
