/**
 * LibreOffice (an independent spreadsheet program) driven headlessly for the tests: converts a
 * workbook to PDF or CSV, and reads a PDF's pages as text with poppler's pdftotext. Under CI a
 * missing `soffice` or `pdftotext` fails the test; elsewhere the suites that need them are skipped.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

function which(...names: string[]): string | undefined {
  const found = spawnSync('sh', ['-c', names.map((n) => `command -v ${n}`).join(' || ')], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  if (process.env.CI) throw new Error(`${names[0]} is missing under CI: apt-get install libreoffice-calc-nogui poppler-utils`);
  return undefined;
}

/** The soffice binary, or undefined outside CI when it is not installed. */
export const SOFFICE = which('soffice', 'libreoffice');
/** poppler's pdftotext, or undefined outside CI when it is not installed. */
export const PDFTOTEXT = which('pdftotext');

/**
 * Converts a file with LibreOffice into `dir` (a private profile, so a running LibreOffice or a
 * stale lock cannot interfere).
 * @param dir output folder (the profile goes in it too)
 * @param file the workbook
 * @param filter `pdf`, or a CSV filter string
 */
export function convertWithLibreOffice(dir: string, file: string, filter: string): void {
  const profile = `-env:UserInstallation=file://${path.join(dir, 'profile')}`;
  execFileSync(SOFFICE as string, [profile, '--headless', '--convert-to', filter, '--outdir', dir, file], { stdio: 'pipe', timeout: 180_000 });
}

/** Bidirectional-text control characters pdftotext puts around right-to-left runs. */
const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The text of each page of a PDF in reading order (form feeds split the pages), without bidi
 * control marks.
 * @param pdf the PDF file
 */
export function pdfPages(pdf: string): string[] {
  const text = execFileSync(PDFTOTEXT as string, [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = text.replace(BIDI_MARKS, '').split('\f');
  return pages[pages.length - 1].trim() === '' ? pages.slice(0, -1) : pages;
}

/**
 * Saves the first pages of a PDF as PNG images (pdftoppm), for a person to look at.
 * @param pdf the PDF
 * @param prefix output path prefix, e.g. `test-artifacts/print/rial`
 * @param pages how many pages from the first
 */
export function savePagesAsPng(pdf: string, prefix: string, pages: number): void {
  fs.mkdirSync(path.dirname(prefix), { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', String(pages), pdf, prefix], { stdio: 'pipe' });
}
