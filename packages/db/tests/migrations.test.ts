import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectOrm, migrate, type Orm } from '../src/index.ts';
import { createEmptyDatabase } from '../src/testing.ts';
import { migrationsList } from '../src/migrations/index.ts';

describe('migrations', () => {
  let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let orm: Orm;

  beforeAll(async () => {
    database = await createEmptyDatabase();
    orm = await connectOrm({ databaseUrl: database.url });
  });

  afterAll(async () => {
    await orm.close(true);
    await database.drop();
  });

  it('migrates a fresh database up, every migration once', async () => {
    const applied = await migrate(orm);
    expect(applied).toEqual(migrationsList.map((migration) => migration.name));
    expect(await migrate(orm)).toEqual([]);
  });

  it('leaves no difference between the entities and the schema', async () => {
    const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
    expect(await orm.getMigrator().checkMigrationNeeded()).toBe(false);
  });
});
