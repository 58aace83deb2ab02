import { Card, CardContent, Stack, Typography } from '@mui/material';
import { type ReactNode } from 'react';

/** A titled card of a screen (a request's facts, a settings block, a part of a form), with an optional action at the right. */
export function Section({ title, children, action, headerGap = 1 }: {
  title: string; children: ReactNode; action?: ReactNode; /** space under the title, in theme units */ headerGap?: number;
}) {
  return (
    <Card variant="outlined" component="section" aria-label={title}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', mb: headerGap }}>
          <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>{title}</Typography>
          {action}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
}
