import { z } from 'zod';
import {
  commonEnvShape,
  companyRegistryEnvShape,
  companyRegistrySettings,
  exitOnEnvError,
  feeEnvShape,
  loadFeeSettings,
  loadEnvOrExit,
  secretsEnvShape,
} from '@orgcard/api';

/** The web server's configuration, validated once at start. */
export const webEnvShape = {
  ...commonEnvShape,
  ...secretsEnvShape,
  ...companyRegistryEnvShape,
  ...feeEnvShape,
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Behind a load balancer, how many proxies to trust for the client address. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
};

export type WebEnv = z.infer<z.ZodObject<typeof webEnvShape>>;

/** Reads the web server's configuration once; a wrong variable stops the process in one line. */
export function loadWebEnv(source: Record<string, string | undefined> = process.env) {
  const env: WebEnv = loadEnvOrExit(webEnvShape, source);
  const companyRegistry = exitOnEnvError(() => companyRegistrySettings(env));
  const fees = exitOnEnvError(() => loadFeeSettings(env));

  return { ...env, companyRegistry, fees };
}
