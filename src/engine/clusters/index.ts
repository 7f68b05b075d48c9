/** Public API of customer clustering (see docs/clv.md, "Clusters"). */
export { runClusters, chooseK, clusterAll, DEFAULT_SEED, K_MAX, K_MIN, type ClusterSettings } from './cluster';
export { buildFeatures, signedLog1p, type Feature } from './features';
export { kmeans, type KMeansResult, type Matrix } from './kmeans';
export { clusterName, profileClusters } from './profile';
export { seededRandom } from './random';
export { meanSilhouette, pairwiseDistances, silhouetteFromDistances } from './silhouette';
export type * from './types';
