import { Hono } from 'hono';
import type { AppEnv, Deps } from '../../deps.js';
import { jurorAdminRoutes } from '../jurors/jurors.routes.js';
import { jurorRoutes } from './juror.routes.js';

/** Mounted at /api: the tablet's routes under /juror, the organiser's under /competitions/:id/jurors. */
export const jurorApi = (deps: Deps) =>
  new Hono<AppEnv>().route('/juror', jurorRoutes(deps)).route('/competitions/:id/jurors', jurorAdminRoutes(deps));
