/**
 * Whether this process still takes new work. `index.ts` marks it draining on SIGTERM/SIGINT, before
 * it stops listening, so readiness answers 503 at once and a load balancer moves traffic elsewhere
 * while the requests in flight finish (docs/decisions/023-storage-behind-repositories.md).
 */
let draining = false;

export const markDraining = () => {
  draining = true;
};

export const isDraining = () => draining;
