/**
 * The pane's summary shows the model check's verdict in one line under the three answers, in the
 * pane's language, and nothing when the backtest was turned off.
 */
import type { ClvReport } from '../../src/engine/clv/types';
import type { Analysis } from '../../src/engine/types';
import { backtestVerdict } from '../../src/report/modelCheckVerdict';
import { renderSummary } from '../../src/taskpane/summary';
import { analysisWithModel, DAY_2006_12_31 } from '../report/fixtures';
import { installFakeDocument, type FakeElement } from './fakeDom';

let uninstall: () => void;
beforeAll(() => (uninstall = installFakeDocument()));
afterAll(() => uninstall());

const backtest: ClvReport['backtest'] = {
  status: 'ok', calibrationEnd: DAY_2006_12_31 - 90, holdoutFrom: DAY_2006_12_31 - 89, holdoutTo: DAY_2006_12_31, horizonDays: 90, model: 'bgnbd', customers: 300,
  auc: { pNoPurchase: 0.7, recency: 0.65, pAlive: 0.5 }, churned: { called: 10, boughtNothing: 9, precision: 0.9 },
  noPurchase: { predicted: 100, actual: 110 }, purchases: { predicted: 400, actual: 420, meanAbsoluteError: 1 }, byFrequency: [],
};

function withBacktest(b: ClvReport['backtest']): Analysis {
  const analysis = analysisWithModel();
  (analysis.clv as ClvReport).backtest = b;
  return analysis;
}

function nodesOf(analysis: Analysis, lang: 'en' | 'fa'): FakeElement[] {
  return renderSummary({ analysis, lang, sheetNames: [], onActivateSheet: () => {} }) as unknown as FakeElement[];
}

describe('model check line in the pane summary', () => {
  it('follows the answers with the verdict, in each language', () => {
    for (const lang of ['en', 'fa'] as const) {
      const nodes = nodesOf(withBacktest(backtest), lang);
      const at = nodes.findIndex((n) => n.getAttribute('id') === 'model-check');
      expect(at).toBe(2);
      expect(nodes[at].textContent).toBe(backtestVerdict(backtest, lang));
    }
  });

  it('is absent when the backtest was turned off', () => {
    const nodes = nodesOf(withBacktest({ status: 'skipped', reason: 'off', key: 'predict.backtest.off' }), 'en');
    expect(nodes.some((n) => n.getAttribute('id') === 'model-check')).toBe(false);
  });
});
