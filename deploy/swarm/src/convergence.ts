import { dockerOutput, lines, sleep } from './docker';

export interface ServiceState {
  readonly name: string;
  /** The image the spec asks for, `name:tag` with its digest if resolved. */
  readonly image: string;
  readonly desired: number;
  /** Running tasks of the current spec (they passed their healthcheck). */
  readonly ready: number;
  /** Running or starting tasks of an older spec. */
  readonly stale: number;
  readonly updateState?: string;
}

interface ServiceJson {
  ID: string;
  Spec: {
    Name: string;
    Mode: { Replicated?: { Replicas: number }; Global?: object };
    TaskTemplate: { ContainerSpec: { Image: string } };
  };
  UpdateStatus?: { State: string; Message?: string };
}

interface TaskJson {
  ServiceID: string;
  NodeID: string;
  Spec: { ContainerSpec: { Image: string } };
  Status: { State: string };
}

/** Each service of a stack: wanted replicas, healthy ones, old ones. */
export function stackState(stack: string): ServiceState[] {
  const ids = lines(
    dockerOutput([
      'service',
      'ls',
      '-q',
      '--filter',
      `label=com.docker.stack.namespace=${stack}`,
    ]),
  );
  if (ids.length === 0) {
    return [];
  }
  const services = JSON.parse(
    dockerOutput(['service', 'inspect', ...ids]),
  ) as ServiceJson[];
  const tasks = runningTasks(ids);
  const nodes = lines(dockerOutput(['node', 'ls', '-q'])).length;
  return services.map((service) => stateOf(service, tasks, nodes));
}

function runningTasks(serviceIds: string[]): TaskJson[] {
  const taskIds = lines(
    dockerOutput([
      'service',
      'ps',
      '-q',
      '--no-trunc',
      '--filter',
      'desired-state=running',
      ...serviceIds,
    ]),
  );
  if (taskIds.length === 0) {
    return [];
  }
  return JSON.parse(dockerOutput(['inspect', ...taskIds])) as TaskJson[];
}

function stateOf(
  service: ServiceJson,
  tasks: TaskJson[],
  nodes: number,
): ServiceState {
  const image = service.Spec.TaskTemplate.ContainerSpec.Image;
  const own = tasks.filter((task) => task.ServiceID === service.ID);
  const current = own.filter((task) => task.Spec.ContainerSpec.Image === image);
  return {
    name: service.Spec.Name,
    image,
    desired: service.Spec.Mode.Replicated?.Replicas ?? nodes,
    ready: current.filter((task) => task.Status.State === 'running').length,
    stale: own.length - current.length,
    updateState: service.UpdateStatus?.State,
  };
}

/** Images by service name, for the services a deploy built. */
export type ExpectedImages = ReadonlyMap<string, string>;

/**
 * True when every replica runs the current spec, no update is underway, and
 * the spec names the image this deploy asked for (a rolled-back one does not).
 */
export function converged(
  states: ServiceState[],
  expected: ExpectedImages = new Map(),
): boolean {
  return (
    states.length > 0 &&
    states.every(
      (state) =>
        state.ready === state.desired &&
        state.stale === 0 &&
        !isUpdating(state.updateState) &&
        runsExpected(state, expected),
    )
  );
}

/** A service whose update gave up and left it on another image. */
export function failedUpdate(
  states: ServiceState[],
  expected: ExpectedImages = new Map(),
): ServiceState | undefined {
  return states.find(
    (state) =>
      GAVE_UP.includes(state.updateState ?? '') &&
      !runsExpected(state, expected),
  );
}

const GAVE_UP = ['rollback_completed', 'paused', 'rollback_paused'];

function runsExpected(state: ServiceState, expected: ExpectedImages): boolean {
  const image = expected.get(state.name);
  // A resolved spec carries the digest after the tag: `name:tag@sha256:…`.
  return image === undefined || state.image.split('@')[0] === image;
}

function isUpdating(updateState: string | undefined): boolean {
  return updateState === 'updating' || updateState === 'rollback_started';
}

export function describe(states: ServiceState[]): string {
  return states
    .map((state) => {
      const update = isUpdating(state.updateState)
        ? ` ${state.updateState}`
        : '';
      const service = state.name.slice(state.name.indexOf('_') + 1);
      return `${service} ${state.ready}/${state.desired}${update}`;
    })
    .join(', ');
}

/**
 * Waits until every service of the stack has all its replicas healthy on
 * the current spec; fails when an update rolled back or time runs out.
 */
export async function waitForStack(
  stack: string,
  timeoutMs: number,
  expected: ExpectedImages = new Map(),
  log: (line: string) => void = console.log,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const states = stackState(stack);
    const summary = describe(states);
    if (summary !== last) {
      log(`  ${summary || 'no services yet'}`);
      last = summary;
    }
    if (converged(states, expected)) {
      return;
    }
    const failed = failedUpdate(states, expected);
    if (failed) {
      throw new Error(`${failed.name}: update ${failed.updateState}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`stack ${stack} not ready in ${timeoutMs / 1000} s`);
    }
    await sleep(2_000);
  }
}
