/**
 * The parts of the `Office` global the add-in uses, as office.js documents them:
 * - `Office.onReady(callback?)`: "Ensures that the Office JavaScript APIs are ready to be called by
 *   the add-in"; the callback, when given, receives `{ host, platform }`, and the returned Promise
 *   resolves with the same object (https://learn.microsoft.com/javascript/api/office#office-office-onready-function(1)).
 *   As in office.js, the callback runs asynchronously, never inside the call.
 * - `Office.actions.associate(actionId, actionFunction)`: "Associates the ID or name of an action
 *   with a function" (https://learn.microsoft.com/javascript/api/office/office.actions#office-office-actions-associate-member(1));
 *   Office calls the function with an event whose `completed()` ends the command
 *   (https://learn.microsoft.com/javascript/api/office/office.addincommands.event). A later associate
 *   with the same id replaces the function.
 * - `Office.context.displayLanguage` (a BCP 47 tag such as `fa-IR`) and `Office.context.requirements.isSetSupported`.
 */

/** What `Office.onReady` reports. */
export interface OfficeInfo {
  host: string;
  platform: string;
}

/** The event Office passes to a ribbon command's function. */
export interface CommandEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

/** A ribbon command's function. */
export type ActionFunction = (event: CommandEvent) => unknown;

/** The simulated `Office` global. */
export interface SimulatedOffice {
  context: { requirements: { isSetSupported(name: string, version?: string): boolean }; displayLanguage: string; diagnostics: { host: string; platform: string; version: string } };
  onReady(callback?: (info: OfficeInfo) => unknown): Promise<OfficeInfo>;
  actions: { associate(actionId: string, actionFunction: ActionFunction): void };
  HostType: { Excel: string };
  PlatformType: { OfficeOnline: string };
}

/**
 * Makes the `Office` stand-in and the table of associated actions.
 * @param isSetSupported the simulator's requirement-set check
 * @param displayLanguage Office's display language, e.g. `fa-IR`
 */
export function createOffice(isSetSupported: (name: string, version?: string) => boolean, displayLanguage: string): { office: SimulatedOffice; actions: Map<string, ActionFunction> } {
  const actions = new Map<string, ActionFunction>();
  const info: OfficeInfo = { host: 'Excel', platform: 'OfficeOnline' };
  const office: SimulatedOffice = {
    // Office.context.diagnostics: host, platform, version (https://learn.microsoft.com/javascript/api/office/office.contextinformation)
    context: { requirements: { isSetSupported }, displayLanguage, diagnostics: { host: 'Excel', platform: 'Simulator', version: 'src/simulator' } },
    onReady(callback) {
      return Promise.resolve().then(() => {
        callback?.({ ...info });
        return { ...info };
      });
    },
    actions: {
      associate(actionId, actionFunction) {
        if (typeof actionFunction !== 'function') throw new TypeError(`Office.actions.associate('${actionId}') needs a function`);
        actions.set(actionId, actionFunction);
      },
    },
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
  };
  return { office, actions };
}

/**
 * Runs an associated action as Office does when its ribbon button is clicked.
 * @returns a Promise that resolves when the function calls `event.completed()`
 * @throws (rejects) when no function is associated with the id, or when the function throws
 */
export function runAction(actions: Map<string, ActionFunction>, actionId: string): Promise<void> {
  const fn = actions.get(actionId);
  if (!fn) return Promise.reject(new Error(`no action is associated with "${actionId}"`));
  return new Promise<void>((resolve, reject) => {
    try {
      const out = fn({ completed: () => resolve() });
      if (out && typeof (out as Promise<unknown>).then === 'function') (out as Promise<unknown>).then(undefined, reject);
    } catch (error) {
      reject(error);
    }
  });
}
