import { Button } from '../ui/button';

/** The accessible names of the up / down buttons, in the screen's words ("Move X up"). */
export interface MoveLabels {
  up: (name: string) => string;
  down: (name: string) => string;
}

interface MoveButtonsProps {
  /** The item's name, for the buttons' accessible names. */
  name: string;
  index: number;
  count: number;
  labels: MoveLabels;
  onMove: (by: -1 | 1) => void;
}

/** ↑ and ↓ for the item at `index` of `count`, each disabled where the item can go no further. */
export function MoveButtons({ name, index, count, labels, onMove }: MoveButtonsProps) {
  return (
    <>
      <Button variant="ghost" aria-label={labels.up(name)} disabled={index === 0} onClick={() => onMove(-1)}>
        <span aria-hidden="true">↑</span>
      </Button>
      <Button variant="ghost" aria-label={labels.down(name)} disabled={index === count - 1} onClick={() => onMove(1)}>
        <span aria-hidden="true">↓</span>
      </Button>
    </>
  );
}
