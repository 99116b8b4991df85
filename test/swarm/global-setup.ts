import { dockerOutput } from '../../deploy/swarm/src/docker';
import { deploy, remove } from '../../deploy/swarm/src/stack';
import { SWARM } from './settings';

/**
 * Deploys the stack the way users do (`npm run swarm:deploy`), on a
 * one-node swarm made for the run when this machine is in none.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.SWARM_STACK === 'running') {
    return; // Testing a stack the developer already deployed.
  }
  const swarm = dockerOutput(['info', '--format', '{{.Swarm.LocalNodeState}}']);
  // Read by the teardown, which runs in this same process.
  process.env.SWARM_MADE_FOR_TESTS = swarm === 'inactive' ? 'yes' : 'no';
  try {
    await deploy({
      stack: SWARM.stack,
      gatewayPort: SWARM.gatewayPort,
      build: true,
      timeoutMs: 10 * 60_000,
    });
  } catch (error) {
    await remove({ stack: SWARM.stack, purge: true }).catch(() => undefined);
    throw error;
  }
}
