import type { Strings } from '../index';
import { pane } from './pane';
import { engine } from './engine';
import { engineInput } from './engine-input';
import { report } from './report';
import { predict } from './predict';
import { excel } from './excel';
import { functions } from './functions';
/** English strings: the union of every area's table. Add an area by importing it here. */
export const en: Strings = {
  ...engine, ...engineInput, ...pane, ...report, ...predict, ...excel, ...functions };
