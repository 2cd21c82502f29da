#!/usr/bin/env node
/**
 * Writes src/types/api.gen.ts from the host's OpenAPI document (openapi-typescript).
 *
 *   npm run api:types                       # from $DISPATCH_BASE_URL/openapi/v1.json (default http://127.0.0.1:5080)
 *   npm run api:types -- http://host:5080/openapi/v1.json
 *   npm run api:types -- ./v1.json          # from a saved document
 *   npm run api:types -- --check [source]   # exit 1 when the committed file differs
 *
 * The end-to-end suite (tests/e2e/specs/api-types.spec.ts) makes the same comparison against the
 * host it runs on, with the same options and header: change them there too.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const HEADER = '// Generated from the host\'s /openapi/v1.json by `npm run api:types` (openapi-typescript). Do not edit.\n\n';

const target = resolve(dirname(fileURLToPath(import.meta.url)), '../src/types/api.gen.ts');

function defaultSource() {
  const base = (process.env.DISPATCH_BASE_URL ?? 'http://127.0.0.1:5080').replace(/\/+$/, '');
  return `${base}/openapi/v1.json`;
}

async function readDocument(source) {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${source} answered ${response.status} ${response.statusText}`);
    return response.json();
  }
  return JSON.parse(await readFile(resolve(process.cwd(), source), 'utf8'));
}

export async function generate(document) {
  return HEADER + astToString(await openapiTS(document));
}

async function main(args) {
  const check = args.includes('--check');
  const source = args.find((arg) => !arg.startsWith('--')) ?? defaultSource();
  const generated = await generate(await readDocument(source));
  if (check) {
    const committed = await readFile(target, 'utf8').catch(() => '');
    if (committed !== generated) {
      console.error(`src/types/api.gen.ts differs from ${source}: run \`npm run api:types\` and commit the result.`);
      process.exit(1);
    }
    console.log(`src/types/api.gen.ts matches ${source}.`);
    return;
  }
  await writeFile(target, generated);
  console.log(`Wrote src/types/api.gen.ts from ${source}.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
