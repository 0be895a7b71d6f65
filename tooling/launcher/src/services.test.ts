import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { startPrivateRedis } from './redis.ts';
import { startPrivatePostgres } from './postgres.ts';

function ping(url: string): Promise<string> {
  const { port } = new URL(url);

  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    socket.once('data', (data) => {
      resolve(data.toString().trim());
      socket.end();
    });
    socket.once('error', reject);
    socket.write('PING\r\n');
  });
}

describe('the launcher', () => {
  it('starts a private Redis that answers and stops it', async () => {
    const redis = await startPrivateRedis();
    expect(await ping(redis.url)).toBe('+PONG');
    await redis.stop();
    await expect(ping(redis.url)).rejects.toThrow();
  });

  it('starts a private PostgreSQL whose data survives a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgcard-pg-'));
    try {
      const first = await startPrivatePostgres(dir);
      await first.ensureDatabase('keep');
      const client = new pg.Client(first.urlFor('keep'));
      await client.connect();
      await client.query('create table kept (value text)');
      await client.query("insert into kept values ('остаётся')");
      await client.end();
      await first.stop();

      const second = await startPrivatePostgres(dir);
      const again = new pg.Client(second.urlFor('keep'));
      await again.connect();
      const { rows } = await again.query<{ value: string }>('select value from kept');
      await again.end();
      await second.stop();
      expect(rows).toEqual([{ value: 'остаётся' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
