import { Agent, request } from 'node:http';

export interface Answer<T> {
  readonly status: number;
  readonly body: T;
}

/** Told of every request: which endpoint, how long, and how it ended. */
export type RequestObserver = (
  endpoint: string,
  milliseconds: number,
  status: number | 'network',
) => void;

const TIMEOUT_MS = 30_000;

/**
 * A JSON client on kept-alive sockets, lighter than fetch so that the
 * driver, not the system, is never what runs out of CPU first.
 */
export class HttpClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 512 });
  private readonly origin: URL;

  constructor(
    baseUrl: string,
    private readonly observe: RequestObserver,
  ) {
    this.origin = new URL(baseUrl);
  }

  get<T>(
    endpoint: string,
    path: string,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    return this.send('GET', endpoint, path, undefined, headers);
  }

  post<T>(
    endpoint: string,
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const json = JSON.stringify(body);
    return this.send('POST', endpoint, path, json, {
      'content-type': 'application/json',
      ...headers,
    });
  }

  close(): void {
    this.agent.destroy();
  }

  private async send<T>(
    method: string,
    endpoint: string,
    path: string,
    body: string | undefined,
    headers: Record<string, string>,
  ): Promise<Answer<T>> {
    const started = performance.now();
    try {
      const answer = await this.exchange<T>(method, path, body, headers);
      this.observe(endpoint, performance.now() - started, answer.status);
      return answer;
    } catch (error) {
      this.observe(endpoint, performance.now() - started, 'network');
      throw error;
    }
  }

  private exchange<T>(
    method: string,
    path: string,
    body: string | undefined,
    headers: Record<string, string>,
  ): Promise<Answer<T>> {
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          agent: this.agent,
          hostname: this.origin.hostname,
          port: this.origin.port,
          method,
          path,
          headers,
          timeout: TIMEOUT_MS,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              body: parseJson(Buffer.concat(chunks).toString('utf8')) as T,
            }),
          );
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')));
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return { raw: text };
  }
}
