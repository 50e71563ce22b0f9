import { expect, test } from 'vitest';
import { hashPin, verifyPin } from './pin-hash';

test('the offline PIN check accepts the PIN it was made from and refuses another, with a fresh salt each time', async () => {
  const record = await hashPin('4821', 1000);
  expect(await verifyPin('4821', record)).toBe(true);
  expect(await verifyPin('4822', record)).toBe(false);
  const again = await hashPin('4821', 1000);
  expect(again.salt).not.toBe(record.salt);
  expect(again.hash).not.toBe(record.hash);
});
