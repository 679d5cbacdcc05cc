/**
 * The work on one collector that a second thread does while this one predicts its metrics and builds the report: the
 * Classic-vs-OTLP comparison and the fix candidates' predictions. The worker reads the same config itself (reading is
 * deterministic), is handed the scrape this thread parsed (so it predicts from exactly what this thread predicts from),
 * and answers with plain data, so the report is byte for byte the one-thread report. For a small scrape, without the compiled worker (the TypeScript
 * sources, as the tests run them), or when it fails, the same functions run on this thread with the inputs it read.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { compiledWorker } from '../../shared/compiled-worker.js';
import type { OtlpEquivalent } from '../../model/otlp-prediction.js';
import type { ExpositionFormat } from '../../sources/exposition/read.js';
import type { ScrapePart } from '../../sources/exposition/scrape.js';
import { predictCollectorOtlpEquivalent, type AnalyzeCollectorOptions, type LoadedCollector } from '../awsemf/collector.js';
import { evaluateCandidate, type CandidateOutcome } from './fix-candidates.js';

export interface CollectorHelper {
  /** Whether a worker thread does the work (else this thread does, when asked). */
  readonly inWorker: boolean;
  /** What the collector's awsemf data would be over OTLP (asked for at the start, so it is worked on at once). */
  otlpEquivalent(): Promise<OtlpEquivalent | undefined>;
  /** Each candidate config text's outcome, in order. */
  evaluate(texts: readonly string[], displayName: string, keepKeys: readonly string[]): Promise<CandidateOutcome[]>;
  /** Lets the worker go (the collector is done). */
  close(): void;
}

/** The inputs as the worker reads them: the collector options that can cross to another thread. */
export type HelperJob = Omit<AnalyzeCollectorOptions, 'stdin' | 'scrapeUrl'>;

type HelperQuestion =
  | { readonly kind: 'otlp-equivalent' }
  | { readonly kind: 'candidates'; readonly texts: readonly string[]; readonly displayName: string; readonly keepKeys: readonly string[] };

export type HelperRequest = HelperQuestion & { readonly id: number };

/** This thread's parsed scrape, sent once it is read (none when it cannot be handed over: the work stays here). */
export interface ScrapeHandOver {
  readonly kind: 'scrape';
  readonly scrape: { readonly source: string; readonly format: ExpositionFormat; readonly part: ScrapePart } | undefined;
}

export type HelperReply = { readonly id: number; readonly value: unknown } | { readonly id: number; readonly failed: true };

/**
 * Below this a worker costs more than it saves: it starts (some 0.3 s of CPU loading modules) and takes a copy of the
 * scrape, while the work it takes over is about 0.1 s per MB of scrape.
 */
export const HELPER_MIN_SCRAPE_BYTES = 4 * 1024 * 1024;

export function startCollectorHelper(job: HelperJob, loaded: Promise<LoadedCollector>): CollectorHelper {
  const here = inThisThread(loaded);
  const script = scrapeBytes(job) >= HELPER_MIN_SCRAPE_BYTES ? compiledWorker('collector-helper-worker.js', import.meta.url) : undefined;
  return script ? inWorker(script, job, loaded, here) : here;
}

/** Resolves once this thread has nothing else to do: after the work queued now, at its next turn of the event loop. */
function idle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function scrapeBytes(job: HelperJob): number {
  if (job.scrapeFile === undefined || job.scrapeFile === '-') return 0;
  try {
    return statSync(resolve(job.cwd ?? process.cwd(), job.scrapeFile)).size;
  } catch {
    // Unreadable: the main thread's read reports it.
    return 0;
  }
}

function inThisThread(loaded: Promise<LoadedCollector>): CollectorHelper {
  return {
    inWorker: false,
    otlpEquivalent: async () => predictCollectorOtlpEquivalent(await loaded),
    evaluate: async (texts, displayName, keepKeys) => {
      const collector = await loaded;
      return texts.map((text) => evaluateCandidate(collector, text, displayName, keepKeys));
    },
    close: () => undefined,
  };
}

function inWorker(script: URL, job: HelperJob, loaded: Promise<LoadedCollector>, fallback: CollectorHelper): CollectorHelper {
  const worker = new Worker(script, { workerData: job });
  loaded.then(
    (collector) => {
      const part = collector.scrape?.toPart?.();
      const handOver: ScrapeHandOver = { kind: 'scrape', scrape: part && { source: collector.scrape!.source, format: collector.scrape!.format, part } };
      worker.postMessage(handOver, part ? [part.ends.buffer as ArrayBuffer, part.nameIds.buffer as ArrayBuffer, part.values.buffer as ArrayBuffer] : []);
    },
    // This thread's read failed and reports it; the worker is let go with the helper.
    () => undefined,
  );
  const waiting = new Map<number, (reply: HelperReply | undefined) => void>();
  let broken = false;
  // The worker holds the process open only while an answer is awaited: an idle one never keeps cwdash from exiting.
  const holdWhileWaiting = () => (waiting.size > 0 ? worker.ref() : worker.unref());
  const answer = (id: number, reply: HelperReply | undefined) => {
    waiting.get(id)?.(reply);
    waiting.delete(id);
    holdWhileWaiting();
  };
  const fail = () => {
    broken = true;
    for (const id of [...waiting.keys()]) answer(id, undefined);
  };
  worker.on('message', (reply: HelperReply) => answer(reply.id, reply));
  worker.once('error', fail);
  worker.once('exit', fail);
  let nextId = 0;
  const ask = <T>(request: HelperQuestion, here: () => Promise<T>): Promise<T> => {
    if (broken) return here();
    const id = nextId++;
    const reply = new Promise<HelperReply | undefined>((resolve) => waiting.set(id, resolve));
    holdWhileWaiting();
    worker.postMessage({ ...request, id });
    return reply.then((answered) => (answered === undefined || 'failed' in answered ? here() : (answered.value as T)));
  };
  const equivalent = ask({ kind: 'otlp-equivalent' }, () => fallback.otlpEquivalent());
  // Awaited by the analysis; marked handled so a run that fails before then reports its own error, not this one.
  equivalent.catch(() => undefined);
  return {
    inWorker: true,
    otlpEquivalent: () => equivalent,
    evaluate: (texts, displayName, keepKeys) => {
      // The worker takes candidates from the front; this thread, whenever it is idle (waiting for the worker, say),
      // takes them from the back, so the two finish together. Each outcome goes to its candidate's place.
      const outcomes: CandidateOutcome[] = new Array(texts.length);
      let front = 0;
      let back = texts.length;
      const here = (index: number) => fallback.evaluate([texts[index]!], displayName, keepKeys);
      const byWorker = async () => {
        while (front < back) {
          const index = front++;
          outcomes[index] = (await ask({ kind: 'candidates', texts: [texts[index]!], displayName, keepKeys }, () => here(index)))[0]!;
        }
      };
      const byThisThread = async () => {
        for (await idle(); front < back; await idle()) {
          const index = --back;
          outcomes[index] = (await here(index))[0]!;
        }
      };
      return Promise.all([byWorker(), byThisThread()]).then(() => outcomes);
    },
    close: () => {
      worker.removeAllListeners('exit');
      void worker.terminate();
    },
  };
}
