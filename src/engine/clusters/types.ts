/**
 * What the clustering stage adds to an Analysis (`Analysis.clusters`): plain JSON data.
 */

/** One cluster's profile: means are of the raw metrics (days, orders, money). */
export interface ClusterProfile {
  /** 1-based; clusters are numbered by revenue, highest first. */
  cluster: number;
  /** Plain English name from the profile, e.g. "Recent frequent high spenders". */
  name: string;
  /** The same name in Persian. */
  nameFa: string;
  size: number;
  /** Share of customers, 0..1. */
  share: number;
  revenue: number;
  /** Share of revenue, 0..1. */
  revenueShare: number;
  /** null for customer-level input (no first purchase). */
  meanLengthDays: number | null;
  meanRecencyDays: number;
  meanFrequency: number;
  meanMonetary: number;
  /** Centre in standardised log units, per feature in `features` order. */
  centre: number[];
}

/** The clustering result when it ran. */
export interface ClusterReport {
  status: 'ok';
  k: number;
  /** 'user' = k was given; 'silhouette' = the best mean silhouette over k = 2..8. */
  kChosenBy: 'user' | 'silhouette';
  /** Mean silhouette of the chosen k (on the sample), null when k was given and not scored. */
  silhouette: number | null;
  /** Mean silhouette per k tried (on the sample). */
  silhouetteByK: { k: number; silhouette: number }[];
  /** Customers the silhouette was computed on (a seeded sample when there are many). */
  silhouetteSample: number;
  features: ('L' | 'R' | 'F' | 'M')[];
  /** Within-cluster sum of squares in standardised units. */
  withinSS: number;
  seed: number;
  restarts: number;
  profiles: ClusterProfile[];
}

/** Why clustering did not run: `reason` in English, `key`/`params` for other languages (messageIn). */
export interface ClusterSkipped {
  status: 'skipped';
  reason: string;
  key?: string;
  params?: Record<string, string | number>;
}

/** `Analysis.clusters`. */
export type ClusterAnalysis = ClusterReport | ClusterSkipped;
