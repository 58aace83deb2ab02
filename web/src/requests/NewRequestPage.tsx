import { Alert, LinearProgress } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { RequestForm } from './RequestForm';
import { requestsApi, requestKeys } from './api';

/** `/requests/new` and `/requests/:id/edit`: loads the request to edit, then shows the form. */
export default function NewRequestPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const request = useQuery({
    queryKey: requestKeys.one(id),
    queryFn: () => requestsApi.get(id as string),
    enabled: !!id,
  });
  if (!id) return <RequestForm />;
  if (request.error) return <Alert severity="error">{(request.error as Error).message}</Alert>;
  if (!request.data) return <LinearProgress aria-label={t('common.loading')} />;
  return <RequestForm editing={request.data} />;
}
