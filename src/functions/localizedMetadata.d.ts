/** Types of localizedMetadata.js (plain CommonJS for webpack.config.js). */
import type { Compiler } from 'webpack';

/** Translations by function id: the function's description and one per parameter name. */
export type DescriptionTable = Record<string, { description: string; parameters: Record<string, string> }>;

/** Replaces descriptions in generated custom functions metadata; throws when one is missing. */
export function localizeMetadata(metadataJson: string, table: DescriptionTable): string;

/** Sets `allowErrorForDataTypeAny: true` in generated metadata (error cells reach `any` parameters). */
export function allowErrorInputs(metadataJson: string): string;

/** The Persian descriptions (functions.fa.json). */
export const FA_DESCRIPTIONS: DescriptionTable;

/** Webpack plugin emitting functions-fa.json from functions.json. */
export class LocalizedFunctionsMetadataPlugin {
  constructor(options?: { source?: string; output?: string });
  apply(compiler: Compiler): void;
}
