import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = resolve(import.meta.dirname, '../node_modules/.bin/tsx');
const main = resolve(import.meta.dirname, '../src/main.ts');

function startWorkerWith(env: Record<string, string>) {
  return spawnSync(tsx, [main], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('worker configuration', () => {
  it('stops with one line naming a malformed variable and its rule', () => {
    const result = startWorkerWith({
      DATABASE_URL: 'postgres://localhost/orgcard',
      REDIS_URL: 'http://localhost:6379',
      SMTP_URL: 'smtp://localhost:1025',
    });

    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('Неверная настройка REDIS_URL: нужен адрес redis://…');
  });

  it('names a missing variable', () => {
    const result = startWorkerWith({
      REDIS_URL: 'redis://localhost:6379',
      SMTP_URL: 'smtp://x:25',
    });

    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('Неверная настройка DATABASE_URL: не задана');
  });

  it('refuses an out-of-range number', () => {
    const result = startWorkerWith({
      DATABASE_URL: 'postgres://localhost/orgcard',
      REDIS_URL: 'redis://localhost:6379',
      SMTP_URL: 'smtp://localhost:1025',
      WORKER_CONCURRENCY: '0',
    });

    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Неверная настройка WORKER_CONCURRENCY: .+/);
  });
});
