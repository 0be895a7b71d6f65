import { defineConfig } from 'vitest/config';

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
      ...overrides,
    },
  });
}
