// What the single-figure bench scripts (ledger, evaluation, reports) share: `--name value` options, a psql runner,
// and a same-run `count(*)` to put beside each figure so that the ratio survives a noisy machine.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { round } from './stats.mjs';

const execFileAsync = promisify(execFile);

/** `--export-rows 10` → `{ exportRows: '10' }`: every option takes a value. */
export function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    opts[name] = argv[i + 1];
    i++;
  }
  return opts;
}

/** A function running one SQL statement through the psql command given, answering its trimmed output. */
export function psqlRunner(command) {
  return async (sql) => {
    const { stdout } = await execFileAsync(command, ['-qtAc', sql], { maxBuffer: 16 << 20 });
    return stdout.trim();
  };
}

/** Execution time (ms, best of three) and result of `SELECT count(*) FROM <table> WHERE <where>`. */
export async function countStar(psql, table, where) {
  let best = Infinity;
  let count = 0;
  for (let i = 0; i < 3; i++) {
    const plan = JSON.parse(await psql(`EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM ${table} WHERE ${where}`))[0];
    best = Math.min(best, plan['Execution Time']);
    count = Number(await psql(`SELECT count(*) FROM ${table} WHERE ${where}`));
  }
  return { ms: round(best, 1), count };
}
