import { formatDisplay, type TieSplit } from '@palmares/ranking';
import type { DeliberationTie } from '@palmares/contract';

const kindOf = (rule: string): DeliberationTie['kind'] =>
  rule.startsWith('criterion:') ? 'criterion' : rule === 'head-to-head' ? 'head-to-head' : rule === 'countback' ? 'countback' : 'chair';

/**
 * The ranking's tie log as data the UI can put in a sentence: for each split, every adjacent pair
 * the rule separated ("A ahead of B: higher impact, 19/3 against 17/3") and the sub-groups it left
 * tied, which the next rule takes over.
 */
export function tieLog(ties: readonly TieSplit[]): DeliberationTie[] {
  return ties.map((t) => {
    const kind = kindOf(t.rule);
    const show = (v: string) => (kind === 'criterion' ? (formatDisplay(v) ?? v) : v);
    const steps: DeliberationTie['steps'] = [];
    const stillTied: number[][] = [];
    let run: number[] = [];
    t.entrants.forEach((e, i) => {
      const prev = i > 0 ? t.values[i - 1] : undefined;
      const value = t.values[i] ?? '';
      if (i > 0 && prev !== value) {
        steps.push({ aheadId: Number(t.entrants[i - 1]), behindId: Number(e), aheadValue: prev ?? '', behindValue: value, aheadDisplay: show(prev ?? ''), behindDisplay: show(value) });
        if (run.length > 1) stillTied.push(run);
        run = [];
      }
      run.push(Number(e));
    });
    if (run.length > 1) stillTied.push(run);
    return {
      rule: t.rule,
      kind,
      criterion: kind === 'criterion' ? t.rule.slice('criterion:'.length) : null,
      entrantIds: t.entrants.map(Number),
      values: t.values,
      steps,
      stillTied,
    };
  });
}
