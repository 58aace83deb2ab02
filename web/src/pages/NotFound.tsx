import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

export default function NotFound() {
  const { t } = useTranslation();
  return (
    <Typography variant="h4" component="h1">
      {t('notFound.title')}
    </Typography>
  );
}
