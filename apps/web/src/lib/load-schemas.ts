import type * as Schemas from './contract-schemas';

let loading: Promise<typeof Schemas> | undefined;

/**
 * The contract's schemas, loaded on first use (and kept). A failed load (offline before it was
 * ever fetched) is forgotten, so the next call tries again.
 *
 * @example const { PinSchema } = await loadSchemas();
 */
export function loadSchemas(): Promise<typeof Schemas> {
  loading ??= import('./contract-schemas').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
