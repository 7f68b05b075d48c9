/**
 * Entry of the task pane page (which in the shared runtime also hosts the ribbon commands and
 * the custom functions). Starts the pane once Office.js (or the preview's simulator) is ready.
 */
import { officeHost } from '../excel/host';
import { bindCheckExcel } from './checkPanel';
import { asLang } from './lang';
import { createOfficeHost } from './officeHost';
import { startPane } from './pane';
import { WORKER_URL } from './workerUrl';


void Office.onReady(() => {
  void startPane(createOfficeHost(), WORKER_URL);
  bindCheckExcel(officeHost(), () => asLang(document.documentElement.lang) ?? 'en');
});
