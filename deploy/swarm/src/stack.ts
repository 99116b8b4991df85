import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { waitForStack } from './convergence';
import { docker, dockerOutput, dockerSucceeds, lines, sleep } from './docker';
import { ensureLocalRegistry, LOCAL_REGISTRY } from './registry';

export const ROOT = join(__dirname, '../../..');

const SERVICES = ['reservation', 'payment', 'cancellation'];

export const SECRETS = [
  'postgres_password',
  'reservation_db_password',
  'payment_db_password',
  'cancellation_db_password',
  'rabbitmq_password',
] as const;

export interface DeployOptions {
  readonly stack: string;
  /** `host:port` of a registry every node can pull from; none: a local one. */
  readonly registry?: string;
  /** Defaults to `<version>-<commit>`. */
  readonly tag?: string;
  readonly gatewayPort: number;
  /** Deploy images already in the registry under `tag`. */
  readonly build: boolean;
  readonly timeoutMs: number;
  readonly log?: (line: string) => void;
}

export interface Deployment {
  readonly stack: string;
  readonly registry: string;
  readonly tag: string;
  readonly images: ReadonlyMap<string, string>;
}

/**
 * Builds, tags and pushes the images, creates what the stack needs, deploys
 * it and waits until every service has all its replicas healthy.
 */
export async function deploy(options: DeployOptions): Promise<Deployment> {
  const log = options.log ?? console.log;
  ensureSwarmManager(log);
  const registry = options.registry ?? (await ensureLocalRegistry(log));
  const tag = options.tag ?? defaultTag();
  const images = imagesOf(registry, tag);

  if (options.build) {
    buildAndPush(images, log);
  }
  ensureSecrets(options.stack, log);
  ensureDataNode(log);

  log(`Deploying stack ${options.stack} with images tagged ${tag}`);
  docker(
    ['stack', 'deploy', '-c', 'swarm-stack.yml', '--prune', options.stack],
    { cwd: ROOT, env: stackEnvironment(options, registry, tag) },
  );
  const expected = new Map(
    [...images].map(([name, image]) => [`${options.stack}_${name}`, image]),
  );
  await waitForStack(options.stack, options.timeoutMs, expected, log);
  log(`Stack ${options.stack} is up: every replica is healthy`);
  return { stack: options.stack, registry, tag, images };
}

function imagesOf(registry: string, tag: string): Map<string, string> {
  const names = [...SERVICES, 'gateway'];
  return new Map(
    names.map((name) => [name, `${registry}/airline/${name}:${tag}`]),
  );
}

/** `<version>-<commit>`, marked when the tree has changes not committed. */
export function defaultTag(): string {
  const { version } = JSON.parse(
    readFileSync(join(ROOT, 'package.json'), 'utf8'),
  ) as { version: string };
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  const commit = git('rev-parse', '--short=12', 'HEAD');
  const dirty = git('status', '--porcelain') !== '';
  return `${version}-${commit}${dirty ? '-dirty' : ''}`;
}

function buildAndPush(images: Map<string, string>, log: (l: string) => void) {
  for (const [name, image] of images) {
    log(`Building ${image}`);
    docker(buildArgs(name, image), { cwd: ROOT });
  }
  for (const image of images.values()) {
    log(`Pushing ${image}`);
    docker(['push', '--quiet', image]);
  }
}

function buildArgs(name: string, image: string): string[] {
  if (name === 'gateway') {
    return [
      'build',
      '--force-rm',
      '--build-arg',
      `NGINX_IMAGE=${process.env.NGINX_IMAGE ?? 'nginx:1.27-alpine'}`,
      '-t',
      image,
      'docker/gateway',
    ];
  }
  return [
    'build',
    '--force-rm',
    '--build-arg',
    `NODE_IMAGE=${process.env.NODE_IMAGE ?? 'node:24-bookworm-slim'}`,
    '--build-arg',
    `SERVICE=${name}`,
    '-t',
    image,
    '.',
  ];
}

