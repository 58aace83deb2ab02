import { Box, Snackbar, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarSection } from './CalendarSection';
import { TypesSection } from './TypesSection';
import { PoliciesSection } from './PoliciesSection';

/** The module's setup: approval and business calendar, service types, SLA policies. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  return (
    <Box sx={{ maxWidth: 1100 }}>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>{t('servicerequests.settings')}</Typography>
      <Stack spacing={2}>
        <CalendarSection onSaved={() => setSaved(true)} />
        <TypesSection onSaved={() => setSaved(true)} />
        <PoliciesSection onSaved={() => setSaved(true)} />
      </Stack>
      <Snackbar open={saved} autoHideDuration={3000} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} onClose={() => setSaved(false)} message={t('common.saved')} />
    </Box>
  );
}
