import { Script } from 'node:vm';

import {
  FastifyAdapter,
  NestFastifyApplication,
} from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';

import { uiController } from './ui.controller';

const page = (behindGateway: boolean) =>
  `<!doctype html><title>t</title>${behindGateway ? 'gateway' : 'direct'}` +
  '<script src="app.js" defer></script>';

describe('uiController', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      controllers: [uiController(page, 'window.ready = true;')],
    }).compile();
    app = module.createNestApplication(new FastifyAdapter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  it('serves the page with a policy that forbids inline script', async () => {
    const answer = await app.inject({ method: 'GET', url: '/' });

    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['content-security-policy']).toContain(
      "script-src 'self'",
    );
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('renders the gateway variant when a prefix is forwarded', async () => {
    const direct = await app.inject({ method: 'GET', url: '/' });
    const proxied = await app.inject({
      method: 'GET',
      url: '/',
      headers: { 'x-forwarded-prefix': '/payment' },
    });

    expect(direct.body).toContain('direct');
    expect(proxied.body).toContain('gateway');
    expect(proxied.headers.vary).toContain('X-Forwarded-Prefix');
  });

  it('serves the script after the shared kit, as JavaScript', async () => {
    const script = await app.inject({ method: 'GET', url: '/app.js' });

    expect(script.headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );
    expect(script.body).toContain('window.ready = true;');
    expect(() => new Script(script.body)).not.toThrow();
  });

  it('serves the shared styles', async () => {
    const styles = await app.inject({ method: 'GET', url: '/styles.css' });

    expect(styles.statusCode).toBe(200);
    expect(styles.headers['content-type']).toBe('text/css; charset=utf-8');
  });
});
