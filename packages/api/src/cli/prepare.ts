// Brings the database up to date before web and worker start: migrations, then demo data once
// (development only). `pnpm start` runs it; the production image runs it before the web server.
import { connectOrm, migrate } from '@orgcard/db';
import { loadEnvOrExit, prepareEnvShape } from '../config/env.ts';
import { createLogger } from '../logger.ts';
import { seedDemoData } from '../seed/seed-demo-data.ts';

const env = loadEnvOrExit(prepareEnvShape);
const logger = createLogger({ level: env.LOG_LEVEL, pretty: env.NODE_ENV !== 'production' });
const orm = await connectOrm({ databaseUrl: env.DATABASE_URL, poolMax: 2 });
try {
  const applied = await migrate(orm);
  logger.info({ applied: applied.length }, 'migrations applied');
  const seed = env.SEED_DEMO ?? (env.NODE_ENV === 'production' ? 'no' : 'yes');
  if (seed === 'yes') {
    const logins = await seedDemoData(orm.em.fork());
    for (const line of logins) process.stdout.write(`${line}\n`);
  }
} finally {
  await orm.close(true);
}
