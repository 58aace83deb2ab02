import { Card, CardContent, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';
import type { MessageKey } from '../translate';

export default function HomePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  return (
    <>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('home.welcome', { name: me?.user.fullName })}
      </Typography>
      <Card variant="outlined" sx={{ maxWidth: 560 }}>
        <CardContent>
          <Typography variant="overline">{t('home.tenant')}</Typography>
          <Typography variant="h6">{me?.tenant.name}</Typography>
          <Typography color="text.secondary">{t('home.intro')}</Typography>
        </CardContent>
      </Card>
    </>
  );
}

export function ComingSoon({ titleKey }: { titleKey: MessageKey }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography variant="h4" component="h1" gutterBottom>
        {t(titleKey)}
      </Typography>
      <Typography color="text.secondary">{t('comingSoon')}</Typography>
    </>
  );
}
