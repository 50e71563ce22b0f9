import type * as Contract from '@palmares/contract';

/*
 * Constants of the contract that the always-loaded code needs. In the contract each one sits in
 * a module beside zod schemas, and a module is loaded whole: importing one would bring zod
 * (about 30 KB gzipped) into the JavaScript a juror's tablet downloads before its first screen.
 * So they are repeated here; `satisfies` makes the compiler check each literal value against the
 * contract's, and contract-constants.test.ts checks all of them at run time.
 */

export const LANGUAGES = ['fr', 'en', 'ar'] as const satisfies typeof Contract.LANGUAGES;

export const OFFLINE_PIN_KDF = {
  algorithm: 'PBKDF2',
  hash: 'SHA-256',
  iterations: 210_000,
  saltBytes: 16,
  keyBits: 256,
} as const satisfies typeof Contract.OFFLINE_PIN_KDF;

export const PIN_POLICY = {
  attemptsPerWindow: 5,
  windowMs: 5 * 60 * 1000,
  lockAfter: 10,
  idleLockMs: 15 * 60 * 1000,
} as const satisfies typeof Contract.PIN_POLICY;

export const MAX_CHANGES_PER_BATCH = 500 satisfies typeof Contract.MAX_CHANGES_PER_BATCH;
export const MAX_REVISION_STEP = 1000 satisfies typeof Contract.MAX_REVISION_STEP;
