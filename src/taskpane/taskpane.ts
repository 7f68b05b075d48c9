/**
 * Entry of the task pane page (which in the shared runtime also hosts the ribbon commands and
 * the custom functions). Starts the pane once Office.js (or the preview's simulator) is ready.
 */
import { createOfficeHost } from './officeHost';
import { startPane } from './pane';

/** The worker bundle sits beside taskpane.js in dist/addin. */
export const WORKER_URL = 'worker.js';

Office.onReady(() => {
  void startPane(createOfficeHost(), WORKER_URL);
});
