import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useLogout } from '../api/logout';

export function SignOutButton({ onSignedOut }: { onSignedOut: () => void }) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Button variant="ghost" busy={logout.isPending} onClick={() => logout.mutate(undefined, { onSettled: onSignedOut })}>
      {logout.isPending ? t('auth.signingOut') : t('auth.signOut')}
    </Button>
  );
}
