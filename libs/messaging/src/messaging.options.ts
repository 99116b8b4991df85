import type { ServiceName } from '@airline/contracts';

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  /** Names the service's queues and its inbox records. */
  readonly service: ServiceName;
  readonly rabbitmq: {
    readonly host: string;
    readonly port: number;
    readonly user: string;
    readonly password: string;
    readonly vhost: string;
    /** Messages a replica works on at once. */
    readonly prefetch: number;
  };
  /** Delay before each retry of a failed message; its length is the retries. */
  readonly retryDelaysMs: readonly number[];
  /** How long the relay waits for a broker confirm before trying again. */
  readonly publishTimeoutMs?: number;
}
