import { preset } from '@orgcard/vitest-config';

// The web tests run the real server and a browser in their own processes, one file at a time.
export default preset({
  include: ['tests/**/*.test.ts'],
  testTimeout: 180_000,
  hookTimeout: 120_000,
  fileParallelism: false,
});
