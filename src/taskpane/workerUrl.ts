/** The analysis worker's bundle, beside taskpane.js in dist/addin (a separate webpack entry). */
export const WORKER_URL = 'worker.js';
