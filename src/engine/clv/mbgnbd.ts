/**
 * The modified BG/NBD (Batislam, Denizel & Filiztekin 2007; Wagner & Hoppe 2008 erratum):
 * a customer may also drop out right after the first purchase, so P(alive) < 1 for one-time
 * buyers, which makes it the model for churn status. Formulas as in lifetimes' ModifiedBetaGeoFitter.
 */
import { sharedXTerms, type BgParams, type PurchaseModelSpec } from './bgnbd';

function mbgDropoutOdds(p: BgParams, x: number): number {
  return Math.log(p.a) - Math.log(p.b + x);
}

/** Modified BG/NBD: the dropout branch exists for every x, including x = 0. */
export const MBGNBD: PurchaseModelSpec = {
  name: 'mbgnbd',
  xTerms: (p, x) => sharedXTerms(p, x, 1, mbgDropoutOdds(p, x), -1 / (p.b + x)),
  dropoutOdds: mbgDropoutOdds,
  hypParams: (p, x) => ({ b: p.b + x + 1, c: p.a + p.b + x }),
};
