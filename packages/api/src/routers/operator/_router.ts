import { router } from '../../trpc/init.ts';
import { me } from './me.ts';

export const operatorRouter = router({ me });
