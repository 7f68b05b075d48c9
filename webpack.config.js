/**
 * Builds the add-in into dist/addin (dist/node belongs to the CLI).
 *
 * One shared runtime: taskpane.html loads the task pane, the ribbon commands and the custom
 * functions (the manifest points the task pane, FunctionFile and the functions' Page at it).
 * The engine runs in a Web Worker (worker.js, its own entry). preview.html is the same task pane
 * over the in-memory Excel simulator with a sample workbook: it never loads office.js.
 *
 * `npm run build` works offline; `webpack serve` (npm start) serves https://localhost:3000 with the
 * office-addin-dev-certs certificates. `npm run build -- --env url=https://example.com/rfm/` writes the
 * manifest for that base URL (scripts/deployManifest.js, docs/deploy.md); `--env out=DIR` builds elsewhere.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { LocalizedFunctionsMetadataPlugin } = require('./src/functions/localizedMetadata');
const { deployManifest } = require('./scripts/deployManifest');

const PORT = 3000;
const OUT = path.resolve(__dirname, 'dist', 'addin');
const FUNCTIONS = './src/functions/functions.ts';

/**
 * The dev server's protocol and options. office-addin-dev-certs makes and trusts a localhost CA;
 * scripts/start.js sets RFM_SERVE=untrusted when it made the files but could not trust the CA
 * (they are then read as they are) and RFM_SERVE=http when there are none.
 */
async function serverOptions() {
  if (process.env.RFM_SERVE === 'http') return { type: 'http' };
  if (process.env.RFM_SERVE === 'untrusted') {
    const dir = process.env.RFM_CERT_DIR;
    const read = (file) => require('fs').readFileSync(path.join(dir, file));
    return { type: 'https', options: { cert: read('localhost.crt'), key: read('localhost.key'), ca: read('ca.crt') } };
  }
  return { type: 'https', options: await require('office-addin-dev-certs').getHttpsServerOptions() };
}

/** The task pane page, with or without office.js (the preview uses the simulator instead). */
function panePage(filename, chunks, officeJs) {
  return new HtmlWebpackPlugin({
    filename,
    template: './src/taskpane/taskpane.html',
    chunks,
    chunksSortMode: 'manual',
    officeJs,
    scriptLoading: 'defer',
  });
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const out = env.out ? path.resolve(env.out) : OUT;
  // checked before anything is built: a bad URL stops the build with one line naming the option
  const manifest = env.url ? (text) => deployManifest(text.toString(), env.url) : undefined;
  if (env.url) deployManifest('', env.url);
  const entry = {
    taskpane: './src/taskpane/taskpane.ts',
    commands: './src/commands/commands.ts',
    worker: './src/taskpane/worker.ts',
    // RFM.CUSTOMERTABLE and RFM.FIT run here, off the shared runtime's thread (src/functions/offThread.ts)
    'functions-worker': './src/functions/functionsWorker.ts',
    preview: './src/preview/preview.ts',
    functions: FUNCTIONS,
  };
  // One shared runtime: the task pane page carries the custom functions and the commands too.
  const shared = ['functions', 'commands', 'taskpane'];

  const config = {
    devtool: dev ? 'source-map' : false,
    entry,
    output: { path: out, filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    // The shared-runtime page loads the task pane, the commands and the functions together: code
    // they share (the engine, the report, src/excel) goes into one chunk, loaded once. The workers
    // stay whole: they are started on their own with `new Worker('worker.js')` and
    // `new Worker('functions-worker.js')`.
    optimization: {
      splitChunks: {
        cacheGroups: {
          shared: { name: 'shared', chunks: (chunk) => chunk.name !== 'worker' && chunk.name !== 'functions-worker', minChunks: 2, enforce: true },
        },
      },
    },
    plugins: [
      panePage('taskpane.html', shared, true),
      panePage('preview.html', ['preview', ...shared], false),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'manifest.xml', to: 'manifest.xml', ...(manifest ? { transform: manifest } : {}) },
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'src/preview/preview.css', to: 'preview.css' },
        ],
      }),
      // functions.json from the JSDoc of functions.ts, then functions-fa.json with Persian descriptions
      // (the manifest's fa-IR Override of Functions.Metadata.Url points at it).
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: FUNCTIONS }),
      new LocalizedFunctionsMetadataPlugin(),
    ],
  };

  if (dev && process.env.WEBPACK_SERVE) {
    config.devServer = {
      port: PORT,
      host: 'localhost',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      liveReload: false,
      client: false,
      server: await serverOptions(),
    };
  }
  return config;
};
