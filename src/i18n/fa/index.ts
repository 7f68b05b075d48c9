import type { Strings } from '../index';
/** Persian strings: the union of every area's table, the same keys as `en`. */
export const fa: Strings = {};
