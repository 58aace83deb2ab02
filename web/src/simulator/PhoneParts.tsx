import { Box, Button, Menu, MenuItem, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { simulatorApi } from './api';

export function ListBubble({ text, button, rows, disabled, onPick }: {
  text: string; button: string; rows: { id: string; title: string; description?: string }[]; disabled: boolean;
  onPick: (id: string) => void;
}) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{text}</Typography>
      <Button size="small" variant="outlined" fullWidth sx={{ mt: 1 }} disabled={disabled} onClick={(e) => setAnchor(e.currentTarget)}>
        {button}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {rows.map((r) => (
          <MenuItem key={r.id} onClick={() => { setAnchor(null); onPick(r.id); }}>
            <Box>
              <Typography variant="body2">{r.title}</Typography>
              {r.description && <Typography variant="caption" color="text.secondary">{r.description}</Typography>}
            </Box>
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

/** A photo the phone sent, fetched with the session's token (an <img> cannot send it). */
export function PhoneImage({ phoneId, messageId, alt }: { phoneId: string; messageId: string; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let revoked = false;
    let objectUrl: string | null = null;
    void simulatorApi.image(phoneId, messageId).then((blob) => {
      if (revoked || !blob) return;
      objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
    });
    return () => {
      revoked = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [phoneId, messageId]);
  return url ? <Box component="img" src={url} alt={alt} sx={{ maxWidth: '100%', maxHeight: 240, borderRadius: 1, display: 'block' }} />
    : <Typography variant="body2">📷</Typography>;
}
