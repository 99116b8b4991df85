import { docker, dockerOutput, lines } from '../../deploy/swarm/src/docker';
import { remove } from '../../deploy/swarm/src/stack';
import { SWARM } from './settings';
import { containersOf } from './containers';

/**
 * Shows the warnings and errors the services logged, then leaves the
 * machine as it was: no stack, secrets, volumes, registry or pushed images.
 */
export default async function globalTeardown(): Promise<void> {
  if (process.env.SWARM_STACK === 'running') {
    return;
  }
  try {
    showProblemsLogged();
  } finally {
    await remove({ stack: SWARM.stack, purge: true });
    removePushedImages();
  }
  if (process.env.SWARM_MADE_FOR_TESTS === 'yes') {
    docker(['swarm', 'leave', '--force']);
  }
}

/**
 * The running replicas' warnings and errors. `docker logs` on each
 * container, because `docker service logs` can hang on tasks long gone.
 */
function showProblemsLogged(): void {
  for (const service of ['reservation', 'payment', 'cancellation']) {
    const problems = containersOf(service).flatMap((container) =>
      lines(dockerOutput(['logs', '--tail', '1000', container])).filter(
        (line) => /"level":"(warn|error|fatal)"/.test(line),
      ),
    );
    console.log(`${service}: ${problems.length} warnings and errors logged`);
    console.log(problems.slice(-10).join('\n'));
  }
}

function removePushedImages(): void {
  const images = lines(
    dockerOutput([
      'images',
      '--format',
      '{{.Repository}}:{{.Tag}}',
      '--filter',
      'reference=*/airline/*',
    ]),
  ).filter((image) => !image.endsWith(':<none>'));
  if (images.length > 0) {
    dockerOutput(['image', 'rm', ...images]);
  }
}
