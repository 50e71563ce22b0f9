import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { problemsOf, type Problem } from '../../lib/problems';

type Lookup = (path: string) => string | undefined;

const FieldErrorsContext = createContext<{ messageFor: Lookup; idFor: (path: string) => string }>({
  messageFor: () => undefined,
  idFor: (path) => path,
});

/** The name of a language in the reader's own (`ar` → "arabe" for a French reader). */
function languageName(code: string, reader: string): string {
  try {
    return new Intl.DisplayNames([reader], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The sentence of a rule the server names (`snapshot-stale`), with its figures; none if unknown. */
function ruleSentence(rule: string, params: Problem['params'], t: TFunction): string | undefined {
  const state = typeof params.state === 'string' ? (t(`common.fieldErrors.states.${params.state}` as never, { defaultValue: params.state }) as string) : undefined;
  const text = t(`common.fieldErrors.rules.${rule}` as never, { ...params, ...(state ? { state } : {}), defaultValue: '' }) as string;
  return text === '' ? undefined : text;
}

/** How the screen names what a rule's figures identify by code (an axis: "social" → "Social"). */
export interface ProblemNames {
  axis?: (code: string) => string | undefined;
}

/**
 * One refused field in the reader's language, from its rule and figures; a rule this screen does
 * not know gets a general sentence rather than the server's English.
 */
export function describeProblem(problem: Problem, t: TFunction, reader: string, names: ProblemNames = {}): string {
  const p = problem.params;
  const num = (key: string) => (typeof p[key] === 'number' ? (p[key] as number) : undefined);
  const last = problem.path.split('.').at(-1) ?? '';
  switch (problem.rule) {
    case 'too_small': {
      const minimum = num('minimum');
      if (minimum === undefined) return t('common.fieldErrors.invalid');
      if (p.origin === 'string') return minimum <= 1 ? t('common.fieldErrors.required') : t('common.fieldErrors.tooShort', { count: minimum });
      if (p.origin === 'array' || p.origin === 'set') return t('common.fieldErrors.tooFew', { count: minimum });
      return p.inclusive === false ? t('common.fieldErrors.above', { value: minimum }) : t('common.fieldErrors.atLeast', { value: minimum });
    }
    case 'too_big': {
      const maximum = num('maximum');
      if (maximum === undefined) return t('common.fieldErrors.invalid');
      if (p.origin === 'string') return t('common.fieldErrors.tooLong', { count: maximum });
      if (p.origin === 'array' || p.origin === 'set') return t('common.fieldErrors.tooMany', { count: maximum });
      return p.inclusive === false ? t('common.fieldErrors.below', { value: maximum }) : t('common.fieldErrors.atMost', { value: maximum });
    }
    case 'invalid_type':
      if (p.expected === 'int' || p.expected === 'number') return t('common.fieldErrors.number');
      return t('common.fieldErrors.required');
    case 'invalid_format':
      if (p.format === 'email') return t('common.fieldErrors.email');
      if (p.format === 'date') return t('common.fieldErrors.date');
      if (last === 'code') return t('common.fieldErrors.code');
      if (last === 'color') return t('common.fieldErrors.color');
      return t('common.fieldErrors.format');
    case 'not_multiple_of':
      return t('common.fieldErrors.number');
    case 'invalid_value':
    case 'invalid_union':
      return t('common.fieldErrors.choice');
    case 'one_per_level':
      return t('common.fieldErrors.onePerLevel', { count: num('count') ?? 0, language: languageName(String(p.lang ?? ''), reader), min: num('min') ?? 0, max: num('max') ?? 0 });
    case 'required':
      return typeof p.lang === 'string' ? t('common.fieldErrors.requiredIn', { language: languageName(p.lang, reader) }) : t('common.fieldErrors.required');
    case 'infeasible':
      // The pre-registered quota that no ranking could meet, with the figures that show why.
      if (typeof p.axis === 'string') return t('common.fieldErrors.rules.infeasibleAxis', { axis: names.axis?.(p.axis) ?? p.axis, count: num('count') ?? 0, min: num('min') ?? 0 });
      if (num('total') !== undefined) return t('common.fieldErrors.rules.infeasibleTotal', { total: num('total') ?? 0, count: num('seats') ?? 0 });
      if (num('seats') !== undefined) return t('common.fieldErrors.rules.infeasibleSeats', { axes: num('axes') ?? 0, min: num('min') ?? 0, count: num('seats') ?? 0 });
      return t('common.fieldErrors.rules.infeasible');
    case 'axis_max':
    case 'axis_min':
      // A shortlist replacement that breaks its axis's quota, with the axis named in the reader's language.
      return t(`common.fieldErrors.rules.${problem.rule}`, { axis: names.axis?.(String(p.axis ?? '')) ?? p.axis, max: num('max') ?? 0, min: num('min') ?? 0, count: num('count') ?? 0 });
    case 'empty':
      // "Nothing yet" depends on what is empty: the rubric, the round, the jury and entrants.
      if (problem.path === 'rubric') return t('common.fieldErrors.rules.empty_rubric');
      if (problem.path === 'mode') return t('common.fieldErrors.rules.empty_mode');
      if (problem.path === 'entrants') return t('common.fieldErrors.rules.empty_entrants');
      return t('common.fieldErrors.rules.empty');
    default:
      // Every other rule the server names has its own sentence (a test checks each one the
      // server can send is worded in every language); one it does not know stays general.
      return ruleSentence(problem.rule, p, t) ?? t('common.fieldErrors.invalid');
  }
}

/**
 * The server's refusal of each field of a call, in the reader's language, for a form that marks
 * its own fields: `messageFor('name')` → "Ce nom est déjà utilisé." (paths are the request's).
 */
export function useProblemMessages(error: unknown): { messageFor: Lookup; paths: string[] } {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const messages = new Map<string, string>();
    for (const problem of problemsOf(error)) {
      if (!messages.has(problem.path)) messages.set(problem.path, describeProblem(problem, t, i18n.language));
    }
    return { messageFor: (path: string) => messages.get(path), paths: [...messages.keys()] };
  }, [error, t, i18n.language]);
}

/** The DOM id of a field's error text, stable for `aria-describedby`. */
const errorId = (scope: string, path: string) => `${scope}-err-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/**
 * Gives the fields inside it their refusals: `error` is a failed call or a rejected zod parse.
 * A path names the field itself or anything under it (`criteria.0.levels.ar` for the Arabic
 * descriptions of the first criterion).
 */
export function FieldErrorsProvider({ error, scope, children }: { error: unknown; scope: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const value = useMemo(() => {
    const messages = new Map<string, string>();
    for (const problem of problemsOf(error)) {
      if (!messages.has(problem.path)) messages.set(problem.path, describeProblem(problem, t, i18n.language));
    }
    return { messageFor: (path: string) => messages.get(path), idFor: (path: string) => errorId(scope, path) };
  }, [error, scope, t, i18n.language]);
  return <FieldErrorsContext.Provider value={value}>{children}</FieldErrorsContext.Provider>;
}

/**
 * A field's refusal, if any: the props that mark its input invalid and point to the message, and
 * the message to render under it (`<FieldError path=… />`).
 */
export function useFieldErrors() {
  const { messageFor, idFor } = useContext(FieldErrorsContext);
  return {
    messageFor,
    invalidProps(path: string): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
      return messageFor(path) === undefined ? {} : { 'aria-invalid': true, 'aria-describedby': idFor(path) };
    },
  };
}

/** The refusal of the field at `path`, under it, in the reader's language; nothing when accepted. */
export function FieldError({ path }: { path: string }) {
  const { messageFor, idFor } = useContext(FieldErrorsContext);
  const message = messageFor(path);
  if (message === undefined) return null;
  return (
    <p className="field__error" id={idFor(path)}>
      {message}
    </p>
  );
}

/**
 * For a control rendered by a form outside the provider's children tree: gives it the props that
 * mark it invalid (`<WithFieldError path="defaultLanguage">{(p) => <select {...p} />}</WithFieldError>`).
 */
export function WithFieldError({ path, children }: { path: string; children: (props: { 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode }) {
  const { invalidProps } = useFieldErrors();
  return <>{children(invalidProps(path))}</>;
}
