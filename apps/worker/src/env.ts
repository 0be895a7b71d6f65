import { z } from 'zod';
import { commonEnvShape, issuanceEnvShape, loadEnvOrExit, secretsEnvShape } from '@orgcard/api';

/** The worker's configuration, validated once at start. */
export const workerEnvShape = {
  ...commonEnvShape,
  ...secretsEnvShape,
  ...issuanceEnvShape,
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
};

export type WorkerEnv = z.infer<z.ZodObject<typeof workerEnvShape>>;

export function loadWorkerEnv(source: Record<string, string | undefined> = process.env): WorkerEnv {
  return loadEnvOrExit(workerEnvShape, source);
}
