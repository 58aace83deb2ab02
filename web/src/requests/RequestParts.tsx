import { Box, Typography } from '@mui/material';
import { type ReactNode } from 'react';
import type { DataSchema } from './types';

export interface CustomerDetails {
  id: string; commercialName: string;
  contacts: { id: string; fullName: string; phones: string[]; emails: string[] }[];
  addresses: { id: string; kind: string; street: string; zone: string | null; reference: string | null; mapUrl: string | null }[];
}

/** The fields of each schema in the order they are shown. */
export const SCHEMA_FIELDS: Record<DataSchema, string[]> = {
  PORTABLE_TOILETS: ['units', 'model', 'usage', 'rentalStart', 'rentalEnd', 'cleaningsPerWeek', 'notes'],
  SEPTIC_TANK: ['waterType', 'volumeM3', 'accessConditions', 'hoseDistanceM', 'notes'],
  WASTEWATER_PLANT: ['flowM3PerDay', 'service', 'siteSurveyNeeded', 'designParameters', 'notes'],
  FREE_FORM: [],
};

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '200px 1fr' }, gap: { sm: 2 }, py: 0.5 }}>
      <Typography variant="body2" color="text.secondary">{label}</Typography>
      <Typography variant="body2" component="div">{children}</Typography>
    </Box>
  );
}
