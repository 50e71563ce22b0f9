import type { Computed } from '../compute.js';
import type { Model } from '../model.js';
import type { RobustnessReport } from '../types.js';

export function robustness(_m: Model, _c: Computed, _f: string, _k: (number | null)[]): RobustnessReport {
  throw new Error('todo');
}
