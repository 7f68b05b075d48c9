/**
 * Persian (fa-IR) metadata for the `=RFM.*` functions.
 *
 * Excel localizes custom functions through one metadata file per language, chosen by a
 * `<bt:Override Locale="fa-IR" …>` on the metadata URL in the manifest; only `name` and
 * `description` (of functions and parameters) may differ, `id` never does. The English file is
 * generated from the JSDoc in functions.ts; this module derives `functions-fa.json` from it by
 * replacing descriptions with those in functions.fa.json. Names stay as in English (RFM.SCORE …),
 * so a workbook's formulas read the same in every language, as Excel's own function names do in
 * Persian Excel.
 *
 * Plain CommonJS so that webpack.config.js can use the plugin without a TypeScript loader.
 */
const FA_DESCRIPTIONS = require('./functions.fa.json');

const PLUGIN_NAME = 'LocalizedFunctionsMetadataPlugin';

/**
 * Replaces descriptions in custom functions metadata with translated ones.
 * @param {string} metadataJson the generated functions.json text
 * @param {Record<string, {description: string, parameters: Record<string, string>}>} table translations by function id
 * @returns {string} the localized metadata as JSON text
 * @throws {Error} when a function or parameter has no translation (so a new one cannot ship half-translated)
 */
function localizeMetadata(metadataJson, table) {
  const metadata = JSON.parse(metadataJson);
  for (const fn of metadata.functions) {
    const entry = table[fn.id];
    if (!entry || !entry.description) throw new Error(`functions.fa.json: no description for ${fn.id}`);
    fn.description = entry.description;
    for (const parameter of fn.parameters) {
      const text = entry.parameters && entry.parameters[parameter.name];
      if (!text) throw new Error(`functions.fa.json: no description for ${fn.id} parameter ${parameter.name}`);
      parameter.description = text;
    }
  }
  return JSON.stringify(metadata, null, 4);
}

/**
 * Lets error cells reach the functions: `allowErrorForDataTypeAny: true` at the top of the metadata.
 * Without it one #N/A in a range makes the whole formula an error before the function runs; the JSDoc
 * tags cannot set it, only the JSON can ("allowErrorForDataTypeAny ... Supports custom functions that
 * process errors as input values", https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json).
 * @param {string} metadataJson the generated functions.json text
 * @returns {string} the metadata with the flag, as JSON text
 */
function allowErrorInputs(metadataJson) {
  const metadata = JSON.parse(metadataJson);
  return JSON.stringify({ allowErrorForDataTypeAny: true, ...metadata }, null, 4);
}

/**
 * Webpack plugin: after CustomFunctionsMetadataPlugin has added `source`, sets
 * `allowErrorForDataTypeAny` in it and emits `output` with the Persian descriptions. Usage:
 * `new LocalizedFunctionsMetadataPlugin()` after that plugin.
 */
class LocalizedFunctionsMetadataPlugin {
  /**
   * @param {{source?: string, output?: string}} [options] asset names (default functions.json → functions-fa.json)
   */
  constructor(options = {}) {
    this.source = options.source || 'functions.json';
    this.output = options.output || 'functions-fa.json';
  }

  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset(this.source);
        if (!asset) return;
        try {
          const english = allowErrorInputs(asset.source.source().toString());
          compilation.updateAsset(this.source, new sources.RawSource(english));
          const text = localizeMetadata(english, FA_DESCRIPTIONS);
          compilation.emitAsset(this.output, new sources.RawSource(text));
        } catch (error) {
          compilation.errors.push(new WebpackError(String(error && error.message)));
        }
      });
    });
  }
}

module.exports = { allowErrorInputs, localizeMetadata, LocalizedFunctionsMetadataPlugin, FA_DESCRIPTIONS };
