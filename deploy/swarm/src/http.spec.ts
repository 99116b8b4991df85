import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

import { answersOk } from './http';

describe('answersOk', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/silent') {
        return; // Accepts and never answers, like a proxy with no backend.
      }
      response.statusCode = request.url === '/ok' ? 200 : 503;
      response.end('{}');
    });
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('is true for a 2xx answer', async () => {
    await expect(answersOk(`${base}/ok`)).resolves.toBe(true);
  });

  it('is false for an error status', async () => {
    await expect(answersOk(`${base}/starting`)).resolves.toBe(false);
  });

  it('gives up on a server that never answers once its time is up', async () => {
    const started = Date.now();

    await expect(answersOk(`${base}/silent`, 200)).resolves.toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('is false when nothing listens', async () => {
    await expect(answersOk('http://127.0.0.1:1/')).resolves.toBe(false);
  });
});
