#!/usr/bin/env node
// Dispatch's load tool: open-loop case reports with real sessions, board clients on the
// real SignalR hub, and the measurements `./dispatch bench` prints. See bench/README.md.
//
//   node bench/load.mjs warmup  --base URL --password P [--rate 20 --duration 5]
//   node bench/load.mjs rates   --base URL --password P --rates 100,300 --duration 30 --out F
//   node bench/load.mjs fanout  --base URL --password P --clients 2000 --rate 100 --duration 30 --out F
//   node bench/load.mjs faults  --base URL --password P --rate 100 --duration 60 --acks F --out F
//
// Common options: --host-pid PID[,PID] (RSS sampling), --psql CMD (runs `CMD -qtAc SQL`
// against the bench database, for the per-stage timings), --photo-share 0.1.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { Api, photoMaker, pointFor } from './lib/api.mjs';
import { connectBoard, wallNow } from './lib/board.mjs';
import { round, schedule, summarize } from './lib/stats.mjs';

const execFileAsync = promisify(execFile);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const LATE_MS = 20;

// ---------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const [command, ...rest] = argv;
  const opts = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const name = a.slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    const next = rest[i + 1];
    if (next === undefined || next.startsWith('--')) opts[name] = true;
    else {
      opts[name] = next;
      i++;
    }
  }
  return { command, opts };
}

const num = (v, fallback) => (v === undefined ? fallback : Number(v));

// ---------------------------------------------------------------------------------------
// Host memory

class RssSampler {
  constructor(pids) {
    this.pids = pids;
    this.peakMb = 0;
    this.lastMb = 0;
    this.timer = null;
  }
  /** CPU seconds (user + system) the processes have used so far. */
  cpuSeconds() {
    let ticks = 0;
    for (const pid of this.pids) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
      } catch {
        // gone: counts as nothing
      }
    }
    return ticks / 100; // USER_HZ
  }
  static read(pid) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  }
  sample() {
    const mb = this.pids.reduce((sum, pid) => sum + RssSampler.read(pid), 0);
    this.lastMb = mb;
    if (mb > this.peakMb) this.peakMb = mb;
    return mb;
  }
  start() {
    if (this.pids.length === 0) return this;
    this.sample();
    this.timer = setInterval(() => this.sample(), 250);
    this.timer.unref();
    return this;
  }
  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

// ---------------------------------------------------------------------------------------
// Set-up shared by every command

async function prepare(opts) {
  if (!opts.base) throw new Error('--base is required');
  if (!opts.password) throw new Error('--password is required (the demo password)');
  const api = new Api(opts.base, { connections: num(opts.connections, 128) });
  const reporters = String(opts.reporters ?? 'patroller1,patroller2').split(',');
  const sessions = [];
  for (const user of reporters) sessions.push(await api.login(user, opts.password));
  const categories = await api.getJson('/api/categories', sessions[0]);
  const wanted = String(opts.categories ?? '0505,0102').split(',');
  const picked = wanted.map((code) => {
    const c = categories.find((x) => x.kind === 'event' && x.code === code);
    if (!c) throw new Error(`no event category ${code} in /api/categories`);
    return c.id;
  });
  const runId = opts.runId ?? new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return {
    api,
    sessions,
    categories: picked,
    runId,
    photo: photoMaker(),
    photoEvery: opts.photoShare === undefined ? 10 : Number(opts.photoShare) > 0 ? Math.round(1 / Number(opts.photoShare)) : 0,
    hostPids: String(opts.hostPid ?? '').split(',').filter(Boolean).map(Number),
  };
}

// ---------------------------------------------------------------------------------------
// One open-loop step: `rate` reports per second for `durationMs`, each sent when due
// whether or not earlier ones were answered.

