import type { Strings } from '../index';
import { pane } from './pane';
import { engine } from './engine';
import { engineInput } from './engine-input';
import { report } from './report';
import { predict } from './predict';
import { excel } from './excel';
import { functions } from './functions';
/** Persian strings: the union of every area's table, the same keys as `en`. */
export const fa: Strings = {
  ...engine, ...engineInput, ...pane, ...report, ...predict, ...excel, ...functions };
