import { commonConfig } from '@airline/platform';
import { z } from 'zod';

export const paymentConfig = {
  ...commonConfig,
  PORT: commonConfig.PORT.default(3002),
  /** How long a payment waits for news of a reservation made just before. */
  RESERVATION_WAIT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(30_000)
    .default(5_000),
};

export const PAYMENT_CONFIG = Symbol('PAYMENT_CONFIG');

export type PaymentConfig = z.infer<z.ZodObject<typeof paymentConfig>>;
