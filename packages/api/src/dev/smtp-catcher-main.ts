// The development SMTP catcher as its own process, started by `pnpm start`.
import { connectOrm } from '@orgcard/db';
import { commonEnvShape, loadEnvOrExit } from '../config/env.ts';
import { createLogger } from '../logger.ts';
import { startSmtpCatcher } from './smtp-catcher.ts';

const env = loadEnvOrExit({
  LOG_LEVEL: commonEnvShape.LOG_LEVEL,
  DATABASE_URL: commonEnvShape.DATABASE_URL,
  SMTP_URL: commonEnvShape.SMTP_URL,
});
const logger = createLogger({ level: env.LOG_LEVEL, pretty: true, name: 'smtp-catcher' });
const orm = await connectOrm({ databaseUrl: env.DATABASE_URL, poolMax: 2 });
const catcher = await startSmtpCatcher(orm.em, Number(new URL(env.SMTP_URL).port));
logger.info({ port: catcher.port }, 'SMTP catcher listening');

const stop = async () => {
  await catcher.close();
  await orm.close(true);
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
