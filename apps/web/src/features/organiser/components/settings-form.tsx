import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodType } from 'zod';
import { Button } from '../../../components/ui/button';
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
  /** The fieldsets, each disabled while `locked`. */
  children: ReactNode;
}

/**
 * A set-up form that saves and locks: the draft is checked against the contract first (its problems
 * listed), then saved; the form says when it is saved, or why the server refused it (such as
 * SETTINGS_LOCKED, once round 1's scoring has opened). Locked, it has no save button.
 */
export function SettingsForm<Body>({ schema, draft, save, locked, saveLabel, children }: SettingsFormProps<Body>) {
  const { t } = useTranslation('organiser');
  const [problems, setProblems] = useState<string[]>([]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = schema.safeParse(draft(event.currentTarget));
    if (!parsed.success) {
      setProblems(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      return;
    }
    setProblems([]);
    save.mutate(parsed.data);
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      {children}
      {problems.length > 0 ? (
        <div className="form__alert" role="alert">
          <p>{t('errors.validation')}</p>
          <ul lang="en" dir="ltr">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {save.isSuccess ? <p role="status">{t('setup.saved')}</p> : null}
      <Refusal error={save.error} />
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
