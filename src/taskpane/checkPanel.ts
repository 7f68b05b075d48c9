/**
 * The "Check this Excel" command in the pane's Help: runs the probes of excel/probes.ts in the user's
 * Excel and shows the report (textContent only) with a Copy button.
 */
import { t, type Lang } from '../i18n';
import type { ExcelHost } from '../excel/host';
import { type Environment, checkExcel, reportText } from '../excel/probes';
import { byId } from './dom';

/**
 * Host, platform and version of the running Office (Office.context.diagnostics, Common API
 * requirement set 1.5: https://learn.microsoft.com/javascript/api/office/office.contextinformation);
 * empty where the host does not provide it.
 */
export function officeEnvironment(): Environment {
  try {
    const d = Office.context.diagnostics;
    return { host: String(d.host ?? ''), platform: String(d.platform ?? ''), version: d.version };
  } catch {
    return {};
  }
}

/**
 * Wires the Help section's buttons.
 * @param excel the Excel host
 * @param lang the pane's language now (read from the page)
 * @param environment where the add-in runs
 */
export function bindCheckExcel(excel: ExcelHost, lang: () => Lang, environment: () => Environment = officeEnvironment): void {
  const run = byId<HTMLButtonElement>('check-excel');
  const copy = byId<HTMLButtonElement>('check-copy');
  const report = byId<HTMLPreElement>('check-report');
  const status = byId('check-status');
  run.addEventListener('click', () => {
    run.disabled = true;
    status.textContent = t(lang(), 'pane.check.running');
    checkExcel(excel, environment())
      .then((results) => {
        report.textContent = reportText(results);
        report.hidden = false;
        copy.hidden = false;
        status.textContent = '';
      })
      .catch((error: unknown) => {
        status.textContent = t(lang(), 'pane.check.failed', { message: (error as Error)?.message ?? String(error) });
      })
      .finally(() => {
        run.disabled = false;
      });
  });
  copy.addEventListener('click', () => {
    const text = report.textContent ?? '';
    const done = () => { status.textContent = t(lang(), 'pane.check.copied'); };
    const select = () => {
      const range = document.createRange();
      range.selectNodeContents(report);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    };
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(text).then(done, select);
    else select();
  });
}
