import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useMatch, useNavigate } from 'react-router';
import { LanguageSwitcher } from '../components/ui/language-switcher';
import { useSession } from '../features/auth/api/get-session';
import { SignOutButton } from '../features/auth/components/sign-out-button';
import { useCompetition } from '../features/competitions/api/get-competition';
import { loginPathFor } from '../lib/safe-next';

function CompetitionName({ id }: { id: number }) {
  const competition = useCompetition(id);
  if (!competition.data) return null;
  return (
    <span className="app-header__context">
      <bdi>{competition.data.name}</bdi>
    </span>
  );
}

export function AppHeader() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession();
  const competitionMatch = useMatch('/competitions/:id');
  const competitionId = Number(competitionMatch?.params.id);
  const signedIn = session.isSuccess;

  return (
    <header className="app-header">
      <div className="app-header__inner">
        <div className="app-header__brand">
          <Link to="/" className="app-header__name" aria-label={t('app.home')}>
            <span className="app-header__logo" aria-hidden="true" />
            {t('app.name')}
          </Link>
          {signedIn && Number.isInteger(competitionId) ? <CompetitionName id={competitionId} /> : null}
        </div>
        <nav className="app-header__nav" aria-label={t('app.mainNav')}>
          {signedIn ? (
            <NavLink to="/competitions" end className="app-header__link">
              {t('competitions.title')}
            </NavLink>
          ) : null}
          {signedIn ? (
            <NavLink to="/data" end className="app-header__link">
              {t('app.data')}
            </NavLink>
          ) : null}
          <LanguageSwitcher />
          {signedIn ? <SignOutButton onSignedOut={() => void navigate(loginPathFor(location.pathname + location.search), { replace: true })} /> : null}
        </nav>
      </div>
    </header>
  );
}
