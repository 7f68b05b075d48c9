/**
 * The pane's host over src/excel (which alone touches Excel.*): reading the selection or a table,
 * listing tables, rendering the plan, saving the settings Refresh uses, activating a sheet.
 */
import type { Lang } from '../i18n';
import { officeHost, type ExcelHost } from '../excel/host';
import { listSourceTables, readSelection, readTable } from '../excel/read';
import { writeRun } from '../excel/refresh';
import { loadSettings, readSetting, queueSetting, saveSettings } from '../excel/settings';
import { activateSheet } from '../excel/sheets';
import { writeListSheet } from '../excel/listSheet';
import type { PaneHost } from './host';
import { asLang } from './lang';

/** Workbook setting holding the pane's language when no analysis has been saved yet. */
export const LANGUAGE_KEY = 'rfm.lang';

/**
 * Makes the pane's host.
 * @param excel the Excel host (default: Office.js)
 * @param displayLanguage Office's display language (default: Office.context.displayLanguage)
 * @returns the host
 */
export function createOfficeHost(excel: ExcelHost = officeHost(), displayLanguage = () => Office.context.displayLanguage): PaneHost {
  return {
    displayLanguage: () => {
      try {
        return displayLanguage();
      } catch {
        return undefined;
      }
    },
    async savedLanguage() {
      const saved = await loadSettings(excel).catch(() => undefined);
      return saved?.lang ?? asLang(await excel.run((context) => readSetting<unknown>(context, LANGUAGE_KEY)));
    },
    async saveLanguage(lang: Lang) {
      const saved = await loadSettings(excel).catch(() => undefined);
      if (saved) await saveSettings(excel, { ...saved, lang });
      await excel.run(async (context) => {
        queueSetting(context, LANGUAGE_KEY, lang);
        await context.sync();
      });
    },
    listTables: () => listSourceTables(excel),
    read: (choice, onProgress, onPart) => (choice.kind === 'table' ? readTable(excel, choice.name, { onProgress, onPart }) : readSelection(excel, { onProgress, onPart })),
    async write(plan, analysis, block, settings, onProgress) {
      const result = await writeRun(excel, { plan, analysis, read: block, options: settings.options, lang: settings.lang, writeBack: settings.writeBack, onProgress });
      return result.render.sheets.map((sheet) => sheet.name);
    },
    writeList: (plan) => writeListSheet(excel, plan),
    activateSheet: (name) => activateSheet(excel, name),
  };
}
