/**
 * The contract's zod schemas that the always-loaded part of the app checks data with. They are
 * reached only through `loadSchemas()`, so zod is not part of the JavaScript a juror's tablet
 * downloads before its first screen (budget: 160 KB gzipped); types still come from
 * `@palmares/contract` directly, and the lazily loaded screens import their schemas as usual.
 */
export { ErrorEnvelopeSchema, NowPitchingEventSchema, PinSchema, RoundClosingEventSchema, ScorecardEventSchema } from '@palmares/contract';
