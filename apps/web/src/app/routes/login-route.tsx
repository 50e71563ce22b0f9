import { useTranslation } from 'react-i18next';
import { redirect, useNavigate, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { Card } from '../../components/ui/card';
import { PageTitle } from '../../components/ui/page-title';
import { sessionQueryOptions } from '../../features/auth/api/get-session';
import { LoginForm } from '../../features/auth/components/login-form';
import { safeNext } from '../../lib/safe-next';
import { queryClient } from '../query-client';

/**
 * Where sign-in leads: the page the organiser was going to (same-site paths only, `safeNext`), or
 * their competitions (`/` opens the juror's home on a juror's tablet).
 */
function afterSignIn(next: string | null): string {
  const path = safeNext(next);
  return path === '/' ? '/competitions' : path;
}

/** Already signed in: straight on to the page the organiser was going to. */
export async function loginLoader({ request }: LoaderFunctionArgs) {
  // Just redirected here by a 401: no need to ask the server again.
  if (queryClient.getQueryState(sessionQueryOptions().queryKey)?.status === 'error') return null;
  const signedIn = await queryClient.ensureQueryData(sessionQueryOptions()).then(
    () => true,
    () => false,
  );
  return signedIn ? redirect(afterSignIn(new URL(request.url).searchParams.get('next'))) : null;
}

export function LoginRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <div className="auth-page">
      <PageTitle>{t('login.title')}</PageTitle>
      <Card as="section" className="auth-card" labelledBy="login-title">
        <h1 id="login-title">{t('login.title')}</h1>
        <p className="muted">{t('login.intro')}</p>
        <LoginForm onSignedIn={() => void navigate(afterSignIn(params.get('next')), { replace: true })} />
      </Card>
    </div>
  );
}
