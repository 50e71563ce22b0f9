import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodError, ZodType } from 'zod';
import { Button } from '../../../components/ui/button';
import { FieldErrorsProvider } from '../../../components/ui/field-errors';
import { Refusal } from './refusal';

/** What a settings form needs of its save mutation (the update hooks' `useMutation` result). */
interface SettingsSave<Body> {
  mutate: (body: Body) => void;
  isPending: boolean;
  isSuccess: boolean;
  error: unknown;
}

interface SettingsFormProps<Body> {
  /** The contract's schema for the request: nothing is sent until the draft passes it. */
  schema: ZodType<Body>;
  /** The draft as a request body, read from the form when the organiser saves. */
  draft: (form: HTMLFormElement) => unknown;
  save: SettingsSave<Body>;
  /** Round 1's scoring has opened: the settings are read-only and there is nothing to save. */
  locked: boolean;
  saveLabel: string;
  /** The reader's name for the field at a request path, for the list of refused fields. */
  describePath?: (path: string) => string | undefined;
  /** The fieldsets, each disabled while `locked`. */
  children: ReactNode;
}

/**
 * A set-up form that saves and locks: the draft is checked against the contract first (its problems
 * listed), then saved; the form says when it is saved, or why the server refused it (such as
 * SETTINGS_LOCKED, once round 1's scoring has opened). Locked, it has no save button.
 */
export function SettingsForm<Body>({ schema, draft, save, locked, saveLabel, describePath, children }: SettingsFormProps<Body>) {
  const { t } = useTranslation('organiser');
  const scope = useId();
  // The draft's own refusal (checked here before sending) and the server's show the same way:
  // in the reader's language, under each field and listed by field name above the button.
  const [draftError, setDraftError] = useState<ZodError | null>(null);
  const [submitted, setSubmitted] = useState(0);
  const shown = draftError ?? save.error;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted((n) => n + 1);
    const parsed = schema.safeParse(draft(event.currentTarget));
    if (!parsed.success) {
      setDraftError(parsed.error);
      return;
    }
    setDraftError(null);
    save.mutate(parsed.data);
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FieldErrorsProvider error={shown} scope={scope}>
        {children}
      </FieldErrorsProvider>
      {save.isSuccess && !draftError ? <p role="status">{t('setup.saved')}</p> : null}
      <Refusal key={submitted} error={shown} {...(describePath ? { describePath } : {})} />
      {locked ? null : (
        <div className="org-actions">
          <Button type="submit" busy={save.isPending}>
            {saveLabel}
          </Button>
        </div>
      )}
    </form>
  );
}
