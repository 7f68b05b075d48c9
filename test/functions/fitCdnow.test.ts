/**
 * RFM.FIT on the CDNOW summary (../shared/data/cdnow, weeks, calibration ending 1997-09-30)
 * against the published fits: BG/NBD (Fader, Hardie & Lee 2005) r 0.2426, α 4.4135, a 0.7929,
 * b 2.4258; Gamma-Gamma on the 946 repeat buyers (Fader & Hardie 2013) p 6.2488, q 3.7446, v 15.4477.
 * Tolerances as issue 5 states them (the file's t_x, T and zbar are rounded to 2 decimals).
 */
import * as fs from 'fs';
import { clv, palive } from '../../src/functions/functions';
// RFM.CUSTOMERTABLE and RFM.FIT computed synchronously (the registered functions run them in a worker: offThread.ts)
import { fitNow as fit } from '../../src/functions/heavy';
import { requireSharedData } from '../support/sharedData';
import { errorOf, installCustomFunctionsStub } from './support/customFunctionsStub';

beforeAll(installCustomFunctionsStub);

const lines = fs.readFileSync(requireSharedData('cdnow/cdnow_customers_summary_with_transactions.csv'), 'utf8').trim().split(/\r?\n/);
const header = lines[0].split(',');
const rows = lines.slice(1).map((line) => line.split(',').map(Number));
const col = (name: string): unknown[][] => rows.map((r) => [r[header.indexOf(name)]]);

describe('RFM.FIT on the CDNOW summary', () => {
  const result = fit(col('x'), col('t_x'), col('T'), col('zbar'));

  it('spills the parameter names over the fitted values', () => {
    expect(errorOf(result)).toBeUndefined();
    expect(result[0]).toEqual(['r', 'alpha', 'a', 'b', 'p', 'q', 'v']);
  });

  it('reproduces the published BG/NBD and Gamma-Gamma parameters', () => {
    const [r, alpha, a, b, p, q, v] = result[1] as number[];
    expect(Math.abs(r - 0.2426)).toBeLessThan(0.001);
    expect(Math.abs(alpha - 4.4135)).toBeLessThan(0.001);
    expect(Math.abs(a - 0.7929)).toBeLessThan(0.001);
    expect(Math.abs(b - 2.4258)).toBeLessThan(0.001);
    expect(Math.abs(p - 6.2488)).toBeLessThan(0.01);
    expect(Math.abs(q - 3.7446)).toBeLessThan(0.01);
    expect(Math.abs(v - 15.4477)).toBeLessThan(0.01);
  });

  it('fits the Pareto/NBD to its published CDNOW parameters (BTYD walkthrough: r 0.553, α 10.578, s 0.606, β 11.669)', () => {
    const out = fit(col('x'), col('t_x'), col('T'), undefined, 'paretonbd');
    expect(out[0]).toEqual(['r', 'alpha', 's', 'beta', 'p', 'q', 'v']);
    const [r, alpha, s, beta] = out[1] as number[];
    expect(Math.abs(r - 0.553)).toBeLessThan(0.002);
    expect(Math.abs(alpha - 10.578)).toBeLessThan(0.02);
    expect(Math.abs(s - 0.606)).toBeLessThan(0.005);
    expect(Math.abs(beta - 11.669)).toBeLessThan(0.1);
  });

  it('fits the modified BG/NBD to its published CDNOW parameters (Batislam et al. 2007)', () => {
    const [r, alpha, a, b] = fit(col('x'), col('t_x'), col('T'), undefined, 'mbgnbd')[1] as number[];
    expect(Math.abs(r - 0.525)).toBeLessThan(0.002);
    expect(Math.abs(alpha - 6.183)).toBeLessThan(0.002);
    expect(Math.abs(a - 0.891)).toBeLessThan(0.002);
    expect(Math.abs(b - 1.614)).toBeLessThan(0.002);
  });

  it('its whole spill (labels included) feeds RFM.PALIVE and RFM.CLV as params', () => {
    const values = [result[1]];
    expect(palive([[2]], [[30.43]], [[38.86]], result)).toEqual(palive([[2]], [[30.43]], [[38.86]], values));
    expect(clv([[2]], [[30.43]], [[38.86]], [[40]], result)).toEqual(clv([[2]], [[30.43]], [[38.86]], [[40]], values));
  });

  it('without zbar fits the purchase model only', () => {
    const purchaseOnly = fit(col('x'), col('t_x'), col('T'));
    expect(purchaseOnly[1].slice(0, 4)).toEqual(result[1].slice(0, 4));
    expect(purchaseOnly[1].slice(4)).toEqual(['', '', '']);
  });
});

describe('RFM.FIT errors', () => {
  it.each([
    ['lengths that differ', () => fit([[1], [2]], [[1]], [[3], [4]]), '#VALUE!', 't_x:'],
    ['a bad history, naming the row', () => fit([[1], [2]], [[1], [9]], [[3], [4]]), '#VALUE!', 'T: must be at least t_x'],
    ['a two-column range', () => fit([[1, 2]], [[1, 2]], [[3, 4]].concat([[5, 6]])), '#VALUE!', 'T:'],
    ['no customers', () => fit([['']], [['']], [['']]), '#N/A', 'x:'],
    ['an unknown model', () => fit([[1]], [[1]], [[2]], undefined, 'pnbd'), '#VALUE!', 'model:'],
    ['zbar without any repeat buyer', () => fit([[0], [0]], [[0], [0]], [[3], [4]], [[0], [0]]), '#N/A', 'zbar:'],
  ])('%s gives %s', (_label, call, code, start) => {
    const error = errorOf(call());
    expect(error?.code).toBe(code);
    expect(error?.message?.startsWith(start)).toBe(true);
  });

  it('names the row of a bad history', () => {
    expect(errorOf(fit([[1], [2]], [[1], [9]], [[3], [4]]))?.message).toContain('row 2');
  });
});
