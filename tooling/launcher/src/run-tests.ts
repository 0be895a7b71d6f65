// `pnpm test`: private servers unless DATABASE_URL / REDIS_URL are given, then every package's
// vitest through turbo. Each test file makes its own database and Redis key prefix.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServices } from './services.ts';

const root = resolve(import.meta.dirname, '../../..');
const reportDir = join(root, '.data', 'test-reports');

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}

/** Adds up the JSON reports the packages wrote into one closing line. */
function totals(): string {
  const sum = { passed: 0, failed: 0, skipped: 0 };
  for (const file of readdirSync(reportDir)) {
    const report = JSON.parse(readFileSync(join(reportDir, file), 'utf8')) as VitestReport;
    sum.passed += report.numPassedTests;
    sum.failed += report.numFailedTests;
    sum.skipped += report.numPendingTests;
  }

  return `${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`;
}

async function main(): Promise<number> {
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
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
        TEST_REPORT_DIR: reportDir,
      },
    });
    const code = await new Promise<number>((done) => child.once('exit', (c) => done(c ?? 1)));
    process.stdout.write(`\n${totals()}\n`);

    return code;
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
