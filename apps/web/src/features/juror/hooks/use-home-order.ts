import { useState } from 'react';

export type HomeOrder = 'pitch' | 'axis';

const KEY = 'palmares.juror.homeOrder';

function stored(): HomeOrder | null {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'pitch' || value === 'axis' ? value : null;
  } catch {
    return null;
  }
}

/**
 * How the juror's home lists the startups: in pitch order (the default once an order is drawn) or
 * under their axes. The juror's choice is remembered on this tablet (issue 14 point 11); without a
 * pitch order there is only the axes.
 */
export function useHomeOrder(hasPitchOrder: boolean): [HomeOrder, (order: HomeOrder) => void] {
  const [chosen, setChosen] = useState<HomeOrder | null>(stored);
  const choose = (order: HomeOrder) => {
    setChosen(order);
    try {
      localStorage.setItem(KEY, order);
    } catch {
      // Private mode or a full disk: the choice holds until the page closes.
    }
  };
  return [hasPitchOrder ? (chosen ?? 'pitch') : 'axis', choose];
}