async function runStep(ctx, { rate, durationMs, tag, retryUntilMs = 0, maxInFlight = 20_000 }) {
  const plan = schedule(rate, durationMs);
  const records = new Array(plan.total);
  let inFlight = 0;
  let dropped = 0;
  const pending = new Set();
  const start = wallNow() + 20;

  const attempt = (rec) => {
    inFlight++;
    rec.attempts++;
    const p = ctx.api
      .report({
        cookie: ctx.sessions[rec.seq % ctx.sessions.length],
        key: rec.key,
        categoryId: ctx.categories[rec.seq % ctx.categories.length],
        ...pointFor(rec.seq),
        description: rec.description,
        photo: ctx.photoEvery > 0 && rec.seq % ctx.photoEvery === 3 ? ctx.photo(rec.key) : undefined,
      })
      .then(
        (res) => {
          rec.status = res.status;
          if (res.status === 201) {
            rec.ackAt = wallNow();
            rec.id = res.body.id;
            rec.number = res.body.number;
            rec.replayed = res.replayed;
          } else {
            rec.error = typeof res.body === 'string' ? res.body.slice(0, 200) : JSON.stringify(res.body)?.slice(0, 200);
          }
        },
        (err) => {
          rec.status = 0;
          rec.error = String(err.code ?? err.message);
        },
      )
      .finally(() => {
        inFlight--;
        pending.delete(p);
        // A client that retries (fault mode) sends the same key again, like the mobile page.
        if (rec.status !== 201 && (rec.status === 0 || rec.status >= 500) && wallNow() < start + retryUntilMs) {
          const again = sleep(500).then(() => attempt(rec));
          pending.add(again);
          again.finally(() => pending.delete(again));
        }
      });
    pending.add(p);
  };

  let next = 0;
  while (next < plan.total) {
    const now = wallNow();
    const due = plan.dueBy(now - start);
    while (next < due) {
      const seq = next++;
      const rec = {
        seq,
        due: start + plan.offsetMs(seq),
        sent: wallNow(),
        key: `${ctx.runId}-${tag}-${seq}`,
        description: `bench ${ctx.runId} ${tag} #${seq}`,
        attempts: 0,
        status: null,
      };
      records[seq] = rec;
      if (inFlight >= maxInFlight) {
        rec.status = -1; // the generator refused to pile up more; counted as failed
        dropped++;
        continue;
      }
      attempt(rec);
    }
    if (next >= plan.total) break;
    const wait = start + plan.offsetMs(next) - wallNow();
    await (wait > 1.5 ? sleep(Math.min(wait - 0.5, 5)) : new Promise((r) => setImmediate(r)));
  }
  const sentEnd = wallNow();
  while (pending.size > 0) await Promise.allSettled([...pending]);
  return { records, start, sentEnd, durationMs, rate, tag, dropped };
}

function submitFigures(step) {
  const { records, start, durationMs, rate } = step;
  const accepted = records.filter((r) => r.status === 201);
  const lastAck = accepted.reduce((m, r) => Math.max(m, r.ackAt), start);
  const errors = {};
  for (const r of records) {
    if (r.status !== 201) {
      const k = r.status === -1 ? 'dropped' : r.status === 0 ? `network:${r.error}` : `http:${r.status}`;
      errors[k] = (errors[k] ?? 0) + 1;
    }
  }
  const submit = summarize(accepted.map((r) => r.ackAt - r.due));
  return {
    rate,
    durationSeconds: durationMs / 1000,
    scheduled: records.length,
    late: records.filter((r) => r.sent - r.due > LATE_MS).length,
    accepted: accepted.length,
    failed: records.length - accepted.length,
    errors,
    acceptedPerSecond: round(accepted.length / (Math.max(lastAck - start, durationMs) / 1000)),
    submitP50Ms: submit.p50,
    submitP95Ms: submit.p95,
    submitP99Ms: submit.p99,
    submitMaxMs: submit.max,
  };
}

