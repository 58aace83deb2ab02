import { z } from 'zod';

// Zod compiles validators with `new Function` unless told not to; our Content-Security-Policy
// forbids eval, and the probe alone would log a violation in every page.
z.config({ jitless: true });
