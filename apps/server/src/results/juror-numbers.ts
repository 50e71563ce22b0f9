import { seededShuffle } from '../lib/seeded-shuffle.js';

/**
 * "Juror 1..n" for the deliberation shown to the whole jury. The numbering is a shuffle seeded by
 * the round, so it is the same on every screen and every reload, yet says nothing about the
 * order in which the organiser entered the jurors.
 */
export function jurorNumbers(roundId: number, jurorIds: readonly string[]): (juror: string) => number {
  const order = seededShuffle([...jurorIds].sort((a, b) => Number(a) - Number(b)), `anonymous-jurors:${roundId}`);
  const numbers = new Map(order.map((j, i) => [j, i + 1]));
  return (juror) => {
    const n = numbers.get(juror);
    if (n === undefined) throw new Error(`juror ${juror} is not in this round`);
    return n;
  };
}
