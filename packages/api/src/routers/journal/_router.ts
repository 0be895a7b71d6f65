import { router } from '../../trpc/init.ts';
import { actors } from './actors.ts';
import { exportCsv } from './export-csv.ts';
import { list } from './list.ts';
import { verify } from './verify.ts';

export const journalRouter = router({ list, actors, verify, exportCsv });
