import * as contract from '@palmares/contract';
import { expect, test } from 'vitest';
import * as mirrored from './contract-constants';

test('the constants repeated for the always-loaded code equal the contract’s', () => {
  expect(Object.keys(mirrored).length).toBeGreaterThan(0);
  for (const [name, value] of Object.entries(mirrored)) expect({ name, value }).toEqual({ name, value: contract[name as keyof typeof contract] });
});
