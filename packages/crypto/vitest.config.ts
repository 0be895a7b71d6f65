import { preset } from '@orgcard/vitest-config';

export default preset();
