import * as fs from 'fs';
import * as path from 'path';

/** Root of the shared real data (`../shared/data` beside the checkout). */
export const SHARED_DATA_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'data');

/**
 * Path of a file in ../shared/data. When the data is missing: under CI the test fails (throws);
 * elsewhere it returns undefined so the caller can `describe.skip` locally.
 * @param relativePath path below shared/data, e.g. `rfm-r/rfm_data_orders.csv`
 * @returns the absolute path, or undefined when missing outside CI
 */
export function sharedDataPath(relativePath: string): string | undefined {
  const full = path.join(SHARED_DATA_DIR, relativePath);
  if (fs.existsSync(full)) return full;
  if (process.env.CI) throw new Error(`shared data missing under CI: ${full}`);
  return undefined;
}

/**
 * Like sharedDataPath but always throws when missing: for suites that cannot run without it.
 * @param relativePath path below shared/data
 * @returns the absolute path
 */
export function requireSharedData(relativePath: string): string {
  const full = path.join(SHARED_DATA_DIR, relativePath);
  if (!fs.existsSync(full)) throw new Error(`shared data missing: ${full} (expected ../shared/data beside the checkout)`);
  return full;
}
