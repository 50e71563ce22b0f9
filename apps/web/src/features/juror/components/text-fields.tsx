import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const DEBOUNCE_MS = 800;

interface TextFieldProps {
  label: string;
  hint: string;
  value: string;
  readOnly: boolean;
  onSave: (text: string) => void;
}

/** A textarea saved to the outbox after a pause in typing, and when it loses focus. */
function TextField({ label, hint, value, readOnly, onSave }: TextFieldProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const typed = useRef(value);
  const saved = useRef(value);
  const save = useRef(onSave);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    save.current = onSave;
  });

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    if (typed.current === saved.current) return;
    saved.current = typed.current;
    save.current(typed.current);
  }, []);

  // Leaving the page (or the startup) saves what was typed.
  useEffect(() => () => flush(), [flush]);

  return (
    <div className="field text-field">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="text-field__hint">
        {hint}
      </p>
      <textarea
        id={id}
        dir="auto"
        rows={4}
        maxLength={5000}
        value={text}
        readOnly={readOnly}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setText(e.target.value);
          typed.current = e.target.value;
          clearTimeout(timer.current);
          timer.current = setTimeout(flush, DEBOUNCE_MS);
        }}
        onBlur={flush}
      />
    </div>
  );
}

interface TextFieldsProps {
  note: string;
  feedback: string;
  readOnly: boolean;
  onSave: (kind: 'note' | 'feedback', text: string) => void;
}

/** The private note for the jury and the feedback for the startup, folded below the criteria. */
export function TextFields({ note, feedback, readOnly, onSave }: TextFieldsProps) {
  const { t } = useTranslation('juror');
  return (
    <details className="text-fields" open={note !== '' || feedback !== '' ? true : undefined}>
      <summary className="text-fields__summary">{t('card.notesAndFeedback')}</summary>
      <div className="text-fields__body">
        <TextField label={t('card.note')} hint={t('card.noteHint')} value={note} readOnly={readOnly} onSave={(text) => onSave('note', text)} />
        <TextField label={t('card.feedback')} hint={t('card.feedbackHint')} value={feedback} readOnly={readOnly} onSave={(text) => onSave('feedback', text)} />
      </div>
    </details>
  );
}
