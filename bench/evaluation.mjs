#!/usr/bin/env node
// The evaluation figures for `./dispatch bench` (issue 13): over the generated year of cases and their evaluation
// facts, the p50/p95 of a quarter's league table for every department and for every street (the API reads the
// quarter and the one before it, for rank changes), each beside a same-run count(*) over the same fact rows, so the
// ratio survives a noisy machine.
//
//   node bench/evaluation.mjs --base URL --password P --psql CMD [--requests 30] --out F
import { writeFileSync } from 'node:fs';
import { Api } from './lib/api.mjs';
import { countStar, parseArgs, psqlRunner } from './lib/cli.mjs';
import { percentile, round } from './lib/stats.mjs';

const opts = parseArgs(process.argv.slice(2));
const requests = Number(opts.requests ?? 30);

const psql = psqlRunner(opts.psql);

// The last full quarter (China time) and the one before it, which the league also reads.
const china = new Date(Date.now() + 8 * 3600_000);
const quarterStartMonth = Math.floor(china.getUTCMonth() / 3) * 3;
const end = new Date(Date.UTC(china.getUTCFullYear(), quarterStartMonth, 1));
const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 3, 1));
const previous = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 6, 1));
const day = (d) => d.toISOString().slice(0, 10);
const instant = (d) => `'${day(d)} 00:00:00+08'`;
const date = day(start);

const api = new Api(opts.base, { connections: 2 });
const cookie = await api.login('leader1', opts.password);
const cases = Number(await psql('SELECT count(*) FROM cases'));
const facts = Number(await psql('SELECT count(*) FROM evaluation_facts'));

async function league(object, column) {
  const url = `/api/evaluation/league?object=${object}&period=quarter&date=${date}`;
  for (let i = 0; i < 3; i++) await api.getJson(url, cookie);
  const times = [];
  let table;
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    table = await api.getJson(url, cookie);
    times.push(performance.now() - started);
  }
  const count = await countStar(psql, 'evaluation_facts', `at >= ${instant(previous)} AND at < ${instant(end)} AND ${column} IS NOT NULL`);
  const p95 = percentile(times, 95);
  return {
    url,
    rows: table.rows.length,
    closed: table.total.counts.closed,
    closeRate: table.total.rates.closeRate,
    p50Ms: round(percentile(times, 50), 1),
    p95Ms: round(p95, 1),
    countStarMs: count.ms,
    factRows: count.count,
    ratio: round(p95 / Math.max(count.ms, 0.1), 1),
  };
}

const departments = await league('department', 'department_key');
const streets = await league('street', 'street_code');
await api.close();

const result = { cases, facts, quarter: { from: day(start), previousFrom: day(previous) }, departments, streets };
if (opts.out) writeFileSync(opts.out, JSON.stringify(result, null, 2));
console.log(`    evaluation over ${cases.toLocaleString('en')} cases, ${facts.toLocaleString('en')} facts; quarter from ${day(start)} (with the one before, for rank changes)`);
for (const [name, r] of [['departments', departments], ['streets', streets]])
  console.log(`    league, all ${name} (${r.rows} rows, closed ${r.closed}, 结案率 ${r.closeRate === null ? '—' : round(r.closeRate * 100, 2) + ' %'}): p95 ${r.p95Ms} ms (p50 ${r.p50Ms} ms, ${requests} requests); same-rows count(*) ${r.countStarMs} ms over ${r.factRows.toLocaleString('en')} facts; ratio ${r.ratio}`);
