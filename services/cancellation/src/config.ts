import { commonConfig } from '@airline/platform';
import { z } from 'zod';

export const cancellationConfig = {
  ...commonConfig,
  PORT: commonConfig.PORT.default(3003),
  /** How long a cancellation waits for news of a reservation made just before. */
  RESERVATION_WAIT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(30_000)
    .default(5_000),
};

export const CANCELLATION_CONFIG = Symbol('PAYMENT_CONFIG');

export type CancellationConfig = z.infer<
  z.ZodObject<typeof cancellationConfig>
>;
