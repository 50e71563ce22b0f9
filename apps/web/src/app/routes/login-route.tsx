import { useTranslation } from 'react-i18next';
import { redirect, useNavigate, useSearchParams } from 'react-router';
import { Card } from '../../components/ui/card';
import { PageTitle } from '../../components/ui/page-title';
import { sessionQueryOptions } from '../../features/auth/api/get-session';
import { LoginForm } from '../../features/auth/components/login-form';
import { queryClient } from '../query-client';

/**
 * Only same-site paths: `?next=https://evil.example` must not become an open redirect. Without
 * one, the organiser's competitions (`/` opens the juror's home on a juror's tablet).
 */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/competitions';
}

export async function loginLoader() {
  // Just redirected here by a 401: no need to ask the server again.
  if (queryClient.getQueryState(sessionQueryOptions().queryKey)?.status === 'error') return null;
  const signedIn = await queryClient.ensureQueryData(sessionQueryOptions()).then(
    () => true,
    () => false,
  );
  return signedIn ? redirect('/competitions') : null;
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
        <LoginForm onSignedIn={() => void navigate(safeNext(params.get('next')), { replace: true })} />
      </Card>
    </div>
  );
}