// Per-stage timings from the database: when the case was stored (reported_at), accepted by
// intake, dispatched by routing, and how long outbox rows waited for the relay.
async function stageFigures(opts, ctx, step, pushes) {
  if (!opts.psql) return null;
  const like = `bench ${ctx.runId} ${step.tag} #%`;
  const sql = `
    SELECT c.number,
           extract(epoch FROM c.reported_at) * 1000,
           (SELECT extract(epoch FROM min(t.at)) * 1000 FROM case_traces t WHERE t.case_id = c.id AND t.action = 'accept'),
           (SELECT extract(epoch FROM min(t.at)) * 1000 FROM case_traces t WHERE t.case_id = c.id AND t.action = 'dispatch')
      FROM cases c WHERE c.description LIKE '${like}'`;
  const relaySql = `
    SELECT extract(epoch FROM (sent_at - created_at)) * 1000, extract(epoch FROM sent_at) * 1000 FROM outbox_messages
     WHERE created_at >= to_timestamp(${step.start / 1000}) AND created_at < to_timestamp(${(step.sentEnd + 1000) / 1000})
       AND sent_at IS NOT NULL`;
  try {
    const [cases, relay] = await Promise.all([psql(opts.psql, sql), psql(opts.psql, relaySql)]);
    const dueByNumber = new Map(step.records.filter((r) => r.number).map((r) => [r.number, r]));
    const stored = [], intake = [], routing = [], push = [];
    for (const line of cases) {
      const [number, reported, accepted, dispatched] = line.split('|');
      const rec = dueByNumber.get(number);
      if (rec) stored.push(Number(reported) - rec.due);
      if (accepted) intake.push(Number(accepted) - Number(reported));
      if (accepted && dispatched) routing.push(Number(dispatched) - Number(accepted));
      const got = pushes?.get(number);
      if (dispatched && got) push.push(got - Number(dispatched));
    }
    const waits = relay.map((l) => Number(l.split('|')[0]));
    const sentAt = relay.map((l) => Number(l.split('|')[1]));
    const relaySpan = sentAt.length > 1 ? (Math.max(...sentAt) - Math.min(...sentAt)) / 1000 : 0;
    return {
      submitToStoredMs: summarize(stored),
      storedToAcceptedMs: summarize(intake),
      acceptedToDispatchedMs: summarize(routing),
      dispatchedToPushMs: summarize(push),
      outboxWaitMs: summarize(waits),
      outboxRows: waits.length,
      // Rows the relay marked sent per second while it had this step's rows to publish.
      outboxRelayedPerSecond: relaySpan > 0 ? round(waits.length / relaySpan) : null,
      outboxRowsPerCase: cases.length ? round(waits.length / cases.length, 2) : null,
    };
  } catch (e) {
    return { error: String(e.message).slice(0, 300) };
  }
}

/** Waits (at most capMs) until no outbox row is unsent and no case is still in intake or routing. */
async function waitIdle(opts, capMs) {
  const deadline = wallNow() + capMs;
  do {
    await sleep(1000);
    if (!opts.psql) return;
    const [backlog] = await psql(opts.psql, `SELECT (SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL)
      + (SELECT count(*) FROM cases WHERE state IN ('Reported', 'ToFile', 'ToDispatch'))`).catch(() => ['0']);
    if (Number(backlog) === 0) return;
  } while (wallNow() < deadline);
}

async function psql(command, sql) {
  const { stdout } = await execFileAsync(command, ['-qtAc', sql], { maxBuffer: 256 * 1024 * 1024 });
  return stdout.split('\n').filter(Boolean);
}

// ---------------------------------------------------------------------------------------
// The dispatched push, as a department board sees it

async function departmentObserver(opts, ctx) {
  const pushes = new Map(); // number -> first time the Dispatched push arrived
  const observerUser = opts.observer ?? 'dispatcher1';
  const cookie = await ctx.api.login(observerUser, opts.password);
  const departments = String(opts.departments ?? 'xs-traffic,xs-sanitation').split(',');
  const connection = await connectBoard({
    baseUrl: ctx.api.baseUrl,
    cookie,
    joins: departments.map((d) => ['JoinDepartment', d]),
    onChanged: (summary, at) => {
      if (summary.state === 'Dispatched' && !pushes.has(summary.number)) pushes.set(summary.number, at);
    },
  });
  return { pushes, stop: () => connection.stop() };
}

async function waitForPushes(step, pushes, drainMs) {
  const deadline = wallNow() + drainMs;
  const numbers = step.records.filter((r) => r.number).map((r) => r.number);
  while (wallNow() < deadline) {
    if (numbers.every((n) => pushes.has(n))) return true;
    await sleep(100);
  }
  return false;
}

function e2eFigures(step, pushes) {
  const accepted = step.records.filter((r) => r.number);
  const latencies = accepted.map((r) => (pushes.has(r.number) ? pushes.get(r.number) - r.due : Infinity));
  const got = accepted.filter((r) => pushes.has(r.number));
  const lastPush = got.reduce((m, r) => Math.max(m, pushes.get(r.number)), step.start);
  const e2e = summarize(latencies);
  return {
    dispatched: got.length,
    missingPushes: accepted.length - got.length,
    dispatchedPerSecond: round(got.length / (Math.max(lastPush - step.start, step.durationMs) / 1000)),
    e2eP50Ms: finiteOrNull(e2e.p50),
    e2eP95Ms: finiteOrNull(e2e.p95),
    e2eP99Ms: finiteOrNull(e2e.p99),
    e2eMaxMs: finiteOrNull(e2e.max),
  };
}

