import { router } from '../../trpc/init.ts';
import { health } from './health.ts';

export const systemRouter = router({ health });
