import { converged, failedUpdate, ServiceState } from './convergence';

const IMAGE = '127.0.0.1:5000/airline/payment:1.0.0-abc';

function service(overrides: Partial<ServiceState> = {}): ServiceState {
  return {
    name: 'airline_payment',
    image: `${IMAGE}@sha256:0123`,
    desired: 2,
    ready: 2,
    stale: 0,
    ...overrides,
  };
}

const expected = new Map([['airline_payment', IMAGE]]);

describe('converged', () => {
  it('holds when every replica runs the image this deploy asked for', () => {
    expect(converged([service()], expected)).toBe(true);
  });

  it('waits while a replica is missing or not yet healthy', () => {
    expect(converged([service({ ready: 1 })], expected)).toBe(false);
  });

  it('waits while old replicas still run beside new ones', () => {
    expect(converged([service({ stale: 1 })], expected)).toBe(false);
  });

  it('waits while an update is underway', () => {
    expect(converged([service({ updateState: 'updating' })])).toBe(false);
  });

  it('does not hold for a service rolled back to another image', () => {
    const rolledBack = service({
      image: 'registry/airline/payment:0.9.0@sha256:9',
      updateState: 'rollback_completed',
    });

    expect(converged([rolledBack], expected)).toBe(false);
    expect(failedUpdate([rolledBack], expected)).toBe(rolledBack);
  });

  it('does not hold for a stack with no services yet', () => {
    expect(converged([])).toBe(false);
  });
});

describe('failedUpdate', () => {
  it('ignores an old rollback when the service now runs the expected image', () => {
    const recovered = service({ updateState: 'rollback_completed' });

    expect(failedUpdate([recovered], expected)).toBeUndefined();
  });

  it('reports an update paused on failure', () => {
    const paused = service({ image: 'other', updateState: 'paused' });

    expect(failedUpdate([paused], expected)).toBe(paused);
  });
});
