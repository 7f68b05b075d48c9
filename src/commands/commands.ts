/**
 * Ribbon commands, loaded in the shared runtime (taskpane.html is also the FunctionFile).
 * Refresh (ExecuteFunction, no dialog): re-reads the saved source with the saved settings and
 * rewrites every output sheet. Progress and the outcome are announced to the task pane (same
 * runtime, same DOM) through a `rfm-refresh` event; the pane shows them when it is open.
 */
import { refresh } from '../excel/refresh';
import { workerAnalyze } from '../taskpane/runner';
import { WORKER_URL } from '../taskpane/workerUrl';
import { keyOf } from '../taskpane/messages';
import { REFRESH_EVENT, type RefreshNotice } from './notice';

export { REFRESH_EVENT, type RefreshNotice };

function announce(notice: RefreshNotice): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent<RefreshNotice>(REFRESH_EVENT, { detail: notice }));
}

/**
 * The Refresh button's handler: never throws, always completes the event.
 * @param event the add-in command event; `completed()` tells Office the command is done
 * @returns when the refresh has finished
 */
export async function refreshCommand(event?: { completed(): void }): Promise<RefreshNotice> {
  let outcome: RefreshNotice;
  announce({ state: 'start' });
  try {
    const analyze = typeof Worker === 'function' ? workerAnalyze(WORKER_URL) : undefined;
    const result = await refresh({ analyze, onProgress: (fraction: number, stage: string) => announce({ state: 'progress', fraction, stage }) });
    outcome = { state: 'done', customers: result.customers, analysis: result.analysis, sheets: result.sheets };
  } catch (error) {
    outcome = { state: 'error', message: (error as Error)?.message ?? String(error), ...keyOf(error) };
  }
  announce(outcome);
  event?.completed();
  return outcome;
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    // refreshCommand reports its own outcome and calls event.completed(); nothing awaits it here.
    Office.actions.associate('refresh', (event: Office.AddinCommands.Event) => void refreshCommand(event));
  });
}