function stackEnvironment(
  options: DeployOptions,
  registry: string,
  tag: string,
): NodeJS.ProcessEnv {
  const init = readFileSync(join(ROOT, 'docker/postgres/init-databases.sh'));
  return {
    // RESERVATION_REPLICAS=5 and the like reach the stack file from here.
    ...process.env,
    STACK_NAME: options.stack,
    REGISTRY: registry,
    IMAGE_TAG: tag,
    GATEWAY_PORT: String(options.gatewayPort),
    // Swarm configs cannot change: a new content gets a new name.
    POSTGRES_INIT_DIGEST: createHash('sha256')
      .update(init)
      .digest('hex')
      .slice(0, 12),
  };
}

/** A one-node swarm on a machine that is in none, as on a laptop. */
function ensureSwarmManager(log: (line: string) => void): void {
  const state = dockerOutput([
    'info',
    '--format',
    '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}',
  ]);
  if (state === 'active true') {
    return;
  }
  if (!state.startsWith('inactive')) {
    throw new Error(`this node must be a swarm manager (swarm: ${state})`);
  }
  const address = process.env.SWARM_ADVERTISE_ADDR ?? '127.0.0.1';
  log(`Creating a one-node swarm advertised on ${address}`);
  docker(['swarm', 'init', '--advertise-addr', address]);
}

/**
 * Random passwords, made once per stack and never shown: the databases keep
 * the ones they were initialised with, so existing secrets are left alone.
 */
function ensureSecrets(stack: string, log: (line: string) => void): void {
  for (const secret of SECRETS) {
    const name = `${stack}_${secret}`;
    if (dockerSucceeds(['secret', 'inspect', name])) {
      continue;
    }
    log(`Creating secret ${name}`);
    // Its output is only the secret's id.
    dockerOutput(['secret', 'create', name, '-'], {
      input: randomBytes(24).toString('hex'),
    });
  }
}

/** The databases run where their volumes are: a node labelled for data. */
function ensureDataNode(log: (line: string) => void): void {
  const labelled = lines(
    dockerOutput([
      'node',
      'ls',
      '-q',
      '--filter',
      'node.label=airline.data=true',
    ]),
  );
  if (labelled.length > 0) {
    return;
  }
  log('Labelling this node airline.data=true: the databases will run here');
  const self = dockerOutput(['info', '--format', '{{.Swarm.NodeID}}']);
  dockerOutput(['node', 'update', '--label-add', 'airline.data=true', self]);
}

export interface RemoveOptions {
  readonly stack: string;
  /** Also delete the data volumes, the secrets and the local registry. */
  readonly purge: boolean;
  readonly log?: (line: string) => void;
}

/** Removes the stack and waits until its containers and networks are gone. */
export async function remove(options: RemoveOptions): Promise<void> {
  const log = options.log ?? console.log;
  const { stack } = options;
  log(`Removing stack ${stack}`);
  docker(['stack', 'rm', stack]);
  await waitUntilGone(stack);

  if (options.purge) {
    purge(stack, log);
  }
  log(`Stack ${stack} removed`);
}

async function waitUntilGone(stack: string): Promise<void> {
  const label = `label=com.docker.stack.namespace=${stack}`;
  for (let attempt = 0; attempt < 120; attempt++) {
    const left = [
      ...lines(dockerOutput(['ps', '-aq', '--filter', label])),
      ...lines(dockerOutput(['network', 'ls', '-q', '--filter', label])),
    ];
    if (left.length === 0) {
      return;
    }
    await sleep(1_000);
  }
  throw new Error(`stack ${stack}: containers or networks still there`);
}

function purge(stack: string, log: (line: string) => void): void {
  const volumes = lines(
    dockerOutput([
      'volume',
      'ls',
      '-q',
      '--filter',
      `label=com.docker.stack.namespace=${stack}`,
    ]),
  );
  const secrets = SECRETS.map((secret) => `${stack}_${secret}`).filter((name) =>
    dockerSucceeds(['secret', 'inspect', name]),
  );
  for (const volume of volumes) {
    log(`Deleting volume ${volume}`);
    docker(['volume', 'rm', volume]);
  }
  if (secrets.length > 0) {
    log(`Deleting secrets ${secrets.join(', ')}`);
    docker(['secret', 'rm', ...secrets]);
  }
  if (dockerSucceeds(['container', 'inspect', LOCAL_REGISTRY.container])) {
    log(`Deleting the local registry ${LOCAL_REGISTRY.container}`);
    docker(['rm', '-f', '-v', LOCAL_REGISTRY.container]);
  }
}