const finiteOrNull = (v) => (v === null || !Number.isFinite(v) ? null : v);

// ---------------------------------------------------------------------------------------
// Commands

async function cmdWarmup(opts) {
  const ctx = await prepare(opts);
  const observer = await departmentObserver(opts, ctx);
  const step = await runStep(ctx, { rate: num(opts.rate, 20), durationMs: num(opts.duration, 5) * 1000, tag: 'warmup' });
  await waitForPushes(step, observer.pushes, 30_000);
  const figures = { ...submitFigures(step), ...e2eFigures(step, observer.pushes) };
  await observer.stop();
  await ctx.api.close();
  console.log(`warm-up: ${figures.accepted}/${figures.scheduled} accepted, ${figures.dispatched} dispatched`);
  if (figures.dispatched === 0) throw new Error('warm-up: no case reached a department board');
}

async function cmdRates(opts) {
  const ctx = await prepare(opts);
  const rates = String(opts.rates ?? '100,300,1000,3000').split(',').map(Number);
  const durationMs = num(opts.duration, 30) * 1000;
  const drainMs = num(opts.drain, 15) * 1000;
  const rss = new RssSampler(ctx.hostPids).start();
  const observer = await departmentObserver(opts, ctx);
  const steps = [];
  let saturated = false;
  for (const rate of rates) {
    if (saturated) {
      steps.push({ rate, skipped: true, reason: 'a lower rate already saturated the pipeline' });
      console.log(`rate ${rate}/s: skipped (a lower rate saturated the pipeline)`);
      continue;
    }
    const cpuBefore = rss.cpuSeconds();
    const step = await runStep(ctx, { rate, durationMs, tag: `r${rate}` });
    const cpuDuring = rss.cpuSeconds() - cpuBefore;
    await waitForPushes(step, observer.pushes, drainMs);
    const figures = { ...submitFigures(step), ...e2eFigures(step, observer.pushes) };
    figures.stages = await stageFigures(opts, ctx, step, observer.pushes);
    figures.hostRssMb = round(rss.lastMb);
    // Share of one core the host used while the step was sending: a host that idles while
    // work piles up is waiting on something (a disk, a broker), not computing.
    figures.hostCpuPercentOfOneCore = ctx.hostPids.length ? round((100 * cpuDuring) / ((step.sentEnd - step.start) / 1000)) : null;
    steps.push(figures);
    console.log(
      `rate ${rate}/s: accepted ${figures.acceptedPerSecond}/s, dispatched ${figures.dispatchedPerSecond}/s, ` +
        `submit p99 ${figures.submitP99Ms} ms, e2e p50/p99 ${figures.e2eP50Ms}/${figures.e2eP99Ms ?? 'lost'} ms` +
        (figures.failed ? `, failed ${figures.failed} ${JSON.stringify(figures.errors)}` : '') +
        (figures.missingPushes ? `, no push for ${figures.missingPushes}` : ''),
    );
    // A step that could not even keep up leaves a backlog that would spoil the next one.
    if (figures.dispatched < 0.8 * figures.scheduled) saturated = true;
    else await waitIdle(opts, drainMs);
  }
  rss.stop();
  await observer.stop();
  await ctx.api.close();
  writeJson(opts.out, { runId: ctx.runId, rates: steps, peakRssMb: round(rss.peakMb) });
}

