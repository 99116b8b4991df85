import { readFileSync } from 'node:fs';

import { z } from 'zod';

/** A configuration problem, reported as one line naming the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads and validates configuration from environment variables. Any
 * variable can instead be given as `NAME_FILE`, a path whose content is the
 * value, which is how Docker secrets reach a container.
 */
export function readConfig<S extends z.ZodRawShape>(
  shape: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<S>> {
  const raw: Record<string, string | undefined> = {};
  for (const name of Object.keys(shape)) {
    raw[name] = readVariable(name, env);
  }

  const parsed = z.object(shape).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0]);
    const problem = raw[name] === undefined ? 'is required' : issue.message;
    throw new ConfigError(`configuration error: ${name} ${problem}`);
  }
  return parsed.data;
}

function readVariable(
  name: string,
  env: NodeJS.ProcessEnv,
): string | undefined {
  const file = env[`${name}_FILE`];
  if (file === undefined || file === '') {
    return env[name] === '' ? undefined : env[name];
  }
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError(
      `configuration error: ${name}_FILE ${file} cannot be read (${reason})`,
    );
  }
}

const port = z.coerce.number().int().min(1).max(65535);

/** Variables every service reads. */
export const commonConfig = {
  PORT: port,
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  DB_HOST: z.string().min(1),
  DB_PORT: port.default(5432),
  DB_NAME: z.string().min(1),
  DB_USER: z.string().min(1),
  DB_PASSWORD: z.string().min(1),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  RABBITMQ_HOST: z.string().min(1),
  RABBITMQ_PORT: port.default(5672),
  RABBITMQ_USER: z.string().min(1),
  RABBITMQ_PASSWORD: z.string().min(1),
  RABBITMQ_VHOST: z.string().min(1).default('/'),
  RABBITMQ_PREFETCH: z.coerce.number().int().min(1).max(1000).default(50),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(20_000),
  /** Delays before each retry of a failed message, e.g. `1000,5000,30000`. */
  MESSAGE_RETRY_DELAYS_MS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'must be comma-separated milliseconds')
    .prefault('1000,5000,30000')
    .transform((list) => list.split(',').map(Number)),
};

export type CommonConfig = z.infer<z.ZodObject<typeof commonConfig>>;
