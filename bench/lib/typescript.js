/**
 * Lets `require` load the project's .ts files (CommonJS, no type checking), for bench cases that
 * run source the CLI build does not include (the simulator, the pane's modules).
 */
const fs = require('fs');
const ts = require('typescript');

/** Registers the .ts loader once per process. */
function registerTypeScript() {
  if (require.extensions['.ts']) return;
  require.extensions['.ts'] = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const out = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true }, fileName: filename });
    module._compile(out.outputText, filename);
  };
}

module.exports = { registerTypeScript };
