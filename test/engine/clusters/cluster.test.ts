/**
 * The clustering stage: k by silhouette, profiles and names, features, and degenerate inputs.
 */
import { chooseK, runClusters } from '../../../src/engine/clusters/cluster';
import { buildFeatures, signedLog1p } from '../../../src/engine/clusters/features';
import type { Matrix } from '../../../src/engine/clusters/kmeans';
import { clusterName, profileClusters } from '../../../src/engine/clusters/profile';
import { seededRandom } from '../../../src/engine/clusters/random';
import { meanSilhouette } from '../../../src/engine/clusters/silhouette';
import type { CustomerResult } from '../../../src/engine/types';

/** A customer with only the fields clustering reads filled in. */
function customer(id: string, recencyDays: number, frequency: number, monetary: number, lengthDays: number | null = 100): CustomerResult {
  return {
    id, firstPurchase: null, lastPurchase: null, lengthDays, recencyDays, frequency, monetary, revenue: monetary, averageOrderValue: monetary / frequency,
    lengthScore: null, recencyScore: 1, frequencyScore: 1, monetaryScore: 1, rfmCode: 111, segment: 'x', valueQuadrant: 'Uncertain', loyaltyQuadrant: null,
  };
}

describe('features', () => {
  it('log-transforms with sign and standardises to mean 0, sd 1; a constant column becomes 0', () => {
    expect(signedLog1p(-Math.E + 1)).toBeCloseTo(-1, 14);
    expect(signedLog1p(0)).toBe(0);
    const { matrix, features } = buildFeatures([customer('a', 1, 2, -5), customer('b', 10, 2, 0), customer('c', 100, 2, 50)], false);
    expect(features).toEqual(['R', 'F', 'M']);
    for (let f = 0; f < 3; f++) {
      const col = [0, 1, 2].map((i) => matrix.data[i * 3 + f]);
      const mean = col.reduce((s, v) => s + v, 0) / 3;
      const sd = Math.sqrt(col.reduce((s, v) => s + (v - mean) ** 2, 0) / 3);
      expect(mean).toBeCloseTo(0, 12);
      if (f === 1) expect(col).toEqual([0, 0, 0]);
      else expect(sd).toBeCloseTo(1, 12);
    }
    expect(buildFeatures([customer('a', 1, 2, 3)], true).features).toEqual(['L', 'R', 'F', 'M']);
    expect(buildFeatures([customer('a', 1, 2, 3, null)], true).features).toEqual(['R', 'F', 'M']);
  });
});

describe('silhouette and k', () => {
  it('scores two tight, distant pairs near 1 and picks k = 3 for three blobs', () => {
    const pairs: Matrix = { data: Float64Array.from([0, 0, 0, 1, 100, 0, 100, 1]), n: 4, d: 2 };
    // every point: a = 1 (its partner), b = (100 + √10001) / 2 (the other pair) → s = 1 − a/b
    expect(meanSilhouette(pairs, Int32Array.from([0, 0, 1, 1]), 2)).toBeCloseTo(1 - 2 / (100 + Math.sqrt(10001)), 12);
    const next = seededRandom(3);
    const data = new Float64Array(600 * 2);
    const centres = [[0, 0], [6, 0], [3, 5]];
    for (let i = 0; i < 600; i++) for (let t = 0; t < 2; t++) data[i * 2 + t] = centres[i % 3][t] + (next() - 0.5);
    const chosen = chooseK({ data, n: 600, d: 2 }, 8, 1);
    expect(chosen.k).toBe(3);
    expect(chosen.scores.map((s) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('profiles and names', () => {
  it('names clusters from their standardised centres, in English and Persian', () => {
    expect(clusterName([-1, 1, 1], ['R', 'F', 'M'], 'en')).toBe('Recent frequent high spenders');
    expect(clusterName([-1, 1, 1], ['R', 'F', 'M'], 'fa')).toBe('مشتریان پرخرج پرتکرار اخیر');
    expect(clusterName([1, -1, -1], ['R', 'F', 'M'], 'en')).toBe('Lapsed occasional low spenders');
    expect(clusterName([0, 0, 0], ['R', 'F', 'M'], 'en')).toBe('Mid spenders');
    expect(clusterName([0, 0.2, 0, 0.9], ['L', 'R', 'F', 'M'], 'en')).toBe('High spenders');
  });

  it('profiles by hand: sizes, shares, means, numbered by revenue', () => {
    const cs = [customer('a', 10, 1, 10, 20), customer('b', 20, 3, 30, 40), customer('c', 5, 5, 100, 60), customer('d', 1, 1, 60, null)];
    const { profiles, numberOf } = profileClusters(cs, Int32Array.from([0, 0, 1, 1]), Float64Array.from([1, -1, -1, -1, 1, 1]), ['R', 'F', 'M']);
    expect(Array.from(numberOf)).toEqual([2, 1]);
    expect(profiles[0]).toMatchObject({ cluster: 1, size: 2, share: 0.5, revenue: 160, revenueShare: 0.8, meanLengthDays: 60, meanRecencyDays: 3, meanFrequency: 3, meanMonetary: 80, name: 'Recent frequent high spenders' });
    expect(profiles[1]).toMatchObject({ cluster: 2, size: 2, revenue: 40, revenueShare: 0.2, meanLengthDays: 30, meanRecencyDays: 15, meanFrequency: 2, meanMonetary: 20 });
  });

  it('makes duplicate names distinct', () => {
    const cs = [customer('a', 1, 1, 1), customer('b', 2, 2, 2)];
    const { profiles } = profileClusters(cs, Int32Array.from([0, 1]), Float64Array.from([0, 0, 0, 0, 0, 0]), ['R', 'F', 'M']);
    expect(new Set(profiles.map((p) => p.name)).size).toBe(2);
  });
});

describe('runClusters', () => {
  const many = Array.from({ length: 300 }, (_, i) => customer(`c${i}`, (i * 37) % 365, 1 + ((i * 7) % 12), 5 + ((i * 131) % 900)));

  it('is deterministic and numbers every customer 1..k', () => {
    const a = runClusters(many, { k: 'auto' });
    const b = runClusters(many, { k: 'auto' });
    expect(a.report).toEqual(b.report);
    expect(Array.from(a.clusterOf ?? [])).toEqual(Array.from(b.clusterOf ?? []));
    if (a.report.status !== 'ok') throw new Error('expected clusters');
    expect(a.report.kChosenBy).toBe('silhouette');
    expect(new Set(a.clusterOf)).toEqual(new Set(Array.from({ length: a.report.k }, (_, i) => i + 1)));
    expect(a.report.profiles.reduce((s, p) => s + p.size, 0)).toBe(300);
  });

  it('uses a given k, clamped to the distinct points', () => {
    expect(runClusters(many, { k: 5 }).report).toMatchObject({ status: 'ok', k: 5, kChosenBy: 'user' });
    const three = [customer('a', 1, 1, 1), customer('b', 1, 1, 1), customer('c', 9, 9, 9), customer('d', 50, 2, 7)];
    expect(runClusters(three, { k: 8 }).report).toMatchObject({ status: 'ok', k: 3 });
  });

  it('skips with a reason: too few customers, or all alike', () => {
    expect(runClusters([customer('a', 1, 1, 1)], { k: 'auto' }).report).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/at least 3/) });
    const same = Array.from({ length: 10 }, (_, i) => customer(`s${i}`, 4, 2, 9));
    expect(runClusters(same, { k: 'auto' })).toMatchObject({ report: { status: 'skipped', reason: expect.stringMatching(/same/) }, clusterOf: null });
  });
});
