// `pnpm test`: private servers unless DATABASE_URL / REDIS_URL are given, then every package's
// vitest through turbo. Each test file makes its own database and Redis key prefix.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { startServices } from './services.ts';

const root = resolve(import.meta.dirname, '../../..');

async function main(): Promise<number> {
  const services = await startServices({
    root,
    mode: 'test',
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: process.env.REDIS_URL,
  });
  try {
    const args = ['run', 'test', '--concurrency=1', ...process.argv.slice(2)];
    const child = spawn(resolve(root, 'node_modules/.bin/turbo'), args, {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        TURBO_TELEMETRY_DISABLED: '1',
        DATABASE_URL: services.databaseUrl,
        REDIS_URL: services.redisUrl,
      },
    });

    return await new Promise<number>((done) => child.once('exit', (code) => done(code ?? 1)));
  } finally {
    await services.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
