/** --no-backtest and --churn-horizon-days on the command line. */
import { parseCommandLine, type AnalyzeCommand } from '../../src/cli/args';

function optionsOf(...args: string[]): AnalyzeCommand['options'] {
  const command = parseCommandLine(['analyze', 'a.csv', ...args]);
  if (command.kind !== 'analyze') throw new Error('not analyze');
  return command.options;
}

describe('model check options', () => {
  it('leaves the backtest to its default unless --no-backtest is given', () => {
    expect(optionsOf().backtest).toBeUndefined();
    expect(optionsOf('--no-backtest').backtest).toBe(false);
  });

  it('takes the churn horizon in whole days from 1 to 3650', () => {
    expect(optionsOf('--churn-horizon-days', '273').churnHorizonDays).toBe(273);
    expect(() => optionsOf('--churn-horizon-days', '0')).toThrow('--churn-horizon-days must be a whole number from 1 to 3650');
    expect(() => optionsOf('--churn-horizon-days', '90.5')).toThrow('--churn-horizon-days must be a whole number');
  });
});
