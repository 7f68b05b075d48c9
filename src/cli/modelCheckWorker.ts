/**
 * The model check's own thread (started by cli/modelCheckThread.ts): runs modelCheck on the day
 * columns, analysis date and options it was given and posts the scorecard back.
 */
import { parentPort, workerData } from 'worker_threads';
import { modelCheck, type AnalysisOptions, type DayColumns } from '../engine';

const input = workerData as { lines: DayColumns; analysisDate: number; options: AnalysisOptions };
parentPort?.postMessage(modelCheck(input.lines, input.analysisDate, input.options));
