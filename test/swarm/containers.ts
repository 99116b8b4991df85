import { dockerOutput, lines } from '../../deploy/swarm/src/docker';
import { serviceName } from './settings';

// Apart from swarm.ts: the global teardown loads this outside Jest's module
// mapping, where `@airline/…` imports do not resolve.

/** The running containers of a service on this node. */
export function containersOf(service: string, ...filters: string[]): string[] {
  return lines(
    dockerOutput([
      'ps',
      '-q',
      '--filter',
      `label=com.docker.swarm.service.name=${serviceName(service)}`,
      '--filter',
      'status=running',
      ...filters.flatMap((filter) => ['--filter', filter]),
    ]),
  );
}
