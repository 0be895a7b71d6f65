import { router } from '../../trpc/init.ts';
import { get } from './get.ts';
import { list } from './list.ts';

export const cardsRouter = router({ list, get });
