#!/usr/bin/env node
// The ledger's figures for `./dispatch bench` (issue: find any case): over the generated year of
// cases, the p95 of one filtered page (three filters and a text term) and the time of an export of
// N rows with the host's memory during it, each beside a same-run count(*) of the same filter in
// the database, so the ratio survives a noisy machine.
//
//   node bench/ledger.mjs --base URL --password P --psql CMD --host-pid PID --export-rows 100000 --out F
import { readFileSync, writeFileSync } from 'node:fs';
import { Api } from './lib/api.mjs';
import { countStar, parseArgs, psqlRunner } from './lib/cli.mjs';
import { percentile, round } from './lib/stats.mjs';

const opts = parseArgs(process.argv.slice(2));
const pages = Number(opts.pages ?? 40);
const exportRows = Number(opts.exportRows ?? 100000);

const psql = psqlRunner(opts.psql);

function rssKb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

const api = new Api(opts.base, { connections: 4 });
const cookie = await api.login('dispatcher1', opts.password);
const total = Number(await psql('SELECT count(*) FROM cases'));

// 1. A filtered page: three filters (state, source, reported since) and a text term.
const since = new Date(Date.now() - 180 * 86400_000).toISOString();
const term = '井盖破损';
const pageQuery = `state=Closed,Archived&source=patrol&from=${encodeURIComponent(since)}&q=${encodeURIComponent(term)}&limit=50`;
const pageWhere = `state IN ('Closed','Archived') AND source = 'Patrol' AND reported_at >= '${since}'
  AND (description ILIKE '%${term}%' OR number ILIKE '%${term}%' OR caller_name ILIKE '%${term}%' OR caller_phone ILIKE '%${term}%')`;
// The count has no ORDER BY/LIMIT to prefer another index: it shows whether the text term can use the trigram index.
const plan = await psql(`EXPLAIN SELECT count(*) FROM cases WHERE ${pageWhere}`);
for (let i = 0; i < 5; i++) await api.getJson(`/api/cases?${pageQuery}`, cookie);
const times = [];
let firstPage;
for (let i = 0; i < pages; i++) {
  const started = performance.now();
  const page = await api.getJson(`/api/cases?${pageQuery}`, cookie);
  times.push(performance.now() - started);
  firstPage ??= page;
}
const pageCount = await countStar(psql, 'cases', pageWhere);

// 2. An export of the newest `exportRows` cases (one filter: reported since the N-th newest).
const from = await psql(`SELECT to_char(reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') FROM cases ORDER BY reported_at DESC OFFSET ${exportRows - 1} LIMIT 1`);
const exportCount = await countStar(psql, 'cases', `reported_at >= '${from}'`);
const pid = Number(opts.hostPid);
const rssBefore = rssKb(pid);
let rssPeak = rssBefore;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssKb(pid))), 100);
const exportStarted = performance.now();
const res = await api.pool.request({
  path: `/api/cases/export?format=xlsx&from=${encodeURIComponent(from)}`,
  method: 'GET',
  headers: { cookie },
  bodyTimeout: 600_000,
  headersTimeout: 600_000,
});
let bytes = 0;
for await (const chunk of res.body) bytes += chunk.length;
const exportMs = performance.now() - exportStarted;
clearInterval(sampler);
if (res.statusCode !== 200) throw new Error(`export: ${res.statusCode}`);
const rssAfter = rssKb(pid);
await api.close();

const result = {
  cases: total,
  page: {
    query: pageQuery,
    p50Ms: round(percentile(times, 50), 1),
    p95Ms: round(percentile(times, 95), 1),
    rows: firstPage.items.length,
    total: firstPage.total,
    countStarMs: pageCount.ms,
    countStar: pageCount.count,
    trigramIndexUsed: plan.includes('_trgm'),
  },
  export: {
    format: 'xlsx',
    rows: exportCount.count,
    seconds: round(exportMs / 1000, 2),
    bytes,
    hostRssMb: { before: round(rssBefore / 1024, 0), peak: round(rssPeak / 1024, 0), after: round(rssAfter / 1024, 0) },
    countStarMs: exportCount.ms,
  },
};
if (opts.out) writeFileSync(opts.out, JSON.stringify(result, null, 2));
console.log(`    ledger over ${total.toLocaleString('en')} cases`);
console.log(`    filtered page (state, source, since + "${term}"): p95 ${result.page.p95Ms} ms (p50 ${result.page.p50Ms} ms, ${pages} requests; total ${result.page.total}); same-filter count(*) ${result.page.countStarMs} ms = ${result.page.countStar}; trigram index in the count's plan: ${result.page.trigramIndexUsed ? 'yes' : 'NO'}`);
console.log(`    export ${result.export.rows.toLocaleString('en')} rows .xlsx: ${result.export.seconds} s, ${round(bytes / 1048576, 1)} MB; host RSS ${result.export.hostRssMb.before} → peak ${result.export.hostRssMb.peak} → ${result.export.hostRssMb.after} MB; same-filter count(*) ${result.export.countStarMs} ms`);
