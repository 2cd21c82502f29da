#!/usr/bin/env node
// Turns the raw outputs of one `./dispatch bench` run into the table on the console and
// bench/results/latest.json (plus a dated copy), or, with --faults, the reconciliation
// verdict and bench/results/faults-latest.json. Exits 1 when a fault run lost or doubled work.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { round, sustainedRate } from './lib/stats.mjs';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].slice(2)] = process.argv[i + 1];

const git = (...a) => {
  try {
    return execFileSync('git', a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};

function machine() {
  const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'backend', 'messaging');
  return {
    commit: git('rev-parse', 'HEAD'),
    // Uncommitted changes to the measured code (a shared working tree): say so.
    commitDirty: dirty === null ? null : dirty.length > 0,
    cores: os.cpus().length,
    memoryGb: round(os.totalmem() / 1024 ** 3),
    loadAverageAtEnd: os.loadavg().map((x) => round(x, 2)),
  };
}

function stamp() {
  return new Date().toISOString().slice(0, 19).replace(/:/g, '-');
}

function save(dir, prefix, result) {
  mkdirSync(dir, { recursive: true });
  const text = JSON.stringify(result, null, 2) + '\n';
  const dated = join(dir, `${prefix}${stamp()}.json`);
  writeFileSync(dated, text);
  writeFileSync(join(dir, `${prefix}latest.json`), text);
  return dated;
}

const fmt = (v, digits = 1) => (v === null || v === undefined ? '—' : Number(v).toLocaleString('en-US', { maximumFractionDigits: digits }));
const pad = (s, n) => String(s).padStart(n);

function parsePgbench(text) {
  const tps = /tps = ([\d.]+)/.exec(text);
  const latency = /latency average = ([\d.]+) ms/.exec(text);
  const clients = /number of clients: (\d+)/.exec(text);
  const failed = /number of failed transactions: (\d+)/.exec(text);
  if (!tps) throw new Error('no tps in the pgbench output');
  return {
    casesPerSecond: round(Number(tps[1])),
    latencyAverageMs: latency ? round(Number(latency[1])) : null,
    clients: clients ? Number(clients[1]) : null,
    failed: failed ? Number(failed[1]) : null,
  };
}

function parseWrk(text) {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(text);
  if (!rps) throw new Error('no Requests/sec in the wrk output');
  const ms = (label) => {
    const m = new RegExp(`^\\s+${label}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(text);
    if (!m) return null;
    return round(Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]], 2);
  };
  return { requestsPerSecond: round(Number(rps[1])), p50Ms: ms(50), p99Ms: ms(99) };
}

function fullReport() {
  const db = parsePgbench(readFileSync(args.pgbench, 'utf8'));
  const http = parseWrk(readFileSync(args.wrk, 'utf8'));
  const load = JSON.parse(readFileSync(args.rates, 'utf8'));
  const fanout = JSON.parse(readFileSync(args.fanout, 'utf8'));
  const best = sustainedRate(load.rates);
  const sustained = best ? best.rate : 0;
  const peakRssMb = Math.max(load.peakRssMb ?? 0, fanout.hostRssPeakMb ?? 0);
  const result = {
    generatedAt: new Date().toISOString(),
    quick: args.quick === '1',
    ...machine(),
    sustainedCasesPerSecond: sustained,
    e2eP99MsAtSustained: best ? best.e2eP99Ms : null,
    dbBaselineCasesPerSecond: db.casesPerSecond,
    httpBaselineRequestsPerSecond: http.requestsPerSecond,
    ratioToDbBaseline: db.casesPerSecond > 0 ? round(sustained / db.casesPerSecond, 2) : null,
    ratioToHttpBaseline: http.requestsPerSecond > 0 ? round(sustained / http.requestsPerSecond, 4) : null,
    peakRssMb,
    fanout: {
      clients: fanout.clients,
      connected: fanout.connected,
      commandCentreClients: fanout.commandCentreClients,
      casesPerSecond: fanout.rate,
      pushP50Ms: fanout.pushP50Ms,
      pushP95Ms: fanout.pushP95Ms,
      pushP99Ms: fanout.pushP99Ms,
      pushesReceived: fanout.pushesReceived,
      pushesExpected: fanout.pushesExpected,
      pushFromDispatchP50Ms: fanout.pushFromDispatchP50Ms,
      pushFromDispatchP99Ms: fanout.pushFromDispatchP99Ms,
      fanoutSpreadP99Ms: fanout.fanoutSpreadP99Ms,
      hostRssBeforeMb: fanout.hostRssBeforeMb,
      hostRssConnectedMb: fanout.hostRssConnectedMb,
      hostRssPeakMb: fanout.hostRssPeakMb,
      submitP99Ms: fanout.submitP99Ms,
      failed: fanout.failed,
    },
    rates: load.rates.map((s) =>
      s.skipped
        ? { rate: s.rate, skipped: true, reason: s.reason }
        : {
            rate: s.rate,
            accepted: s.acceptedPerSecond,
            dispatched: s.dispatchedPerSecond,
            submitP50Ms: s.submitP50Ms,
            submitP95Ms: s.submitP95Ms,
            submitP99Ms: s.submitP99Ms,
            e2eP50Ms: s.e2eP50Ms,
            e2eP95Ms: s.e2eP95Ms,
            e2eP99Ms: s.e2eP99Ms,
            scheduled: s.scheduled,
            acceptedCount: s.accepted,
            dispatchedCount: s.dispatched,
            failed: s.failed,
            errors: s.errors,
            late: s.late,
            missingPushes: s.missingPushes,
            hostRssMb: s.hostRssMb,
            hostCpuPercentOfOneCore: s.hostCpuPercentOfOneCore,
            stages: s.stages,
          },
    ),
    baselines: { database: db, http },
    // Where the database spent its time during the rate steps (pg_stat_statements).
    ledger: args.ledger ? JSON.parse(readFileSync(args.ledger, 'utf8')) : null,
    databaseTopStatements: args.statements ? JSON.parse(readFileSync(args.statements, 'utf8') || '[]') : null,
    durationSecondsPerRate: Number(args.duration),
  };
  const dated = save(args.results, '', result);
  printFull(result);
  console.log(`\nWrote ${join(args.results, 'latest.json')} and ${dated}`);
}

function printFull(r) {
  const line = '-'.repeat(100);
  console.log(`\n${line}\nDispatch bench  ${r.generatedAt}  commit ${String(r.commit).slice(0, 10)}${r.commitDirty ? ' (+ uncommitted changes)' : ''}` +
    `  ${r.cores} cores, ${r.memoryGb} GB${r.quick ? '  --quick' : ''}\n${line}`);
  console.log('Baselines, same run:');
  console.log(`  database alone (pgbench, one case's transactions, ${r.baselines.database.clients} clients)  ${pad(fmt(r.dbBaselineCasesPerSecond), 9)} cases/s`);
  console.log(`  HTTP alone (wrk, GET /health/live)                              ${pad(fmt(r.httpBaselineRequestsPerSecond, 0), 9)} requests/s`);
  console.log(`\nPipeline, open loop, ${r.durationSecondsPerRate} s per rate (POST /api/cases → outbox → intake → routing → SignalR push):`);
  console.log('   rate  accepted/s  dispatched/s   submit p50/p95/p99 ms       e2e p50/p95/p99 ms   failed  no push');
  for (const s of r.rates) {
    if (s.skipped) {
      console.log(`${pad(s.rate, 7)}  skipped: ${s.reason}`);
      continue;
    }
    const trio = (a, b, c) => `${fmt(a, 0)}/${fmt(b, 0)}/${fmt(c, 0)}`;
    console.log(
      `${pad(s.rate, 7)}${pad(fmt(s.accepted), 12)}${pad(fmt(s.dispatched), 14)}${pad(trio(s.submitP50Ms, s.submitP95Ms, s.submitP99Ms), 24)}` +
        `${pad(trio(s.e2eP50Ms, s.e2eP95Ms, s.e2eP99Ms), 25)}${pad(s.failed, 9)}${pad(s.missingPushes, 9)}`,
    );
  }
  console.log('\n  where the time goes (p50 / p99 ms, from the trace rows and the outbox):');
  console.log('   rate     submit→stored   stored→accepted  accepted→dispatched  dispatched→push     outbox wait  relayed/s  host CPU');
  for (const s of r.rates) {
    if (s.skipped || !s.stages || s.stages.error) continue;
    const st = s.stages;
    const pair = (x) => `${fmt(x?.p50, 0)} / ${fmt(x?.p99, 0)}`;
    console.log(`${pad(s.rate, 7)}${pad(pair(st.submitToStoredMs), 18)}${pad(pair(st.storedToAcceptedMs), 18)}` +
      `${pad(pair(st.acceptedToDispatchedMs), 21)}${pad(pair(st.dispatchedToPushMs), 17)}${pad(pair(st.outboxWaitMs), 16)}` +
      `${pad(fmt(st.outboxRelayedPerSecond, 0), 11)}${pad(s.hostCpuPercentOfOneCore === null || s.hostCpuPercentOfOneCore === undefined ? '—' : `${fmt(s.hostCpuPercentOfOneCore, 0)} %`, 10)}`);
  }
  const f = r.fanout;
  console.log(`\nBoard fan-out: ${f.connected}/${f.clients} SignalR clients (${f.commandCentreClients} on the command centre, the rest on department boards), ${f.casesPerSecond} cases/s`);
  console.log(`  push (submit → dispatched push at each client) p50 ${fmt(f.pushP50Ms, 0)} ms, p99 ${fmt(f.pushP99Ms, 0)} ms; ` +
    `${fmt(f.pushesReceived, 0)}/${fmt(f.pushesExpected, 0)} pushes`);
  console.log(`  board path alone (dispatch → push at each client) p50 ${fmt(f.pushFromDispatchP50Ms, 0)} ms, p99 ${fmt(f.pushFromDispatchP99Ms, 0)} ms; ` +
    `first → last client p99 ${fmt(f.fanoutSpreadP99Ms, 0)} ms`);
  console.log(`  host RSS ${fmt(f.hostRssBeforeMb, 0)} MB before, ${fmt(f.hostRssConnectedMb, 0)} MB with the clients connected, peak ${fmt(f.hostRssPeakMb, 0)} MB`);
  console.log(`\nSustained (highest rate with e2e p99 < 250 ms, ≥ 99 % dispatched): ${fmt(r.sustainedCasesPerSecond)} cases/s` +
    (r.e2eP99MsAtSustained !== null ? ` (e2e p99 ${fmt(r.e2eP99MsAtSustained, 0)} ms)` : ''));
  console.log(`  ÷ database baseline ${fmt(r.dbBaselineCasesPerSecond)} cases/s = ${fmt(r.ratioToDbBaseline, 2)}`);
  console.log(`  host RSS peak ${fmt(r.peakRssMb, 0)} MB`);
  console.log(line);
}

function faultsReport() {
  const load = JSON.parse(readFileSync(args.faults, 'utf8'));
  const [acknowledged, stored, dispatched, lost, duplicated] = readFileSync(args.reconcile, 'utf8').trim().split(/\s+/).map(Number);
  const result = {
    generatedAt: new Date().toISOString(),
    quick: args.quick === '1',
    ...machine(),
    rate: Number(args.rate),
    durationSeconds: Number(args.duration),
    faults: ['SIGKILL worker + restart', 'RabbitMQ stop + start', 'SIGKILL web node + restart'],
    sent: load.scheduled,
    acknowledged,
    stored,
    dispatched,
    lost,
    duplicated,
    retried: load.retried,
    replayed: load.replayed,
    neverAcknowledged: load.neverAcknowledged,
    submitP50Ms: load.submitP50Ms,
    submitP99Ms: load.submitP99Ms,
    errors: load.errors,
  };
  const dated = save(args.results, 'faults-', result);
  console.log(`\nacknowledged=${acknowledged} stored=${stored} dispatched=${dispatched} lost=${lost} duplicated=${duplicated}`);
  console.log(`(${load.scheduled} sent at ${args.rate}/s; ${load.retried} retried with the same Idempotency-Key, ` +
    `${load.replayed} answered by a replay; ${load.neverAcknowledged} never acknowledged)`);
  console.log(`Wrote ${join(args.results, 'faults-latest.json')} and ${dated}`);
  if (lost !== 0 || duplicated !== 0 || !(acknowledged > 0)) process.exit(1);
}

if (args.faults) faultsReport();
else fullReport();
