/**
 * Tests that need a program outside Node (promtool, chromium) run when it is installed and are skipped, with the
 * reason printed and in the suite's name, when it is not. With CI=true a missing program is a failing test instead, so CI can
 * never pass by skipping them (`.ci/run` installs both).
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, test } from 'vitest';

export interface ExternalTool {
  readonly name: string;
  /** The executable found on PATH, or undefined. */
  readonly path: string | undefined;
  /** How to install it, for the skip reason. */
  readonly install: string;
}

export const PROMTOOL = externalTool('promtool', ['promtool'], "Debian/Ubuntu package 'prometheus'");
export const CHROMIUM = externalTool('chromium', ['chromium', 'chromium-browser'], "Debian/Ubuntu package 'chromium'");

function externalTool(name: string, executables: readonly string[], install: string): ExternalTool {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  for (const executable of executables) {
    for (const dir of dirs) {
      const candidate = join(dir, executable);
      try {
        accessSync(candidate, constants.X_OK);
        return { name, path: candidate, install };
      } catch {
        // not in this directory
      }
    }
  }
  return { name, path: undefined, install };
}

/** `describe(title, body)` when the tool is installed; otherwise skipped with the reason, or failed under CI=true. */
export function describeWithTool(tool: ExternalTool, title: string, body: () => void): void {
  if (tool.path !== undefined) {
    describe(title, body);
    return;
  }
  const reason = `${tool.name} is not on PATH (install the ${tool.install}; .ci/run does)`;
  if (process.env.CI === 'true') {
    describe(title, () => {
      test(`needs ${tool.name}`, () => {
        throw new Error(`${reason}. With CI=true a missing tool fails the run, so CI cannot pass by skipping these tests.`);
      });
    });
    return;
  }
  // The default reporter folds a skipped file into one line; the warning puts the reason in the run's output.
  console.warn(`skipped "${title}": ${reason}`);
  describe.skip(`${title} [skipped: ${reason}]`, body);
}
