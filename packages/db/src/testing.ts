import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectOrm, migrate, type Orm } from './orm.ts';

export interface TestDatabase {
  url: string;
  orm: Orm;
  /** Closes the ORM and drops the database. */
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run tests with `pnpm test`');

  return url;
}

/** Creates an empty database with a unique name on the test server. */
export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(adminUrl());
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;

  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client(adminUrl());
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * A fresh, migrated database for one test file, so test files can run in parallel without
 * seeing each other's rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const database = await createEmptyDatabase();
  const orm = await connectOrm({ databaseUrl: database.url, poolMax: 5 });
  await migrate(orm);

  return {
    url: database.url,
    orm,
    async drop() {
      await orm.close(true);
      await database.drop();
    },
  };
}
