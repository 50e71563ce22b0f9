import type { ReactNode } from 'react';

interface CardProps {
  children: ReactNode;
  /** The element the card is: an `article` for a self-contained item, a `section` for a page part. */
  as?: 'div' | 'article' | 'section';
  className?: string;
  labelledBy?: string;
}

export function Card({ children, as: Element = 'div', className, labelledBy }: CardProps) {
  return (
    <Element className={['card', className].filter(Boolean).join(' ')} aria-labelledby={labelledBy}>
      {children}
    </Element>
  );
}
