/**
 * Starts the task pane on the current document: the controller (behaviour, controller.ts) over a
 * host (the workbook) and the analysis worker, the view (the page, view.ts), and the ribbon's
 * Refresh notices. Nothing is written unless the whole analysis succeeded.
 */
import type { Lang } from '../i18n';
import { REFRESH_EVENT, type RefreshNotice } from '../commands/notice';
import { PaneController } from './controller';
import type { PaneHost } from './host';
import { asLang, langFromDisplayLanguage } from './lang';
import { openPaneRun } from './runner';
import { bindPaneEvents, createPaneView } from './view';

/**
 * The language the pane opens in: the one saved in the workbook, else Office's display language.
 * @param host the workbook
 * @returns the language
 */
export async function initialLanguage(host: PaneHost): Promise<Lang> {
  return (await host.savedLanguage().catch(() => undefined)) ?? langFromDisplayLanguage(host.displayLanguage());
}

/**
 * Starts the pane on the current document.
 * @param host the workbook
 * @param workerUrl URL of the analysis worker script
 * @returns a handle for tests: the current language and the controller
 */
export async function startPane(host: PaneHost, workerUrl: string): Promise<{ lang: () => Lang; controller: PaneController }> {
  const view = createPaneView((name) => void host.activateSheet(name).catch(() => undefined));
  const controller = new PaneController(host, () => openPaneRun(workerUrl), view, await initialLanguage(host));
  bindPaneEvents(controller, (value) => asLang(value) ?? 'en');
  window.addEventListener(REFRESH_EVENT, (event) => controller.refreshNotice((event as CustomEvent<RefreshNotice>).detail));
  controller.start();
  return { lang: () => controller.current.lang, controller };
}
