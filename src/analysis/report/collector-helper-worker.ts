/**
 * The worker thread of a collector helper (collector-helper.ts): reads the collector's inputs as the main thread does,
 * then answers its requests in order. A request that fails is answered as failed, with no detail: the main thread then
 * does that work itself, and any error is its own, with its own message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadCollector, predictCollectorOtlpEquivalent } from '../awsemf/collector.js';
import type { HelperJob, HelperReply, HelperRequest } from './collector-helper.js';
import { evaluateCandidate } from './fix-candidates.js';

// The main thread reads the scrape with two threads already: this one reads it in one pass beside them.
const loaded = loadCollector({ ...(workerData as HelperJob), scrapeThreads: 1 });
loaded.catch(() => undefined);

parentPort!.on('message', (request: HelperRequest) => {
  void loaded
    .then((collector) =>
      request.kind === 'otlp-equivalent'
        ? predictCollectorOtlpEquivalent(collector)
        : request.texts.map((text) => evaluateCandidate(collector, text, request.displayName, request.keepKeys)),
    )
    .then(
      (value): HelperReply => ({ id: request.id, value }),
      (): HelperReply => ({ id: request.id, failed: true }),
    )
    .then((reply) => parentPort!.postMessage(reply));
});
