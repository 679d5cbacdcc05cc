// Preloaded into a CLI process under measurement (`node --import ./bench/support/peak-rss.mjs bin/cwdash.js ...`): at
// exit it writes the process's peak resident set size in KiB to $CWDASH_BENCH_RSS_FILE, so a benchmark measures the
// command exactly as users run it, with nothing of the benchmark's own memory in the figure.
import { writeFileSync } from 'node:fs';

const file = process.env.CWDASH_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
