#!/usr/bin/env node
// The periodic report's figure for `./dispatch bench` (issue: supervise and evaluate): over the
// generated year of cases, the time to generate a quarterly report (league tables of departments
// and streets with rank changes, the city's figures and trend, the texts) and to render it as
// .xlsx and .docx, beside a same-run count(*) of the quarter's cases in the database, so the ratio
// survives a noisy machine. The issue asks for ≤ 10 s over one million cases.
//
//   node bench/evaluation-reports.mjs --base URL --password P --psql CMD [--runs 3] [--out F]
import { writeFileSync } from 'node:fs';
import { Api } from './lib/api.mjs';
import { countStar, parseArgs, psqlRunner } from './lib/cli.mjs';
import { round } from './lib/stats.mjs';

const opts = parseArgs(process.argv.slice(2));
const runs = Number(opts.runs ?? 3);

const psql = psqlRunner(opts.psql);

/** The last quarter that has ended (China time): the one the schedule reports on. */
function lastQuarter() {
  const today = new Date(Date.now() + 8 * 3_600_000);
  let year = today.getUTCFullYear();
  let q = Math.floor(today.getUTCMonth() / 3);
  if (q === 0) {
    year -= 1;
    q = 4;
  }
  const from = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(year, q * 3, 1));
  const to = end.toISOString().slice(0, 10);
  return { code: `${year}-Q${q}`, from, to };
}

const quarter = lastQuarter();
const where = `reported_at >= '${quarter.from}T00:00:00+08:00' AND reported_at < '${quarter.to}T00:00:00+08:00'`;
const { ms: countMs, count: quarterCases } = await countStar(psql, 'cases', where);
const total = Number(await psql('SELECT count(*) FROM cases'));

const api = new Api(opts.base, { connections: 2 });
const cookie = await api.login('leader1', opts.password);

async function timed(path, method, body) {
  const started = performance.now();
  const res = await api.pool.request({
    path,
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    bodyTimeout: 600_000,
    headersTimeout: 600_000,
  });
  const buffer = Buffer.from(await res.body.arrayBuffer());
  const ms = performance.now() - started;
  if (res.statusCode >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${buffer.toString('utf8').slice(0, 300)}`);
  return { ms, buffer };
}

// Each run generates the quarter's draft again (the first creates it): the whole content from the data as it is.
const generate = [];
const xlsx = [];
const docx = [];
let report;
for (let i = 0; i < runs; i++) {
  const made = await timed('/api/evaluation/reports', 'POST', { kind: 'quarter', period: quarter.code });
  generate.push(made.ms);
  report = JSON.parse(made.buffer.toString('utf8'));
  xlsx.push((await timed(`/api/evaluation/reports/${report.report.id}/file.xlsx`, 'GET')).ms);
  docx.push((await timed(`/api/evaluation/reports/${report.report.id}/file.docx`, 'GET')).ms);
}
await api.close();

const best = (xs) => round(Math.min(...xs), 0);
const result = {
  cases: total,
  quarter: quarter.code,
  quarterCases,
  departments: report.content.departments.rows.length,
  streets: report.content.streets.rows.length,
  generateMs: best(generate),
  generateRunsMs: generate.map((x) => round(x, 0)),
  xlsxMs: best(xlsx),
  docxMs: best(docx),
  totalMs: best(generate) + best(xlsx) + best(docx),
  countStarMs: round(countMs, 1),
};
result.ratioToCountStar = round(result.totalMs / Math.max(result.countStarMs, 0.1), 1);
if (opts.out) writeFileSync(opts.out, JSON.stringify(result, null, 2));
console.log(`    quarterly report ${quarter.code} over ${total.toLocaleString('en')} cases (${quarterCases.toLocaleString('en')} reported in the quarter; ${result.departments} departments, ${result.streets} streets)`);
console.log(`    generate ${result.generateMs} ms + .xlsx ${result.xlsxMs} ms + .docx ${result.docxMs} ms = ${result.totalMs} ms (best of ${runs}; target ≤ 10,000 ms); same-run count(*) of the quarter ${result.countStarMs} ms (ratio ${result.ratioToCountStar})`);