async function cmdFanout(opts) {
  const ctx = await prepare(opts);
  const total = num(opts.clients, 2000);
  const commandShare = num(opts.commandShare, 0.05);
  const rss = new RssSampler(ctx.hostPids).start();
  const rssBeforeMb = rss.sample();

  const departments = (await ctx.api.getJson('/api/departments', ctx.sessions[0])).map((d) => d.key);
  const commandUsers = ['leader1', 'dispatcher1'];
  const cookies = new Map();
  for (const user of [...commandUsers, ...departments.map((k) => `handler.${k}`)])
    cookies.set(user, await ctx.api.login(user, opts.password));

  // Command-centre screens first, then handler screens spread over every department.
  const commandCount = Math.round(total * commandShare);
  const plan = [];
  for (let i = 0; i < total; i++) {
    if (i < commandCount) plan.push({ user: commandUsers[i % commandUsers.length], group: 'command', joins: [['JoinCommandCentre']] });
    else {
      const key = departments[(i - commandCount) % departments.length];
      plan.push({ user: `handler.${key}`, group: key, joins: [['JoinDepartment', key]] });
    }
  }
  const groupSize = new Map();
  for (const p of plan) groupSize.set(p.group, (groupSize.get(p.group) ?? 0) + 1);

  const receipts = []; // [number, receivedAt] of Dispatched pushes, one per client that got it
  const departmentOf = new Map(); // number -> department the push named
  const connections = [];
  let connectFailures = 0;
  let closedEarly = 0;
  const connectStart = wallNow();
  const concurrency = num(opts.connectConcurrency, 25);
  for (let i = 0; i < plan.length; i += concurrency) {
    const batch = plan.slice(i, i + concurrency);
    const made = await Promise.allSettled(
      batch.map((p) =>
        connectBoard({
          baseUrl: ctx.api.baseUrl,
          cookie: cookies.get(p.user),
          joins: p.joins,
          onChanged: (summary, at) => {
            if (summary.state === 'Dispatched') {
              receipts.push([summary.number, at]);
              departmentOf.set(summary.number, summary.departmentKey);
            }
          },
          onClose: () => closedEarly++,
        }),
      ),
    );
    for (const m of made) {
      if (m.status === 'fulfilled') connections.push(m.value);
      else {
        connectFailures++;
        if (connectFailures <= 3) console.error(`fan-out: a client failed to connect: ${m.reason?.message ?? m.reason}`);
      }
    }
  }
  const connectSeconds = (wallNow() - connectStart) / 1000;
  await sleep(2000);
  const rssConnectedMb = rss.sample();
  console.log(`fan-out: ${connections.length}/${total} clients connected in ${round(connectSeconds)} s; host RSS ${round(rssConnectedMb)} MB`);

  const rate = num(opts.rate, 100);
  const step = await runStep(ctx, { rate, durationMs: num(opts.duration, 30) * 1000, tag: 'fanout' });
  // Every connected client of the case's department and of the command centre should get
  // its Dispatched push; the department is learnt from the pushes themselves.
  const accepted = step.records.filter((r) => r.number);
  const share = connections.length / total;
  const expectedReceipts = () => {
    const byCategory = new Map();
    for (const r of accepted) {
      const d = departmentOf.get(r.number);
      if (d) byCategory.set(r.seq % ctx.categories.length, d);
    }
    let sum = 0;
    for (const r of accepted) {
      const d = departmentOf.get(r.number) ?? byCategory.get(r.seq % ctx.categories.length);
      sum += ((groupSize.get(d) ?? 0) + commandCount) * share;
    }
    return Math.round(sum);
  };
  const drainDeadline = wallNow() + num(opts.drain, 15) * 1000;
  while (wallNow() < drainDeadline && receipts.length < expectedReceipts()) await sleep(250);
  // Categories whose department no push named (nothing arrived): ask the case itself.
  for (let k = 0; k < ctx.categories.length; k++) {
    const sample = accepted.find((r) => r.seq % ctx.categories.length === k);
    if (!sample || departmentOf.has(sample.number)) continue;
    const dto = await ctx.api.getJson(`/api/cases/${sample.id}`, ctx.sessions[sample.seq % ctx.sessions.length]).catch(() => null);
    if (dto?.department?.key) departmentOf.set(sample.number, dto.department.key);
  }
  const expected = expectedReceipts();

  const byNumber = new Map(accepted.map((r) => [r.number, r]));
  const latencies = [];
  const firstLast = new Map();
  for (const [number, at] of receipts) {
    const rec = byNumber.get(number);
    if (!rec) continue;
    latencies.push(at - rec.due);
    const fl = firstLast.get(number) ?? [at, at];
    firstLast.set(number, [Math.min(fl[0], at), Math.max(fl[1], at)]);
  }
  const missing = Math.max(0, Math.round(expected) - latencies.length);
  for (let i = 0; i < missing; i++) latencies.push(Infinity);
  const push = summarize(latencies);
  const spread = summarize([...firstLast.values()].map(([a, b]) => b - a));
  // The board path alone: from the dispatch (its trace row) to each client's receipt. Unlike
  // submit → push, this does not grow with a backlog further up the pipeline.
  let fromDispatch = null;
  if (opts.psql) {
    try {
      const rows = await psql(opts.psql, `
        SELECT c.number, extract(epoch FROM t.at) * 1000 FROM cases c
          JOIN case_traces t ON t.case_id = c.id AND t.action = 'dispatch'
         WHERE c.description LIKE 'bench ${ctx.runId} fanout #%'`);
      const dispatchedAt = new Map(rows.map((l) => l.split('|')).map(([n, at]) => [n, Number(at)]));
      fromDispatch = summarize(receipts.filter(([n]) => dispatchedAt.has(n)).map(([n, at]) => at - dispatchedAt.get(n)));
    } catch (e) {
      console.error(`fan-out: no dispatch times: ${e.message}`);
    }
  }
  rss.stop();
  const result = {
    clients: total,
    connected: connections.length,
    connectFailures,
    disconnectedDuringRun: closedEarly,
    commandCentreClients: commandCount,
    departmentClients: total - commandCount,
    connectSeconds: round(connectSeconds),
    rate,
    ...submitFigures(step),
    pushesReceived: latencies.length - missing,
    pushesExpected: Math.round(expected),
    pushesMissing: missing,
    pushP50Ms: finiteOrNull(push.p50),
    pushP95Ms: finiteOrNull(push.p95),
    pushP99Ms: finiteOrNull(push.p99),
    pushFromDispatchP50Ms: fromDispatch?.p50 ?? null,
    pushFromDispatchP99Ms: fromDispatch?.p99 ?? null,
    fanoutSpreadP50Ms: spread.p50,
    fanoutSpreadP99Ms: spread.p99,
    hostRssBeforeMb: round(rssBeforeMb),
    hostRssConnectedMb: round(rssConnectedMb),
    hostRssPeakMb: round(rss.peakMb),
  };
  console.log(
    `fan-out: ${result.pushesReceived}/${result.pushesExpected} pushes, push p50/p99 ${result.pushP50Ms}/${result.pushP99Ms ?? 'lost'} ms, ` +
      `host RSS peak ${result.hostRssPeakMb} MB`,
  );
  for (let i = 0; i < connections.length; i += 100)
    await Promise.allSettled(connections.slice(i, i + 100).map((c) => c.stop()));
  await ctx.api.close();
  writeJson(opts.out, result);
}

