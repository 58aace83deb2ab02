import { Alert, Button, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';
import { adminApi, type UserView } from './api';

/**
 * What became of a user's invitation: pending, or not mailed (no SMTP server) with the set-password link for the
 * administrator to copy and hand over, and a way to send it again. Nothing once the user has chosen a password.
 */
export function InvitationNotice({ user, onChange }: { user: UserView; onChange(user: UserView): void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [copied, setCopied] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (!user.invitation) return null;
  const notSent = user.invitation === 'NOT_SENT';
  const resend = async () => {
    setFailure(null);
    setCopied(false);
    try {
      onChange(await adminApi.resendInvitation(user.id));
    } catch (error) {
      setFailure((error as Error).message);
    }
  };
  const copy = async () => {
    await navigator.clipboard?.writeText(user.invitationLink ?? '');
    setCopied(true);
  };
  return (
    <Alert severity={notSent ? 'warning' : 'info'} data-testid="invitation-notice"
      action={can('users:create') && (
        <Button color="inherit" size="small" onClick={() => void resend()} data-testid="resend-invitation">{t('invitations.resend')}</Button>
      )}>
      <Stack spacing={1}>
        <span>
          {user.invitationSent ? t('invitations.sent') : notSent ? t('invitations.notSentText') : t('invitations.pendingText')}
        </span>
        {user.invitationLink && (
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
            <TextField size="small" label={t('invitations.link')} value={user.invitationLink} sx={{ flex: 1 }}
              slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'invitation-link' } }} />
            <Button size="small" variant="outlined" onClick={() => void copy()}>{copied ? t('invitations.copied') : t('invitations.copy')}</Button>
          </Stack>
        )}
        {failure && <span role="alert">{failure}</span>}
      </Stack>
    </Alert>
  );
}
