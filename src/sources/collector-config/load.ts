/**
 * Loads an OpenTelemetry collector configuration into the typed, located model (`model.ts`): YAML with line numbers,
 * `${env:VAR}` expansion, components by `type/name`, metrics pipelines, and the components cwdash does not model.
 */
import { resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { InputError } from '../../shared/errors.js';
import { readTextFile } from '../../shared/files.js';
import { boundedYamlToJS, yamlDepthError } from '../../shared/yaml-document.js';
import { expandString, loadEnvFile, MissingVariableError, type Env } from './env.js';
import { Locator, type YamlPath } from './locate.js';
import { readAwsEmfExporter } from './awsemf-exporter.js';
import { OTLP_EXPORTER_TYPES, readOtlpExporter } from './otlp-exporter.js';
import { readPrometheusReceiver } from './prometheus-receiver.js';
import { MODELLED_PROCESSORS, readProcessor } from './processors.js';
import { SettingsReader, type Settings } from './reader.js';
import type {
  CollectorConfig, ComponentBase, ComponentKind, ConfigWarning, ExporterComponent, NotModelled, Pipeline,
  ProcessorComponent, ReceiverComponent,
} from './model.js';

export interface LoadCollectorConfigOptions {
  readonly env: Env;
  /** A dotenv file whose variables win over `env`, for configs written for a different shell. */
  readonly envFile?: string | undefined;
  /** The name messages and outputs use for the file (e.g. the path as the user typed it); default `file`. */
  readonly displayName?: string | undefined;
}

export async function loadCollectorConfig(file: string, options: LoadCollectorConfigOptions): Promise<CollectorConfig> {
  const name = options.displayName ?? file;
  const text = await readTextFile(file, 'collector config').catch((error: unknown) => {
    throw error instanceof InputError ? new InputError(error.message, { location: { file: name }, ...(error.fix ? { fix: error.fix } : {}) }) : error;
  });
  const env = options.envFile === undefined ? options.env : { ...options.env, ...(await loadEnvFile(resolve(options.envFile))) };
  return parseCollectorConfig(text, name, env);
}

const SECTIONS: readonly ComponentKind[] = ['receivers', 'processors', 'exporters', 'connectors', 'extensions'];

/** The same as `loadCollectorConfig` for text already in memory (`file` is only used in messages). */
export function parseCollectorConfig(text: string, file: string, env: Env): CollectorConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const depthError = yamlDepthError(document, lineCounter, file);
  if (depthError) throw depthError;
  const syntaxError = document.errors[0];
  if (syntaxError) {
    const position = syntaxError.linePos?.[0] ?? lineCounter.linePos(Math.min(syntaxError.pos[0], text.length));
    throw new InputError(`invalid YAML: ${syntaxError.message.split('\n')[0]}`, {
      location: { file, line: position.line, column: position.col },
      fix: 'fix the YAML syntax at that position',
    });
  }
  const locator = new Locator(file, document, lineCounter);
  const warnings: ConfigWarning[] = [];
  const reader = new SettingsReader(locator, warnings);
  const top = reader.map(expandTree(boundedYamlToJS(document, lineCounter, file), [], env, locator), []);
  reader.checkKeys(top, [...SECTIONS, 'service'], [], 'top-level');

  const receivers = new Map<string, ReceiverComponent>();
  const processors = new Map<string, ProcessorComponent>();
  const exporters = new Map<string, ExporterComponent>();
  const extensions = new Map<string, ComponentBase>();
  for (const kind of SECTIONS) {
    for (const [id, value] of Object.entries(reader.map(top[kind], [kind]))) {
      const base = componentBase(kind, id, reader.map(value, [kind, id]), locator);
      const path = [kind, id];
      if (kind === 'receivers') {
        receivers.set(id, base.type === 'prometheus' ? { ...base, prometheus: readPrometheusReceiver(reader, base.raw, path) } : base);
      } else if (kind === 'processors') {
        const model = readProcessor(base.type, reader, base.raw, path);
        processors.set(id, model ? { ...base, model } : base);
      } else if (kind === 'exporters') {
        exporters.set(id, exporterComponent(base, reader, path));
      } else if (kind === 'extensions') {
        extensions.set(id, base);
      }
    }
  }
  const defined: Record<string, ReadonlyMap<string, unknown>> = {
    receivers,
    processors,
    exporters,
    connectors: new Map(Object.entries(reader.map(top.connectors, ['connectors']))),
  };
  const pipelines = readPipelines(reader, top, defined);
  const serviceExtensions = reader.strings(reader.map(top.service, ['service']), 'extensions', ['service']);
  const notModelled = findNotModelled(pipelines, receivers, processors, exporters);
  return { file, document, lineCounter, receivers, processors, exporters, extensions, serviceExtensions, pipelines, warnings, notModelled };
}

