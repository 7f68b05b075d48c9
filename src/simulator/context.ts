/**
 * The request context: queued commands, `sync()`, payload accounting, requirement sets.
 *
 * Office.js batches: "you can queue up multiple operations ... and run them as a batch of commands
 * with a single call to sync()" and reading a property that was not loaded and synced throws
 * `PropertyNotLoaded` ("Application-specific API model", https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model).
 * Excel on the web limits a request and a response to 5 MB and fails with
 * `RequestPayloadSizeLimitExceeded` ("Resource limits and performance optimization for Office Add-ins",
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 * The codes are office.js's own (`CoreErrorCodes.requestPayloadSizeLimitExceeded` in
 * node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js).
 * Requirement sets: `Office.context.requirements.isSetSupported(name, minVersion)`
 * (https://learn.microsoft.com/office/dev/add-ins/develop/specify-office-hosts-and-api-requirements);
 * a call the host does not implement fails with `ApiNotFound`.
 */
import { SimErrorCode, simError } from './errors';
import { WorkbookModel } from './model';
import { recalcReferences } from './references';

/** Simulator options. */
export interface SimulatorOptions {
  /** Highest ExcelApi minor version supported (1..17); default 17 (ExcelApi 1.17). */
  excelApiMinor?: number;
  /** Request and response limit in bytes; default 5 MB (5 * 1024 * 1024). */
  payloadLimitBytes?: number;
  /** `Office.context.displayLanguage`; default `en-US`. */
  displayLanguage?: string;
  /**
   * Highest supported version of requirement sets other than ExcelApi (e.g. `{ SharedRuntime: '1.1' }`);
   * default: SharedRuntime 1.1, CustomFunctionsRuntime 1.4, RibbonApi 1.1, DialogApi 1.2, as a current
   * Excel on the web lists them ("Office requirement sets",
   * https://learn.microsoft.com/javascript/api/requirement-sets/common/office-add-in-requirement-sets).
   */
  requirementSets?: Record<string, string>;
}

const DEFAULT_SETS: Record<string, string> = { SharedRuntime: '1.1', CustomFunctionsRuntime: '1.4', RibbonApi: '1.1', DialogApi: '1.2' };

/** One executed (or refused) sync. */
export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  /** Operation names in queue order, e.g. `Range.values.set`. */
  ops: string[];
  error?: string;
}

/** Shared state of one simulated Excel instance. */
export class SimulatorState {
  readonly workbook = new WorkbookModel();
  readonly syncs: SyncRecord[] = [];
  /** Test faults: the next command with this op name (and, when given, a payload it accepts) fails with this code. */
  readonly faults: { op: string; code: string; when?: (payload: unknown) => boolean }[] = [];
  readonly excelApiMinor: number;
  readonly payloadLimitBytes: number;
  readonly requirementSets: Record<string, string>;
  /**
   * True while the user edits a cell. A batch then fails with InvalidOperation unless it was started
   * with `delayForCellEdit: true`, in which case it waits until the edit ends
   * (https://learn.microsoft.com/javascript/api/excel/excel.runoptions#excel-excel-runoptions-delayforcelledit-member;
   * "Handle errors", excel-add-ins-delay-in-cell-edit).
   */
  cellEditing = false;
  /** Batches waiting for the cell edit to end. */
  readonly waitingForEdit: (() => void)[] = [];

  constructor(options: SimulatorOptions = {}) {
    this.excelApiMinor = options.excelApiMinor ?? 17;
    this.payloadLimitBytes = options.payloadLimitBytes ?? 5 * 1024 * 1024;
    this.requirementSets = options.requirementSets ?? DEFAULT_SETS;
  }

  /** `isSetSupported` for the sets the simulator knows. */
  isSetSupported(name: string, version = '1.1'): boolean {
    const minor = Number(version.split('.')[1] ?? '0');
    if (name === 'ExcelApi') return minor <= this.excelApiMinor;
    const top = this.requirementSets[name];
    if (top === undefined) return false;
    const [major, topMinor] = top.split('.').map(Number);
    return Number(version.split('.')[0]) === major && minor <= topMinor;
  }
}

