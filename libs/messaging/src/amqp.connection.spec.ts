import { AmqpConnection } from './amqp.connection';
import { MessagingOptions } from './messaging.options';

const unreachable: MessagingOptions = {
  service: 'reservation',
  // Nothing listens on port 1: every attempt is refused at once.
  rabbitmq: {
    host: '127.0.0.1',
    port: 1,
    user: 'u',
    password: 'p',
    vhost: '/',
    prefetch: 1,
  },
  retryDelaysMs: [],
};

describe('AmqpConnection', () => {
  it('doubles its retry delay while the broker stays unreachable', async () => {
    const connection = new AmqpConnection(unreachable);
    const seen = new Set<number>();

    const deadline = Date.now() + 12_000;
    while (Date.now() < deadline && !seen.has(8)) {
      seen.add(connection.retryDelaySeconds());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await connection.close();

    expect([...seen]).toEqual(expect.arrayContaining([2, 4, 8]));
    expect(Math.max(...seen)).toBe(8);
    expect(connection.isConnected()).toBe(false);
  }, 15_000);
});
