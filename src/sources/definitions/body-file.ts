/**
 * Reading a DashboardBody JSON file: a body as `build` writes it or the console's "View/edit source" shows it, or the
 * output of `aws cloudwatch get-dashboard` (`{"DashboardName", "DashboardBody": "<json string>"}`), unwrapped.
 */
import { InputError } from '../../shared/errors.js';
import { readTextFile } from '../../shared/files.js';
import { parseBoundedJson } from '../../shared/input-limits.js';

export interface BodyFile {
  /** The parsed body, not yet validated. */
  readonly body: unknown;
  /** The body's JSON text (inside a get-dashboard response, the DashboardBody string). */
  readonly text: string;
  /** Whether `text` is the file's own text, so its line numbers are the file's. */
  readonly textIsFile: boolean;
  /** The DashboardName when the file is a get-dashboard response. */
  readonly dashboardName: string | undefined;
}

/** @param shownAs the name messages use for the file (the path as the user typed it) */
export async function readDashboardBodyFile(file: string, shownAs = file): Promise<BodyFile> {
  const raw = await readTextFile(file, 'dashboard body file').catch((error: unknown) => {
    throw error instanceof InputError ? new InputError(error.message, { location: { file: shownAs }, fix: error.fix }) : error;
  });
  // Editors on some systems save with a byte-order mark, which JSON.parse rejects.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const value = parseJson(text, shownAs);
  if (typeof value === 'object' && value !== null && typeof (value as { DashboardBody?: unknown }).DashboardBody === 'string') {
    const response = value as { DashboardBody: string; DashboardName?: unknown };
    return {
      body: parseJson(response.DashboardBody, shownAs, '/DashboardBody'),
      text: response.DashboardBody,
      textIsFile: false,
      dashboardName: typeof response.DashboardName === 'string' ? response.DashboardName : undefined,
    };
  }
  return { body: value, text, textIsFile: true, dashboardName: undefined };
}

function parseJson(text: string, file: string, path?: string): unknown {
  try {
    return parseBoundedJson(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const location = position && path === undefined ? lineAndColumn(text, Number(position[1])) : {};
    throw new InputError(`not valid JSON: ${message.replace(/^JSON\.parse: /, '')}`, {
      location: { file, ...location, ...(path === undefined ? {} : { path }) },
      fix: 'fix the JSON syntax (a dashboard body is one JSON object with a "widgets" array)',
      cause: error,
    });
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
