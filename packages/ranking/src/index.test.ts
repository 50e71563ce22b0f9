import { expect, test } from 'vitest';
import { version } from './index.js';
test('the package loads', () => { expect(version).toBe(1); });
