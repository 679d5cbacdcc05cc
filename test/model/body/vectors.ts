/** The golden bodies of `test/vectors/dashboard-bodies.json` (CloudWatch-accepted bodies from CDK's tests; see SOURCES.md there). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DashboardBody } from '../../../src/model/body/schema.js';

export interface BodyVector {
  readonly name: string;
  readonly body: DashboardBody;
}

export const VECTORS_FILE = resolve(import.meta.dirname, '../../vectors/dashboard-bodies.json');

export function loadBodyVectors(): BodyVector[] {
  return (JSON.parse(readFileSync(VECTORS_FILE, 'utf8')) as { vectors: BodyVector[] }).vectors;
}