async function cmdFaults(opts) {
  const ctx = await prepare(opts);
  const durationMs = num(opts.duration, 60) * 1000;
  const step = await runStep(ctx, {
    rate: num(opts.rate, 100),
    durationMs,
    tag: 'faults',
    retryUntilMs: durationMs + num(opts.retryFor, 45) * 1000,
  });
  const figures = submitFigures(step);
  const acked = step.records.filter((r) => r.status === 201);
  if (opts.acks) writeFileSync(opts.acks, acked.map((r) => `${r.id}\t${r.number}\t${r.seq}\n`).join(''));
  const result = {
    runId: ctx.runId,
    ...figures,
    acknowledged: acked.length,
    retried: step.records.filter((r) => r.attempts > 1).length,
    replayed: acked.filter((r) => r.replayed).length,
    neverAcknowledged: step.records.length - acked.length,
  };
  console.log(
    `faults load: ${result.scheduled} sent, ${result.acknowledged} acknowledged (${result.retried} retried, ` +
      `${result.replayed} answered by an idempotent replay), ${result.neverAcknowledged} never acknowledged`,
  );
  await ctx.api.close();
  writeJson(opts.out, result);
}

function writeJson(path, value) {
  const text = JSON.stringify(value, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
  if (path) writeFileSync(path, text);
  else process.stdout.write(text);
}

const { command, opts } = parseArgs(process.argv.slice(2));
const commands = { warmup: cmdWarmup, rates: cmdRates, fanout: cmdFanout, faults: cmdFaults };
if (!commands[command]) {
  console.error('usage: node bench/load.mjs warmup|rates|fanout|faults --base URL --password P [options]');
  process.exit(2);
}
commands[command](opts).then(
  () => process.exit(0),
  (e) => {
    console.error(`load: ${e.stack ?? e}`);
    process.exit(1);
  },
);
