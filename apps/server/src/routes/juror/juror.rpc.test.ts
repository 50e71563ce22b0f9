import { hc } from 'hono/client';
import { expectTypeOf, test } from 'vitest';
import type { AppType } from '../../app.js';

test('the typed client knows the juror routes', () => {
  const api = hc<AppType>('/api');
  const changes = api.juror.rounds[':roundId'].changes.$post;
  expectTypeOf(changes).parameter(0).toHaveProperty('json');
  type Body = Awaited<ReturnType<Awaited<ReturnType<typeof api.juror.state.$get>>['json']>>;
  expectTypeOf<Body>().toHaveProperty('entrants');
  const jurors = api.competitions[':id'].jurors.$get;
  expectTypeOf(jurors).toBeFunction();
});
