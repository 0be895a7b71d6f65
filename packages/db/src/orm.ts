import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig, type OrmConfigInput } from './config.ts';

export type Orm = MikroORM;

/** Connects to the database. Call `migrate` before serving requests. */
export async function connectOrm(input: OrmConfigInput): Promise<Orm> {
  return MikroORM.init(createOrmConfig(input));
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();

  return applied.map((migration) => migration.name);
}
