import { commonConfig } from '@airline/platform';
import { z } from 'zod';

export const reservationConfig = {
  ...commonConfig,
  PORT: commonConfig.PORT.default(3001),
  HOLD_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(10),
  HOLD_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
  SEED_DAYS: z.coerce.number().int().min(0).max(365).default(30),
};

export const RESERVATION_CONFIG = Symbol('RESERVATION_CONFIG');

export type ReservationConfig = z.infer<z.ZodObject<typeof reservationConfig>>;
