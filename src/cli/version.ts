/** cwdash's version, from package.json: `--version` and the SARIF tool section. */
import { createRequire } from 'node:module';

export const CWDASH_VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
