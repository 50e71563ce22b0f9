import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One step of a screen's procedure, marked done in words as well as with a tick. */
export function Step({ title, done, children }: { title: string; done: boolean; children: ReactNode }) {
  const { t } = useTranslation('organiser');
  const id = useId();
  return (
    <li className={`org-step card${done ? ' org-step--done' : ''}`}>
      <section aria-labelledby={id}>
        <h2 id={id} className="org-step__title">
          <span>{title}</span>
          {done ? (
            <span className="org-step__done">
              <span aria-hidden="true">✓ </span>
              {t('step.done')}
            </span>
          ) : null}
        </h2>
        {children}
      </section>
    </li>
  );
}