/** A queued command: what is sent (payload) and what the host does. */
interface Command {
  op: string;
  payload: unknown;
  apiMinor: number;
  run: () => unknown;
}

const NOT_ASCII = /[\u0080-\uffff]/;

/**
 * UTF-8 length of a string, counted without encoding it (the same figure as
 * `new TextEncoder().encode(text).length`: a lone surrogate is written as U+FFFD, 3 bytes).
 * O(length), no allocation; ASCII text (the usual payload) is one regular-expression scan.
 * @example utf8Length('é') === 2; utf8Length('😀') === 4
 */
export function utf8Length(text: string): number {
  if (!NOT_ASCII.test(text)) return text.length;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * UTF-8 size of a value's JSON. The simulator's own count, kept apart from the add-in's
 * (src/excel/chunks.ts) on purpose: it is what checks that the add-in's payloads stay within
 * Office's limits, so it must not share the add-in's code.
 */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}

/** The simulated `Excel.RequestContext`. */
export class SimContext {
  private queue: Command[] = [];
  /** `context.trackedObjects`: accepted and ignored (nothing is released in memory). */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  /** Set by `Excel.run({ delayForCellEdit: true }, ...)`. */
  delayForCellEdit = false;

  constructor(readonly state: SimulatorState) {}

  /**
   * Queues a command. `apiMinor` is the ExcelApi 1.x version the member needs.
   * @returns nothing; the command runs at the next sync
   */
  enqueue(op: string, payload: unknown, apiMinor: number, run: () => unknown): void {
    this.queue.push({ op, payload, apiMinor, run });
  }

  /** Runs the queued commands in order; rejects with the first error (earlier commands stay done). */
  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const record: SyncRecord = { requestBytes: jsonBytes(batch.map((c) => [c.op, c.payload])), responseBytes: 0, ops: batch.map((c) => c.op) };
    this.state.syncs.push(record);
    await Promise.resolve();
    if (this.state.cellEditing) {
      if (!this.delayForCellEdit) {
        record.error = 'InvalidOperation';
        throw simError('InvalidOperation', 'The batch could not run because the user is editing a cell.', 'Excel.run');
      }
      await new Promise<void>((resolve) => this.state.waitingForEdit.push(resolve));
    }
    if (record.requestBytes > this.state.payloadLimitBytes) {
      record.error = 'RequestPayloadSizeLimitExceeded';
      throw simError('RequestPayloadSizeLimitExceeded', `The request payload size (${record.requestBytes} bytes) has exceeded the limit.`);
    }
    const responses: unknown[] = [];
    for (const command of batch) {
      try {
        const fault = this.state.faults.findIndex((f) => f.op === command.op && (!f.when || f.when(command.payload)));
        if (fault >= 0) {
          const { code } = this.state.faults.splice(fault, 1)[0];
          throw simError(code as SimErrorCode, `Injected fault in ${command.op}.`, command.op);
        }
        if (command.apiMinor > this.state.excelApiMinor) {
          throw simError('ApiNotFound', `${command.op} needs ExcelApi 1.${command.apiMinor}.`, command.op);
        }
        const out = command.run();
        if (out !== undefined) responses.push(out);
      } catch (e) {
        record.error = (e as { code?: string }).code ?? 'GeneralException';
        throw e;
      }
    }
    const wb = this.state.workbook;
    if (wb.sheets.some((s) => s.formulas.size > 0)) recalcReferences(wb.sheets, wb.tables);
    record.responseBytes = jsonBytes(responses);
    if (record.responseBytes > this.state.payloadLimitBytes) {
      record.error = 'ResponsePayloadSizeLimitExceeded';
      throw simError('ResponsePayloadSizeLimitExceeded', `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`);
    }
  }

  /** `context.load(object, props)`. */
  load(object: { load(props?: unknown): unknown }, props?: unknown): void {
    object.load(props);
  }
}
