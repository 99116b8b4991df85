import { Api } from '@airline/testing';

import { ServiceState, stackState } from '../../deploy/swarm/src/convergence';
import { dockerOutput, lines } from '../../deploy/swarm/src/docker';
import { containersOf } from './containers';
import { serviceName, SWARM } from './settings';

export { containersOf, serviceName, SWARM };

export const gateway = new Api(`http://127.0.0.1:${SWARM.gatewayPort}`);

export const PORTS = { reservation: 3001, payment: 3002, cancellation: 3003 };
export type AppService = keyof typeof PORTS;

export function stateOf(service: string): ServiceState {
  const state = stackState(SWARM.stack).find(
    (s) => s.name === serviceName(service),
  );
  if (!state) {
    throw new Error(`no service ${serviceName(service)}`);
  }
  return state;
}

/** Those whose healthcheck passes: the replicas taking requests. */
export function healthyContainersOf(service: string): string[] {
  return containersOf(service, 'health=healthy');
}

/** A single number from one of the stack's databases, asked inside its container. */
export function queryNumber(database: string, sql: string): number {
  const [postgres] = containersOf('postgres');
  const answer = dockerOutput([
    'exec',
    postgres,
    'psql',
    '-U',
    'postgres',
    '-d',
    database,
    '-tAc',
    sql,
  ]);
  return Number(answer);
}

/** Messages waiting in each of the broker's queues. */
export function queueDepths(): Record<string, number> {
  const [rabbitmq] = containersOf('rabbitmq');
  const output = dockerOutput([
    'exec',
    rabbitmq,
    'rabbitmqctl',
    '-q',
    'list_queues',
    'name',
    'messages',
  ]);
  return Object.fromEntries(
    lines(output)
      .map((line) => line.trim().split(/\s+/))
      .filter(([, messages]) => /^\d+$/.test(messages))
      .map(([name, messages]) => [name, Number(messages)]),
  );
}

export interface ReplicaWork {
  readonly container: string;
  /** Requests to `/api/…`, health checks left out. */
  readonly apiRequests: number;
  readonly messagesConsumed: number;
}

/** What each replica of a service handled, from its own metrics. */
export function workPerReplica(service: AppService): ReplicaWork[] {
  return containersOf(service).map((container) => {
    const metrics = dockerOutput([
      'exec',
      container,
      'node',
      '-e',
      `fetch('http://127.0.0.1:${PORTS[service]}/metrics')` +
        '.then((r) => r.text()).then((t) => process.stdout.write(t))',
    ]);
    return {
      container: container.slice(0, 12),
      apiRequests: sumOf(metrics, /^http_requests_total\{[^}]*route="\/api\//),
      messagesConsumed: sumOf(metrics, /^messages_consumed_total\{/),
    };
  });
}

function sumOf(metrics: string, series: RegExp): number {
  return lines(metrics)
    .filter((line) => series.test(line))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}
