import { Box, Button, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useCan } from './can';

/** Shows its children only to users with the permission; everyone else gets the "no access" page. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const can = useCan();
  return can(permission) ? <>{children}</> : <NoAccess />;
}

export function NoAccess() {
  const { t } = useTranslation();
  return (
    <Box sx={{ textAlign: 'center', py: 8 }} data-testid="no-access">
      <Typography variant="h4" component="h1" gutterBottom>
        {t('noAccess.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('noAccess.text')}
      </Typography>
      <Button component={RouterLink} to="/" variant="outlined">
        {t('noAccess.back')}
      </Button>
    </Box>
  );
}
