export { freePort } from './ports.ts';
export { startServices, type Services } from './services.ts';
export { startPrivatePostgres, type PrivatePostgres } from './postgres.ts';
export {
  startPrivateRedis,
  type PrivateRedis,
  hasRedisServer,
  MissingRedisError,
  stopChild,
} from './redis.ts';
