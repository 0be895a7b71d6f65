import { createHash, randomBytes } from 'node:crypto';
import type { AppServices } from '../services.ts';
import { AppError } from '../errors.ts';

type RedisServices = Pick<AppServices, 'redis' | 'config'>;

/** A limit on how often something may happen within a sliding window. */
export interface RateRule {
  /** Part of the Redis key, e.g. `sign-in:ip`. */
  name: string;
  limit: number;
  windowSeconds: number;
}

/** Limits of the identity procedures, per client address and per account. */
export const rateRules = {
  signInPerIp: { name: 'sign-in:ip', limit: 30, windowSeconds: 600 },
  signInPerAccount: { name: 'sign-in:account', limit: 20, windowSeconds: 600 },
  signUpPerIp: { name: 'sign-up:ip', limit: 10, windowSeconds: 3600 },
  accountChangesPerUser: { name: 'account:user', limit: 20, windowSeconds: 3600 },
} as const satisfies Record<string, RateRule>;

/**
 * Subjects (addresses, emails, ids) are hashed before they become part of a key, so Redis
 * holds no personal data and a key has a bounded length.
 */
function key(services: RedisServices, name: string, subject: string): string {
  const digest = createHash('sha256').update(subject).digest('hex').slice(0, 32);

  return `${services.config.queuePrefix}:rl:${name}:${digest}`;
}

/**
 * Records one event for a subject and returns how many happened within the window, this one
 * included. A sorted set of timestamps gives a true sliding window.
 */
export async function countEvent(
  services: RedisServices,
  rule: Pick<RateRule, 'name' | 'windowSeconds'>,
  subject: string,
  now = new Date(),
): Promise<number> {
  const redisKey = key(services, rule.name, subject);
  const nowMs = now.getTime();
  const member = `${nowMs}:${randomBytes(6).toString('hex')}`;
  const results = await services.redis
    .multi()
    .zremrangebyscore(redisKey, 0, nowMs - rule.windowSeconds * 1000)
    .zadd(redisKey, nowMs, member)
    .zcard(redisKey)
    .pexpire(redisKey, rule.windowSeconds * 1000)
    .exec();
  const counted = results?.[2]?.[1];

  return typeof counted === 'number' ? counted : 0;
}

/** Counts one event and refuses with `rate_limited` once the rule's limit is passed. */
export async function enforceRateLimit(
  services: RedisServices,
  rule: RateRule,
  subject: string,
  now = new Date(),
): Promise<void> {
  const count = await countEvent(services, rule, subject, now);
  if (count > rule.limit) throw new AppError('rate_limited');
}

/** Forgets the events counted for a subject (after a success, for example). */
export async function resetEvents(
  services: RedisServices,
  name: string,
  subject: string,
): Promise<void> {
  await services.redis.del(key(services, name, subject));
}

/** Marks a subject as blocked for a while; the key expires by itself. */
export async function block(
  services: RedisServices,
  name: string,
  subject: string,
  seconds: number,
): Promise<void> {
  await services.redis.set(key(services, `${name}:blocked`, subject), '1', 'EX', seconds);
}

/** Whether a subject is blocked now. */
export async function isBlocked(
  services: RedisServices,
  name: string,
  subject: string,
): Promise<boolean> {
  return (await services.redis.exists(key(services, `${name}:blocked`, subject))) === 1;
}
