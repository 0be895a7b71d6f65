import { basename, dirname, join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * With TEST_REPORT_DIR set (by `pnpm test`), each package also writes a JSON report there, so
 * the launcher can print one total line for the whole run.
 */
function reporters() {
  const dir = process.env.TEST_REPORT_DIR;
  if (!dir) return ['default'];
  const name = `${basename(dirname(process.cwd()))}-${basename(process.cwd())}.json`;

  return ['default', ['json', { outputFile: join(dir, name) }]];
}

/**
 * The shared vitest preset. Files run in parallel: each integration test file creates its own
 * database and Redis key prefix, so there is no shared state between them.
 * @param {import('vitest/config').ViteUserConfig['test']} [overrides]
 */
export function preset(overrides = {}) {
  return defineConfig({
    test: {
      include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      pool: 'forks',
      reporters: reporters(),
      ...overrides,
    },
  });
}
