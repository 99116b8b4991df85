import { docker, dockerOutput, dockerSucceeds, sleep } from './docker';
import { answersOk } from './http';

/**
 * A registry for a swarm of one: Docker trusts 127.0.0.1 without TLS. A
 * multi-node swarm needs one every node can reach, given as `--registry`.
 */
export const LOCAL_REGISTRY = {
  container: 'airline-registry',
  port: Number(process.env.LOCAL_REGISTRY_PORT ?? 5000),
};

/** Starts the local registry unless it runs; returns its address. */
export async function ensureLocalRegistry(
  log: (line: string) => void,
): Promise<string> {
  const { container, port } = LOCAL_REGISTRY;
  const address = `127.0.0.1:${port}`;
  if (!dockerSucceeds(['container', 'inspect', container])) {
    log(`Starting a local registry on ${address}`);
    docker([
      'run',
      '--detach',
      '--name',
      container,
      '--restart',
      'unless-stopped',
      '--publish',
      `${address}:5000`,
      process.env.REGISTRY_IMAGE ?? 'registry:2',
    ]);
  } else if (
    dockerOutput(['inspect', '--format', '{{.State.Running}}', container]) !==
    'true'
  ) {
    docker(['start', container]);
  }
  await waitForRegistry(address);
  return address;
}

async function waitForRegistry(address: string): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt++) {
    // The registry's API root answers 200 once it listens.
    if (await answersOk(`http://${address}/v2/`)) {
      return;
    }
    await sleep(1_000);
  }
  throw new Error(`the registry on ${address} does not answer`);
}
