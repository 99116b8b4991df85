import { Script } from 'node:vm';

import {
  FastifyAdapter,
  NestFastifyApplication,
} from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';

import { TIMETABLE } from '../flights/routes';
import { AIRPORTS } from './page';
import { UiController } from './ui.controller';

describe('reservation UiController', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      controllers: [UiController],
    }).compile();
    app = module.createNestApplication(new FastifyAdapter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  it('serves the page with a policy that forbids inline script', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });

    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain(
      "script-src 'self'",
    );
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).toContain('<script src="app.js" defer></script>');
    expect(page.body).not.toMatch(/<script>|\son\w+=/);
  });

  it('links the other UIs only when served through the gateway', async () => {
    const direct = await app.inject({ method: 'GET', url: '/' });
    const proxied = await app.inject({
      method: 'GET',
      url: '/',
      headers: { 'x-forwarded-prefix': '/reservation' },
    });

    expect(direct.body).not.toContain('href="../payment/"');
    expect(proxied.body).toContain('href="../payment/"');
    expect(proxied.headers.vary).toContain('X-Forwarded-Prefix');
  });

  it('serves a script that parses and never writes markup', async () => {
    const script = await app.inject({ method: 'GET', url: '/app.js' });

    expect(script.headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );
    expect(() => new Script(script.body)).not.toThrow();
    expect(script.body).not.toMatch(
      /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/,
    );
  });

  it('offers every airport of the timetable', () => {
    const codes = AIRPORTS.map(([code]) => code).sort();
    const served = new Set(TIMETABLE.flatMap((r) => [r.origin, r.destination]));

    expect(codes).toEqual([...served].sort());
  });
});
