/**
 * A small YAML settings file (rules, allow-list) read and validated in one step: a syntax error or a schema mismatch
 * becomes an InputError naming the file, the line of the offending node and its dotted path, with the fix to apply.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { InputError } from './errors.js';
import { readTextFile } from './files.js';
import { boundedYamlToJS, yamlDepthError } from './yaml-document.js';

export interface YamlFileOptions {
  /** What the file is, for messages: `rules file`, `allow-list`. */
  readonly what: string;
  /** One sentence telling the user where the format is described. */
  readonly fix: string;
}

export interface LoadedYamlFile<T> {
  readonly value: T;
  /** The 1-based line of the node at `path`, when the file has it. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

export async function loadYamlFile<S extends z.ZodType>(file: string, schema: S, options: YamlFileOptions): Promise<LoadedYamlFile<z.infer<S>>> {
  const text = await readTextFile(file, options.what);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const lineOf = (path: readonly (string | number)[]) => {
    const node = document.getIn(path, true) as { range?: [number] } | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  };
  const depthError = yamlDepthError(document, lineCounter, file);
  if (depthError) throw depthError;
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const position = error.linePos?.[0];
    throw new InputError(`${options.what} is not valid YAML: ${error.message.split('\n')[0]}`, {
      location: { file, line: position?.line, column: position?.col },
      fix: options.fix,
    });
  }
  const parsed = schema.safeParse(boundedYamlToJS(document, lineCounter, file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
    throw new InputError(`invalid ${options.what}: ${issue.message}${keys}`, {
      location: { file, line: lineOf(path), path: path.join('.') },
      fix: options.fix,
    });
  }
  return { value: parsed.data, lineOf };
}
