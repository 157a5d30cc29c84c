/** `scan --cluster` reads the cluster exactly as `snapshot` does: one flag set, one reader. */
export { scanInputFromCluster } from './snapshot.js';
