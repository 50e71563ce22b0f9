import { expect, test } from 'vitest';
import { LiveHub } from './live-hub.js';

test('a published event reaches the subscribers of its competition only, until they unsubscribe', () => {
  const hub = new LiveHub();
  const a: unknown[] = [];
  const b: unknown[] = [];
  const stopA = hub.subscribe(1, (e) => a.push(e.data));
  hub.subscribe(2, (e) => b.push(e.data));
  hub.publish(1, { type: 'now-pitching', data: 7 });
  stopA();
  hub.publish(1, { type: 'now-pitching', data: 8 });
  expect(a).toEqual([7]);
  expect(b).toEqual([]);
  expect(hub.subscriberCount(1)).toBe(0);
});
