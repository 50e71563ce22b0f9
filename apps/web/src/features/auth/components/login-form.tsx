import { LoginRequestSchema } from '@palmares/contract';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { isApiError } from '../../../lib/api-client';
import { useLogin } from '../api/login';

type Field = 'email' | 'password';

const isField = (value: unknown): value is Field => value === 'email' || value === 'password';

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const login = useLogin();
  // Field names, not messages: the messages follow the language even if it changes afterwards.
  const [invalidFields, setInvalidFields] = useState<ReadonlySet<Field>>(new Set());

  const messages: Record<Field, string> = {
    email: t('login.errors.emailInvalid'),
    password: t('login.errors.passwordRequired'),
  };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    // The same schema the server validates with, so both agree on what is acceptable.
    const parsed = LoginRequestSchema.safeParse({ email: data.get('email'), password: data.get('password') });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]).filter(isField));
      setInvalidFields(fields);
      const [first] = fields;
      if (first) form.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setInvalidFields(new Set());
    login.mutate(parsed.data, { onSuccess: onSignedIn });
  }

  const serverError = login.error
    ? isApiError(login.error, 'INVALID_CREDENTIALS')
      ? t('login.errors.invalidCredentials')
      : isApiError(login.error, 'RATE_LIMITED')
        ? t('login.errors.rateLimited')
        : isApiError(login.error, 'NETWORK')
          ? t('common.errors.network')
          : isApiError(login.error, 'VALIDATION_FAILED')
            ? null
            : t('common.errors.generic')
    : null;

  const field = (name: Field, type: string, autoComplete: string) => {
    const inputId = `${id}-${name}`;
    const errorId = `${inputId}-error`;
    const serverRejected = isApiError(login.error, 'VALIDATION_FAILED') && login.error.details.some((d) => d.path === name);
    const error = invalidFields.has(name) || serverRejected ? messages[name] : undefined;
    return (
      <div className="field">
        <label htmlFor={inputId}>{t(`login.${name}`)}</label>
        <input
          id={inputId}
          name={name}
          type={type}
          autoComplete={autoComplete}
          dir={type === 'email' ? 'ltr' : undefined}
          spellCheck={false}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {error ? (
          <p id={errorId} className="field__error">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form className="form" onSubmit={handleSubmit} noValidate>
      {serverError ? (
        <p className="form__alert" role="alert">
          {serverError}
        </p>
      ) : null}
      {field('email', 'email', 'username')}
      {field('password', 'password', 'current-password')}
      <Button type="submit" busy={login.isPending} className="btn--block">
        {login.isPending ? t('login.submitting') : t('login.submit')}
      </Button>
    </form>
  );
}
