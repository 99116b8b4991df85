// Shows whether each service is ready, as its own readiness check says
// (database and broker), and refreshes every few seconds.
'use strict';

const REFRESH_MS = 5000;

async function readiness(service) {
  try {
    const response = await fetch(service + '/health/ready', {
      cache: 'no-store',
      signal: AbortSignal.timeout(4000),
    });
    const body = await response.json().catch(() => null);
    if (response.ok) {
      return { state: 'up', text: 'ready' };
    }
    const reason = body && typeof body.message === 'string' ? body.message : '';
    return { state: 'down', text: reason || 'not ready' };
  } catch {
    return { state: 'down', text: 'unreachable' };
  }
}

async function refresh() {
  const checks = document.querySelectorAll('.health[data-service]');
  await Promise.all(
    Array.from(checks, async (line) => {
      const service = line.dataset.service;
      const { state, text } = await readiness(service);
      const name = service.charAt(0).toUpperCase() + service.slice(1);
      line.dataset.state = state;
      line.textContent = name + ' service: ' + text;
    }),
  );
  setTimeout(refresh, REFRESH_MS);
}

void refresh();
