/**
 * The worker thread of a collector helper (collector-helper.ts): reads the collector's config as the main thread does,
 * takes the scrape the main thread parsed, then answers its requests in order. A request that fails is answered as failed, with no detail: the main thread then
 * does that work itself, and any error is its own, with its own message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scrapeFromPart } from '../../sources/exposition/scrape.js';
import { loadCollector, predictCollectorOtlpEquivalent } from '../awsemf/collector.js';
import type { HelperJob, HelperReply, HelperRequest, ScrapeHandOver } from './collector-helper.js';
import { evaluateCandidate } from './fix-candidates.js';

const job = workerData as HelperJob;
let receiveScrape: (scrape: ScrapeHandOver['scrape']) => void = () => undefined;
const handedOver = new Promise<ScrapeHandOver['scrape']>((resolve) => (receiveScrape = resolve));
// The config is read meanwhile; the scrape is the main thread's, rebuilt here. Without one every request fails, and
// the main thread does the work itself.
const loaded = Promise.all([loadCollector({ ...job, scrapeFile: undefined }), handedOver]).then(([collector, scrape]) => {
  if (scrape === undefined) throw new Error('no scrape handed over');
  return { ...collector, scrape: scrapeFromPart(scrape.source, scrape.format, scrape.part) };
});
loaded.catch(() => undefined);

parentPort!.on('message', (message: HelperRequest | ScrapeHandOver) => {
  if (message.kind === 'scrape') {
    receiveScrape(message.scrape);
    return;
  }
  const request = message;
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
