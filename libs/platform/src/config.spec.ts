import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { z } from 'zod';

import { readConfig } from './config';

const shape = {
  PORT: z.coerce.number().int().min(1).max(65535),
  DB_PASSWORD: z.string().min(1),
};

describe('readConfig', () => {
  it('reads and coerces variables', () => {
    const config = readConfig(shape, { PORT: '3001', DB_PASSWORD: 'pw' });

    expect(config).toEqual({ PORT: 3001, DB_PASSWORD: 'pw' });
  });

  it('reads a secret from NAME_FILE', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cfg-')), 'secret');
    writeFileSync(file, 's3cret\n');

    const config = readConfig(shape, { PORT: '1', DB_PASSWORD_FILE: file });

    expect(config.DB_PASSWORD).toBe('s3cret');
  });

  it('names a missing variable in one line', () => {
    expect(() => readConfig(shape, { PORT: '1' })).toThrow(
      'configuration error: DB_PASSWORD is required',
    );
  });

  it('names a malformed variable', () => {
    expect(() => readConfig(shape, { PORT: 'x', DB_PASSWORD: 'p' })).toThrow(
      /^configuration error: PORT /,
    );
  });

  it('names an unreadable secret file', () => {
    expect(() =>
      readConfig(shape, { PORT: '1', DB_PASSWORD_FILE: '/nonexistent' }),
    ).toThrow('DB_PASSWORD_FILE /nonexistent cannot be read (ENOENT)');
  });
});
