/**
 * The worksheet functions' Web Worker (functions-worker.js): computes RFM.CUSTOMERTABLE, RFM.MIGRATION and RFM.FIT jobs
 * posted by offThread.ts, off the shared runtime's thread.
 */
import { type HeavyJob, answerJob } from './offThread';

declare const self: { onmessage: ((event: { data: HeavyJob }) => void) | null; postMessage(message: unknown): void };
if (typeof self !== 'undefined' && typeof (self as unknown as { importScripts?: unknown }).importScripts === 'function') {
  self.onmessage = (event) => self.postMessage(answerJob(event.data));
}