function exporterComponent(base: ComponentBase, reader: SettingsReader, path: YamlPath): ExporterComponent {
  if (base.type === 'awsemf') return { ...base, awsemf: readAwsEmfExporter(reader, base.raw, path) };
  if ((OTLP_EXPORTER_TYPES as readonly string[]).includes(base.type)) return { ...base, otlp: readOtlpExporter(base.type, reader, base.raw, path) };
  return base;
}

function componentBase(kind: ComponentKind, id: string, raw: Settings, locator: Locator): ComponentBase {
  const slash = id.indexOf('/');
  return {
    kind,
    id,
    type: slash === -1 ? id : id.slice(0, slash),
    name: slash === -1 ? '' : id.slice(slash + 1),
    location: locator.locate([kind, id]),
    raw,
  };
}

/** Expands variables in every string of the tree; a missing variable is an error at the value's line. */
function expandTree(value: unknown, path: YamlPath, env: Env, locator: Locator): unknown {
  if (typeof value === 'string') {
    try {
      return expandString(value, env);
    } catch (error) {
      if (!(error instanceof MissingVariableError)) throw error;
      throw new InputError(error.message, {
        location: locator.locate(path),
        fix: `export ${error.variable}=... before running cwdash, or pass --env-file FILE with a ${error.variable}= line`,
      });
    }
  }
  if (Array.isArray(value)) return value.map((item, index) => expandTree(item, [...path, index], env, locator));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, expandTree(item, [...path, key], env, locator)]));
  }
  return value;
}

function readPipelines(reader: SettingsReader, top: Settings, defined: Record<string, ReadonlyMap<string, unknown>>): Pipeline[] {
  const service = reader.map(top.service, ['service']);
  reader.checkKeys(service, ['pipelines', 'extensions', 'telemetry'], ['service'], 'service');
  return Object.entries(reader.map(service.pipelines, ['service', 'pipelines'])).map(([id, value]) => {
    const path = ['service', 'pipelines', id];
    const settings = reader.map(value, path);
    reader.checkKeys(settings, ['receivers', 'processors', 'exporters'], path, 'pipeline');
    const lists = {
      receivers: reader.strings(settings, 'receivers', path),
      processors: reader.strings(settings, 'processors', path),
      exporters: reader.strings(settings, 'exporters', path),
    };
    for (const [kind, ids] of Object.entries(lists)) {
      ids.forEach((componentId, index) => {
        const known = defined[kind]!.has(componentId) || (kind !== 'processors' && defined.connectors!.has(componentId));
        if (!known) {
          throw new InputError(`pipeline "${id}" references ${kind.slice(0, -1)} "${componentId}", which is not configured`, {
            location: reader.locate([...path, kind, index]),
            fix: `define "${componentId}" under ${kind}:, or remove it from the pipeline`,
          });
        }
      });
    }
    return { id, signal: id.split('/')[0]!, ...lists, location: reader.locate(path) };
  });
}

function findNotModelled(
  pipelines: readonly Pipeline[],
  receivers: ReadonlyMap<string, ReceiverComponent>,
  processors: ReadonlyMap<string, ProcessorComponent>,
  exporters: ReadonlyMap<string, ExporterComponent>,
): NotModelled[] {
  const found = new Map<string, NotModelled>();
  const add = (component: ComponentBase | undefined, reason: string) => {
    if (component && !found.has(`${component.kind}:${component.id}`)) {
      found.set(`${component.kind}:${component.id}`, { component: component.id, kind: component.kind, reason, location: component.location });
    }
  };
  for (const pipeline of pipelines.filter((p) => p.signal === 'metrics')) {
    for (const id of pipeline.receivers) {
      const receiver = receivers.get(id);
      if (receiver && !receiver.prometheus) {
        add(
          receiver,
          receiver.type === 'awscontainerinsightreceiver'
            ? 'Container Insights receiver: pass --cluster-inventory (kubectl get nodes,pods,services -A -o json) to predict its metrics'
            : `receiver type "${receiver.type}": the metrics it produces are not predicted from a scrape`,
        );
      }
    }
    for (const id of pipeline.processors) {
      const processor = processors.get(id);
      if (processor && !processor.model) {
        add(processor, `processor type "${processor.type}": its effect on metrics is not modelled (cwdash models ${MODELLED_PROCESSORS.join(', ')})`);
      }
    }
    for (const id of pipeline.exporters) {
      const exporter = exporters.get(id);
      if (exporter && !exporter.awsemf && !exporter.otlp) add(exporter, `exporter type "${exporter.type}": does not create CloudWatch custom metrics, not counted`);
    }
  }
  return [...found.values()];
}
