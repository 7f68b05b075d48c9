/**
 * The JSON output of `rfm analyze --out FILE.json`: the whole Analysis as the engine made it
 * (customers, summaries, skipped rows, settings used, clusters and CLV when they ran) plus `meta`.
 */
import type { Analysis } from '../engine/types';

/** What the JSON says about how it was made. */
export interface JsonMeta {
  tool: 'rfm';
  version: string;
  /** The input file's name (no directory). */
  input: string;
  /** How dates are written in this file. */
  dates: string;
}

/** The JSON document: meta first, then every field of the Analysis. */
export type AnalysisJson = { meta: JsonMeta } & Analysis;

/**
 * Builds the JSON document.
 * @param analysis the analysis
 * @param version the tool version
 * @param inputName the input file's base name
 * @returns the document (plain data)
 */
export function analysisDocument(analysis: Analysis, version: string, inputName: string): AnalysisJson {
  const meta: JsonMeta = {
    tool: 'rfm',
    version,
    input: inputName,
    dates: 'day numbers: whole days since 1970-01-01 (Excel serial = day + 25569)',
  };
  return { meta, ...analysis };
}

/**
 * The JSON text, indented by two spaces, with a final line end.
 * @param analysis the analysis
 * @param version the tool version
 * @param inputName the input file's base name
 * @returns the text
 */
export function analysisJson(analysis: Analysis, version: string, inputName: string): string {
  return JSON.stringify(analysisDocument(analysis, version, inputName), null, 2) + '\n';
}
