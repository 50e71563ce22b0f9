import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { move } from './move';

interface ReorderListProps<T> {
  items: readonly T[];
  keyOf: (item: T) => number | string;
  render: (item: T, index: number) => ReactNode;
  /** The item's name, for the buttons' accessible names ("Move X up"). */
  nameOf: (item: T) => string;
  onChange: (items: T[]) => void;
  disabled?: boolean;
}

/** An ordered list changed with up / down buttons (no drag and drop): keyboard and touch alike. */
export function ReorderList<T>({ items, keyOf, render, nameOf, onChange, disabled = false }: ReorderListProps<T>) {
  const { t } = useTranslation('organiser');
  return (
    <ol className="org-reorder">
      {items.map((item, index) => (
        <li key={keyOf(item)} className="org-reorder__item">
          <span className="org-reorder__position" aria-hidden="true">
            {index + 1}
          </span>
          <span className="org-reorder__content">{render(item, index)}</span>
          <span className="org-reorder__buttons">
            <button
              type="button"
              className="btn btn--ghost"
              aria-label={t('reorder.up', { name: nameOf(item) })}
              disabled={disabled || index === 0}
              onClick={() => onChange(move(items, index, -1))}
            >
              <span aria-hidden="true">↑</span>
            </button>
            <button
              type="button"
              className="btn btn--ghost"
              aria-label={t('reorder.down', { name: nameOf(item) })}
              disabled={disabled || index === items.length - 1}
              onClick={() => onChange(move(items, index, 1))}
            >
              <span aria-hidden="true">↓</span>
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}
