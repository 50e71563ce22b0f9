import type { ReactNode } from 'react';
import { move } from './move';
import { MoveButtons, type MoveLabels } from './move-buttons';

interface ReorderListProps<T> {
  items: readonly T[];
  keyOf: (item: T) => number | string;
  render: (item: T, index: number) => ReactNode;
  /** The item's name, for the buttons' accessible names ("Move X up"). */
  nameOf: (item: T) => string;
  onChange: (items: T[]) => void;
  moveLabels: MoveLabels;
  /**
   * The CSS block the screen styles the list with, from its own stylesheet: the list is `block`,
   * its parts `block__item`, `block__position`, `block__content` and `block__buttons`.
   */
  block: string;
}

/** An ordered list changed with up / down buttons (no drag and drop): keyboard and touch alike. */
export function ReorderList<T>({ items, keyOf, render, nameOf, onChange, moveLabels, block }: ReorderListProps<T>) {
  return (
    // role="list": Safari drops the list semantics of a list styled without bullets.
    <ol className={block} role="list">
      {items.map((item, index) => (
        <li key={keyOf(item)} className={`${block}__item`}>
          <span className={`${block}__position`} aria-hidden="true">
            {index + 1}
          </span>
          <span className={`${block}__content`}>{render(item, index)}</span>
          <span className={`${block}__buttons`}>
            <MoveButtons name={nameOf(item)} index={index} count={items.length} labels={moveLabels} onMove={(by) => onChange(move(items, index, by))} />
          </span>
        </li>
      ))}
    </ol>
  );
}
