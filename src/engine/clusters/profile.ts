/**
 * Cluster profiles (size, shares, mean L/R/F/M) and plain names derived from them.
 */
import { t, type Lang } from '../../i18n';
import type { CustomerResult } from '../types';
import type { Feature } from './features';
import type { ClusterProfile } from './types';

/** A centre this many standard deviations from the mean counts as high or low (0.3: with k = 2 on
 * skewed RFM data the "everyone else" cluster sits about 0.4-0.5 sd out and should read as such). */
const NAME_CUT = 0.3;

/**
 * Names a cluster from its standardised centre: recency (low days = recent), frequency, spend.
 * @param centre standardised centre, one value per feature
 * @param features the feature names in centre order
 * @param lang language of the name
 * @returns e.g. "Recent frequent high spenders" / "مشتریان پرخرج پرتکرار اخیر"
 */
export function clusterName(centre: readonly number[], features: readonly Feature[], lang: Lang): string {
  const at = (f: Feature): number => centre[features.indexOf(f)] ?? 0;
  const r = at('R');
  const f = at('F');
  const m = at('M');
  const recency = r < -NAME_CUT ? t(lang, 'predict.cluster.recent') : r > NAME_CUT ? t(lang, 'predict.cluster.lapsed') : '';
  const frequency = f > NAME_CUT ? t(lang, 'predict.cluster.frequent') : f < -NAME_CUT ? t(lang, 'predict.cluster.occasional') : '';
  const spend = t(lang, m > NAME_CUT ? 'predict.cluster.spendHigh' : m < -NAME_CUT ? 'predict.cluster.spendLow' : 'predict.cluster.spendMid');
  const name = t(lang, 'predict.cluster.template', { recency, frequency, spend }).replace(/\s+/g, ' ').trim();
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Profiles the clusters and numbers them 1..k by revenue, highest first.
 * @param customers the customers, in the order of `labels`
 * @param labels 0-based cluster per customer
 * @param centres standardised centres (k × features)
 * @param features the feature names
 * @returns the profiles (in new numbering) and the new 1-based number of each old label
 */
export function profileClusters(
  customers: readonly CustomerResult[],
  labels: Int32Array,
  centres: Float64Array,
  features: readonly Feature[],
): { profiles: ClusterProfile[]; numberOf: Int32Array } {
  const k = centres.length / features.length;
  const acc = Array.from({ length: k }, () => ({ size: 0, revenue: 0, length: 0, lengthCount: 0, recency: 0, frequency: 0, monetary: 0 }));
  let totalRevenue = 0;
  customers.forEach((c, i) => {
    const a = acc[labels[i]];
    a.size++;
    a.revenue += c.revenue;
    totalRevenue += c.revenue;
    if (c.lengthDays !== null) {
      a.length += c.lengthDays;
      a.lengthCount++;
    }
    a.recency += c.recencyDays;
    a.frequency += c.frequency;
    a.monetary += c.monetary;
  });
  const order = acc.map((_, j) => j).sort((x, y) => acc[y].revenue - acc[x].revenue || acc[y].size - acc[x].size || x - y);
  const numberOf = new Int32Array(k);
  order.forEach((old, rank) => (numberOf[old] = rank + 1));
  const profiles = order.map((old, rank): ClusterProfile => {
    const a = acc[old];
    const centre = Array.from(centres.subarray(old * features.length, (old + 1) * features.length));
    const size = a.size || 1;
    return {
      cluster: rank + 1,
      name: clusterName(centre, features, 'en'),
      nameFa: clusterName(centre, features, 'fa'),
      size: a.size,
      share: customers.length ? a.size / customers.length : 0,
      revenue: a.revenue,
      revenueShare: totalRevenue !== 0 ? a.revenue / totalRevenue : 0,
      meanLengthDays: a.lengthCount ? a.length / a.lengthCount : null,
      meanRecencyDays: a.recency / size,
      meanFrequency: a.frequency / size,
      meanMonetary: a.monetary / size,
      centre,
    };
  });
  distinguishNames(profiles);
  return { profiles, numberOf };
}

/** Two clusters with the same name get " 2", " 3"… in order of revenue. */
function distinguishNames(profiles: ClusterProfile[]): void {
  const seen = new Map<string, number>();
  for (const p of profiles) {
    const count = (seen.get(p.name) ?? 0) + 1;
    seen.set(p.name, count);
    if (count > 1) {
      p.name = `${p.name} ${count}`;
      p.nameFa = `${p.nameFa} ${count}`;
    }
  }
}
