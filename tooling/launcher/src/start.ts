// `pnpm start`: private servers (unless their URLs are given), migrations and demo data, then the
// SMTP catcher, worker and web as child processes. Ctrl-C stops all of it.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from './ports.ts';
import { stopChild } from './redis.ts';
import { startServices } from './services.ts';

const root = resolve(import.meta.dirname, '../../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');

function run(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(tsx, [resolve(root, script)], { env, stdio: 'inherit', cwd: root });
}

async function runToEnd(script: string, env: NodeJS.ProcessEnv): Promise<void> {
  const child = run(script, env);
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`${script} завершился с кодом ${code}`);
}

async function waitUntilServing(port: number): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<void> {
  const services = await startServices({
    root,
    mode: 'start',
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: process.env.REDIS_URL,
  });
  const port = Number(process.env.PORT ?? (await freePort()));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    PORT: String(port),
    APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
  };
  const children: ChildProcess[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(children.map((child) => stopChild(child)));
    await services.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    if (!env.SMTP_URL && env.NODE_ENV !== 'production') {
      env.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`;
      children.push(run('packages/api/src/dev/smtp-catcher-main.ts', env));
    }
    await runToEnd('packages/api/src/cli/prepare.ts', env);
    children.push(run('apps/worker/src/main.ts', env));
    children.push(run('apps/web/server.ts', env));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    await stop(1);
  }
  for (const child of children) {
    child.once('exit', (code) => {
      if (!stopping) {
        process.stderr.write(`Процесс завершился (код ${code}), останавливаю всё.\n`);
        void stop(code ?? 1);
      }
    });
  }
  await waitUntilServing(port);
  const where = [
    services.started.postgres ? 'частный PostgreSQL' : 'PostgreSQL из DATABASE_URL',
    services.started.redis ? 'частный Redis' : 'Redis из REDIS_URL',
  ].join(', ');
  process.stdout.write(`\nOrgcard: ${env.APP_URL}  (${where}; Ctrl-C — остановить)\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
