/** The simulator's `Office`: onReady in both documented forms, actions.associate, display language. */
import { createExcelSimulator } from '../../src/simulator';

describe('Office.onReady', () => {
  it('calls a callback with host and platform, after the call returns, and resolves the Promise with the same', async () => {
    const sim = createExcelSimulator();
    const seen: unknown[] = [];
    const promise = sim.Office.onReady((info) => seen.push(info));
    expect(seen).toEqual([]);
    await expect(promise).resolves.toEqual({ host: 'Excel', platform: 'OfficeOnline' });
    expect(seen).toEqual([{ host: 'Excel', platform: 'OfficeOnline' }]);
  });

  it('works without a callback (the Promise form)', async () => {
    await expect(createExcelSimulator().Office.onReady()).resolves.toEqual({ host: 'Excel', platform: 'OfficeOnline' });
  });
});

describe('Office.actions', () => {
  it('associates an id with a function; running the action resolves when the function calls completed()', async () => {
    const sim = createExcelSimulator();
    const calls: string[] = [];
    sim.Office.actions.associate('first', () => calls.push('replaced'));
    sim.Office.actions.associate('first', (event) => {
      calls.push('first');
      setTimeout(() => event.completed(), 0);
    });
    await sim.runAction('first');
    expect(calls).toEqual(['first']);
  });

  it('refuses an unknown id, a function that throws, and a non-function', async () => {
    const sim = createExcelSimulator();
    await expect(sim.runAction('nothing')).rejects.toThrow('no action is associated with "nothing"');
    sim.Office.actions.associate('bad', () => {
      throw new Error('boom');
    });
    await expect(sim.runAction('bad')).rejects.toThrow('boom');
    expect(() => sim.Office.actions.associate('x', undefined as never)).toThrow(TypeError);
  });

  it('the real commands script registers Refresh through Office.onReady(callback) and actions.associate', async () => {
    const sim = createExcelSimulator();
    const globals = globalThis as unknown as Record<string, unknown>;
    sim.installGlobals(globals);
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the module per test, which only require() inside isolateModules gives
        require('../../src/commands/commands');
      });
      await sim.Office.onReady();
      expect([...sim.actions.keys()]).toEqual(['refresh']);
      // No saved analysis: Refresh reports the problem and still completes the command.
      await sim.runAction('refresh');
    } finally {
      delete globals.Office;
      delete globals.Excel;
    }
  });
});

describe('Office.context.displayLanguage', () => {
  it('is en-US by default and set by the displayLanguage option', () => {
    expect(createExcelSimulator().Office.context.displayLanguage).toBe('en-US');
    expect(createExcelSimulator({ displayLanguage: 'fa-IR' }).Office.context.displayLanguage).toBe('fa-IR');
  });
});
