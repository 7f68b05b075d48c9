import type { Strings } from '../index';
/** English strings: the union of every area's table. Add an area by importing it here. */
export const en: Strings = {};
