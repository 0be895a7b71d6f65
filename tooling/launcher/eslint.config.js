import { config } from '@orgcard/eslint-config';

export default config(import.meta.dirname);
