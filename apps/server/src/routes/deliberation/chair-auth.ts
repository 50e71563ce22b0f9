import { createMiddleware } from 'hono/factory';
import type { Deps } from '../../deps.js';
import { forbidden } from '../../lib/errors.js';
import { requireJuror, type JurorEnv } from '../../middleware/juror.js';

/**
 * The jury chair: a juror (is_chair) on their bound tablet. Every chair route goes through this
 * one middleware; other jurors get 403.
 */
export function requireChair(deps: Deps) {
  const juror = requireJuror(deps);
  return createMiddleware<JurorEnv>(async (c, next) =>
    juror(c, async () => {
      if (!c.get('juror').isChair) throw forbidden('Only the jury chair may do this');
      await next();
    }),
  );
}
