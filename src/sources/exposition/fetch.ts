/**
 * `--scrape-url`: fetch a /metrics page the way Prometheus does (same Accept header) and choose the grammar from the
 * response's Content-Type only (docs/sources.md#exposition). The body is streamed, never buffered whole.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { InputError } from '../../shared/errors.js';
import { parseScrape, type Scrape, type ScrapeLimits } from './scrape.js';
import type { ExpositionFormat } from './read.js';

const ACCEPT = 'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1';

export function formatForContentType(contentType: string | null): ExpositionFormat {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/openmetrics-text' ? 'openmetrics' : 'text';
}

export async function fetchScrape(url: string, timeoutMs = 30_000, limits: ScrapeLimits = {}): Promise<Scrape> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(`invalid --scrape-url "${url}"`, { fix: 'pass a URL such as http://localhost:3000/metrics' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InputError(`--scrape-url must be http or https, got "${parsed.protocol}"`, { fix: 'pass a URL such as http://localhost:3000/metrics' });
  }
  let response: Response;
  try {
    response = await fetch(parsed, { headers: { Accept: ACCEPT }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new InputError(`cannot fetch ${url}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`, {
      fix: 'check that the app is running and the URL is right',
      cause: error,
    });
  }
  if (!response.ok || response.body === null) {
    throw new InputError(`fetching ${url} returned HTTP ${response.status}`, { fix: 'check the metrics path and that the endpoint serves metrics' });
  }
  const body = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>);
  return parseScrape(body, formatForContentType(response.headers.get('content-type')), url, limits);
}
