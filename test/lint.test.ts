/**
 * The layer rules in eslint.config.mjs really fire (ARCHITECTURE.md: "a wrong arrow fails npm
 * test"): small probe files, linted as if they lay in each folder, must get the right message; a
 * clean one gets none. The probes are linted in a child process with the project's own config
 * (type-aware rules off: the probes are not files of the TypeScript project).
 */
import { execFileSync } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');

/** file (relative to the root) → source; returns file → messages as `rule: text`. */
function lintProbes(probes: Record<string, string>): Record<string, string[]> {
  const script = `
    const { ESLint } = require('eslint');
    const probes = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: [{ files: ['**/*.ts'],
      languageOptions: { parserOptions: { projectService: false, project: null } },
      rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' } }] });
    (async () => {
      const out = {};
      for (const [file, text] of Object.entries(probes)) {
        const [result] = await eslint.lintText(text, { filePath: require('path').join(process.cwd(), file) });
        out[file] = result.messages.map((m) => m.ruleId + ': ' + m.message);
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, JSON.stringify(probes)], { cwd: ROOT, encoding: 'utf8' }));
}

jest.setTimeout(60_000);

test('each wrong arrow of ARCHITECTURE.md is a lint error; a right one is not', () => {
  const found = lintProbes({
    'src/engine/probeNode.ts': "import * as fs from 'fs';\nexport const x = fs.existsSync('a');\n",
    'src/report/probeDom.ts': 'export const w = window.document;\n',
    'src/report/probeOffice.ts': "import ExcelJS from 'exceljs';\nexport const x = ExcelJS;\n",
    'src/engine/probeUp.ts': "import { main } from '../cli/main';\nexport const x = main;\n",
    'src/cli/probeInternal.ts': "import { parseNumberCell } from '../engine/numbers';\nexport const x = parseNumberCell('1');\n",
    'src/i18n/en/probeEngine.ts': "import { note } from '../../engine';\nexport const x = note;\n",
    'src/taskpane/probeTest.ts': "import { zipPackage } from '../../test/support/xlsxPackage';\nexport const x = zipPackage;\n",
    'src/taskpane/probeNode.ts': "import * as path from 'path';\nexport const x = path.sep;\n",
    'src/cli/probeUnused.ts': "import { parseNumberCell } from '../engine';\nexport const y = 1;\n",
    'src/cli/probeRight.ts': "import * as fs from 'fs';\nimport { parseNumberCell } from '../engine';\nexport const x = fs.existsSync(String(parseNumberCell('1')));\n",
  });
  expect(found['src/engine/probeNode.ts']).toEqual(["no-restricted-imports: 'fs' import is restricted from being used by a pattern. Only src/cli touches Node APIs (ARCHITECTURE.md)."]);
  expect(found['src/report/probeDom.ts']).toEqual(["no-restricted-globals: Unexpected use of 'window'."]);
  expect(found['src/report/probeOffice.ts']).toEqual(["no-restricted-imports: 'exceljs' import is restricted from being used by a pattern. engine/ and report/ use no Office, DOM or workbook library (ARCHITECTURE.md)."]);
  expect(found['src/engine/probeUp.ts']).toEqual(["no-restricted-imports: '../cli/main' import is restricted from being used by a pattern. A lower layer imports no layer above it (ARCHITECTURE.md)."]);
  expect(found['src/cli/probeInternal.ts']).toEqual(["no-restricted-imports: '../engine/numbers' import is restricted from being used by a pattern. Import the engine through its public entry: ../engine (src/engine/index.ts)."]);
  expect(found['src/i18n/en/probeEngine.ts']).toEqual(["no-restricted-imports: '../../engine' import is restricted from being used by a pattern. i18n/ holds strings only and imports nothing outside src/i18n."]);
  expect(found['src/taskpane/probeTest.ts']).toEqual(["no-restricted-imports: '../../test/support/xlsxPackage' import is restricted from being used by a pattern. Nothing under src/ imports test code."]);
  expect(found['src/taskpane/probeNode.ts']).toEqual(["no-restricted-imports: 'path' import is restricted from being used by a pattern. Only src/cli touches Node APIs (ARCHITECTURE.md)."]);
  expect(found['src/cli/probeUnused.ts']).toEqual(["@typescript-eslint/no-unused-vars: 'parseNumberCell' is defined but never used. Allowed unused vars must match /^_/u."]);
  expect(found['src/cli/probeRight.ts']).toEqual([]);
});
