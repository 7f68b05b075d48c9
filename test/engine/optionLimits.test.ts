/**
 * Option limits exist once (engine/optionLimits.ts) and every surface uses them: the CLI refuses
 * what the engine would replace, the functions and the pane share the ranges, docs/cli.md states
 * them. Strict decimals: hex, exponents and Infinity are not option values (issue 11).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseCommandLine, type AnalyzeCommand } from '../../src/cli/args';
import { UsageError } from '../../src/cli/optionValues';
import { clv } from '../../src/functions/functions';
import {
  BINS_LIMIT, CHURN_HORIZON_DAYS_LIMIT, CLUSTERS_LIMIT, DISCOUNT_RATE_LIMIT, HORIZON_MONTHS_LIMIT, MARGIN_LIMIT, describeLimit, parseDecimalOption, withinLimit,
} from '../../src/engine/optionLimits';

function analyzeOptions(...args: string[]): AnalyzeCommand['options'] {
  const command = parseCommandLine(['analyze', 'x.csv', ...args]);
  if (command.kind !== 'analyze') throw new Error('not analyze');
  return command.options;
}

function usageMessage(...args: string[]): string {
  try {
    parseCommandLine(['analyze', 'x.csv', ...args]);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error(`accepted: ${args.join(' ')}`);
}

describe('parseDecimalOption', () => {
  test('plain decimals only', () => {
    expect(parseDecimalOption(' 0.25 ')).toBe(0.25);
    expect(parseDecimalOption('-3')).toBe(-3);
    expect(parseDecimalOption('.5')).toBe(0.5);
    for (const bad of ['0x5', '0X10', '0b11', '0o7', '1e1', 'Infinity', '', ' ', '1.', '1 000', '5,0']) expect(parseDecimalOption(bad)).toBeUndefined();
  });

  test('withinLimit: both ends included, whole numbers where asked', () => {
    expect(withinLimit({ min: 1, max: 600, whole: true }, 600)).toBe(true);
    expect(withinLimit({ min: 1, max: 600, whole: true }, 601)).toBe(false);
    expect(withinLimit({ min: 1, max: 600, whole: true }, 6.5)).toBe(false);
    expect(withinLimit({ min: 0, max: 0.99, whole: false }, 0.99)).toBe(true);
    expect(withinLimit({ min: 0, max: 0.99, whole: false }, Number.NaN)).toBe(false);
  });
});

describe('the CLI takes its ranges from the engine', () => {
  test('--bins 0x5, --bins 5e0 and hex thresholds are refused', () => {
    expect(usageMessage('--bins', '0x5')).toBe("--bins must be a whole number from 2 to 10, got '0x5'");
    expect(usageMessage('--bins', '5e0')).toBe("--bins must be a whole number from 2 to 10, got '5e0'");
    expect(usageMessage('--bins', '3', '--thresholds', 'r=0x10,90;f=2,3;m=1,2'))
      .toBe("--thresholds: recency has a value that is not a plain decimal number: '0x10,90'");
    expect(usageMessage('--clusters', '0x3')).toBe("--clusters must be a whole number from 2 to 8, auto or off, got '0x3'");
    expect(usageMessage('--churn-thresholds', '0x1,0')).toMatch(/^--churn-thresholds must be ACTIVE,CHURNED/);
  });

  test('a dimension given twice in --thresholds is refused, not silently replaced', () => {
    expect(usageMessage('--bins', '3', '--thresholds', 'r=10,90;r=20,30;f=2,3;m=1,2')).toBe('--thresholds: recency is given twice; give each of r, f, m (and l) once');
    expect(usageMessage('--bins', '3', '--thresholds', 'r=10,90;recency=20,30;f=2,3;m=1,2')).toBe('--thresholds: recency is given twice; give each of r, f, m (and l) once');
  });

  test('--horizon-months 700 and --discount-rate 1 are refused (the engine used to replace them with a note)', () => {
    expect(usageMessage('--horizon-months', '700')).toBe("--horizon-months must be a whole number from 1 to 600, got '700'");
    expect(usageMessage('--horizon-months', '6.5')).toBe("--horizon-months must be a whole number from 1 to 600, got '6.5'");
    expect(usageMessage('--discount-rate', '1')).toBe("--discount-rate must be a number from 0 to 0.99, got '1'");
    expect(usageMessage('--margin', '1.5')).toBe("--margin must be a number from 0 to 1, got '1.5'");
  });

  test('the ends of each range are accepted', () => {
    expect(analyzeOptions('--horizon-months', '600', '--discount-rate', '0.99', '--margin', '1', '--bins', '10', '--clusters', '8'))
      .toMatchObject({ horizonMonths: 600, discountRate: 0.99, margin: 1, bins: 10, clusters: 8 });
    expect(analyzeOptions('--horizon-months', '1', '--discount-rate', '0', '--margin', '0', '--bins', '2', '--clusters', '2'))
      .toMatchObject({ horizonMonths: 1, discountRate: 0, margin: 0, bins: 2, clusters: 2 });
  });
});

describe('the worksheet functions use the same ranges', () => {
  const params = [[0.243, 4.414, 0.793, 2.426, 6.25, 3.74, 15.44]];
  test('RFM.CLV refuses horizon 601 and discount rate 1, accepts 600 and 0.99', () => {
    const value = (horizon: number, rate: number) => clv([[2]], [[30]], [[38]], [[20]], params, 'weeks', horizon, rate)[0][0];
    expect(typeof value(600, 0.99)).toBe('number');
    expect(typeof value(601, 0.01)).not.toBe('number');
    expect(typeof value(12, 1)).not.toBe('number');
    expect(typeof value(12, 0.5)).toBe('number');
  });
});

describe('docs/cli.md states each range exactly as the engine has it', () => {
  const docs = fs.readFileSync(path.join(__dirname, '../../docs/cli.md'), 'utf8');
  test.each([
    ['--bins N', BINS_LIMIT],
    ['--clusters K', CLUSTERS_LIMIT],
    ['--horizon-months N', HORIZON_MONTHS_LIMIT],
    ['--discount-rate R', DISCOUNT_RATE_LIMIT],
    ['--margin M', MARGIN_LIMIT],
    ['--churn-horizon-days N', CHURN_HORIZON_DAYS_LIMIT],
  ] as const)('%s', (option, limit) => {
    const row = docs.split('\n').find((line) => line.startsWith(`| \`${option}`));
    expect(row).toContain(describeLimit(limit));
  });
});
