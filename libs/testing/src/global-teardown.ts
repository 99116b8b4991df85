import type { StartedTestContainer } from 'testcontainers';

/** The reaper is off on machines without registry access: stop them here. */
export default async function globalTeardown(): Promise<void> {
  const containers = (
    globalThis as { __integrationContainers?: StartedTestContainer[] }
  ).__integrationContainers;
  await Promise.all((containers ?? []).map((container) => container.stop()));
}
