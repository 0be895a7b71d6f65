// The web process: Express serving tRPC and the pages. Development mounts Vite's middleware;
// production serves the client build and imports the server build.
import { resolve } from 'node:path';
import express from 'express';
import type { ServerBuild } from 'react-router';
import { connectOrm } from '@orgcard/db';
import { createAppServices, createCompanyRegistry, createLogger, loadSecrets } from '@orgcard/api';
import { createWebApp } from './server/app.ts';
import { loadWebEnv } from './server/env.ts';

const env = loadWebEnv();
const logger = createLogger({
  level: env.LOG_LEVEL,
  pretty: env.NODE_ENV !== 'production',
  name: 'web',
});
const orm = await connectOrm({ databaseUrl: env.DATABASE_URL });
const services = createAppServices({
  config: {
    nodeEnv: env.NODE_ENV,
    redisUrl: env.REDIS_URL,
    queuePrefix: env.QUEUE_PREFIX,
    appUrl: env.APP_URL,
  },
  secrets: loadSecrets(env),
  orm,
  logger,
  companyRegistry: createCompanyRegistry(env.companyRegistry),
  fees: env.fees,
});

async function assetsAndBuild() {
  if (env.NODE_ENV === 'production') {
    const buildDir = resolve(import.meta.dirname, 'build');
    const build = (await import(resolve(buildDir, 'server/index.js'))) as ServerBuild;
    const assets = [
      express.static(resolve(buildDir, 'client/assets'), { immutable: true, maxAge: '1y' }),
      express.static(resolve(buildDir, 'client'), { maxAge: '1h' }),
    ];

    return { build, assets, close: async () => {} };
  }
  const vite = await import('vite').then(({ createServer }) =>
    createServer({ root: import.meta.dirname, server: { middlewareMode: true }, logLevel: 'warn' }),
  );
  const build = () =>
    vite.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>;

  return { build, assets: [vite.middlewares], close: () => vite.close() };
}

const { build, assets, close } = await assetsAndBuild();
const app = createWebApp({ services, build, assets, trustProxy: env.TRUST_PROXY });
const server = app.listen(env.PORT, env.HOST, () => {
  logger.info({ url: env.APP_URL, port: env.PORT }, 'web listening');
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'web stopping');
  await new Promise<void>((done) => server.close(() => done()));
  await close();
  await services.close();
  await orm.close(true);
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
