import type { Strings } from '../index';
import { pane } from './pane';
import { engine } from './engine';
import { report } from './report';
import { predict } from './predict';
import { excel } from './excel';
/** English strings: the union of every area's table. Add an area by importing it here. */
export const en: Strings = {
  ...engine, ...pane, ...report, ...predict, ...excel };
