import { ComposeStack } from '../e2e/compose';

/**
 * The stack the browser tests drive: host ports and an image tag of its
 * own, so it runs beside the default stack and the end-to-end one.
 */
export const browserStack = new ComposeStack('airline-browser', {
  GATEWAY_PORT: '18080',
  RESERVATION_PORT: '13001',
  PAYMENT_PORT: '13002',
  CANCELLATION_PORT: '13003',
  POSTGRES_PORT: '15433',
  RABBITMQ_MANAGEMENT_PORT: '15673',
  IMAGE_TAG: 'browser',
});

export const GATEWAY_URL = 'http://127.0.0.1:18080';

/** Each service on its own port, without the gateway in front. */
export const SERVICE_URLS = {
  reservation: 'http://127.0.0.1:13001',
  payment: 'http://127.0.0.1:13002',
  cancellation: 'http://127.0.0.1:13003',
} as const;
