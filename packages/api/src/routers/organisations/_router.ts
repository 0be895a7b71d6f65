import { router } from '../../trpc/init.ts';
import { get } from './get.ts';
import { lookup } from './lookup.ts';
import { mine } from './mine.ts';
import { register } from './register.ts';
import { updateSettings } from './update-settings.ts';

export const organisationsRouter = router({ register, lookup, mine, get, updateSettings });
