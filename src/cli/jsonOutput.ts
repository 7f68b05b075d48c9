/**
 * The JSON output of `rfm analyze --out FILE.json`: the whole Analysis as the engine made it
 * (customers, summaries, skipped rows, settings used, clusters and CLV when they ran) plus `meta`.
 */
import type { Analysis, AnalysisOptions } from '../engine';
import { EXCEL_EPOCH_OFFSET } from '../engine';

/** What the JSON says about how it was made. */
export interface JsonMeta {
  tool: 'rfm';
  version: string;
  /** The input file's name (no directory). */
  input: string;
  /** The options as given (column overrides as 0-based indexes); the rest were defaults. */
  options: AnalysisOptions;
  /** How dates are written in this file. */
  dates: string;
}

/** The JSON document: meta first, then every field of the Analysis. */
export type AnalysisJson = { meta: JsonMeta } & Analysis;

/** Where the analysis came from, for `meta`. */
export interface JsonSource {
  version: string;
  /** The input file's base name. */
  inputName: string;
  options: AnalysisOptions;
}

/**
 * Builds the JSON document.
 * @param analysis the analysis
 * @param source tool version, input name and the options given
 * @returns the document (plain data)
 */
export function analysisDocument(analysis: Analysis, source: JsonSource): AnalysisJson {
  const meta: JsonMeta = {
    tool: 'rfm',
    version: source.version,
    input: source.inputName,
    options: source.options,
    dates: `day numbers: whole days since 1970-01-01 (Excel serial = day + ${EXCEL_EPOCH_OFFSET} from 1900-03-01 on)`,
  };
  return { meta, ...analysis };
}

/**
 * The JSON text, indented by two spaces, with a final line end.
 * @param analysis the analysis
 * @param source tool version, input name and the options given
 * @returns the text
 */
export function analysisJson(analysis: Analysis, source: JsonSource): string {
  return JSON.stringify(analysisDocument(analysis, source), null, 2) + '\n';
}
