// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const frontend = fileURLToPath(new URL('..', import.meta.url));

/** ESLint over all of src with eslint.config.js, as `npm run lint` runs it; slow on a busy machine. */
const LINT_TIMEOUT = 180_000;

function problems(results: ESLint.LintResult[]) {
  return results.flatMap((result) =>
    result.messages.map((message) => `${result.filePath.slice(frontend.length)}:${message.line} ${message.ruleId ?? ''} ${message.message}`),
  );
}

describe('lint', () => {
  it(
    'finds no problem in src',
    async () => {
      const eslint = new ESLint({ cwd: frontend });
      const results = await eslint.lintFiles(['src']);
      expect(problems(results)).toEqual([]);
    },
    LINT_TIMEOUT,
  );

  it(
    'refuses a feature that imports another feature, and shared code that imports a feature',
    async () => {
      const eslint = new ESLint({ cwd: frontend });
      const crossFeature = await eslint.lintText("export { useDraftKey } from '@/features/patrol/hooks/use-draft-key';\n", {
        filePath: `${frontend}src/features/admin/components/example.ts`,
      });
      const sameFeature = await eslint.lintText("export { useDraftKey } from '@/features/patrol/hooks/use-draft-key';\n", {
        filePath: `${frontend}src/features/patrol/components/example.ts`,
      });
      const shared = await eslint.lintText("export { adminKeys } from '@/features/admin/api/query-keys';\n", {
        filePath: `${frontend}src/lib/example.ts`,
      });

      expect(crossFeature[0]!.messages.map((message) => message.ruleId)).toEqual(['no-restricted-imports']);
      expect(sameFeature[0]!.messages).toEqual([]);
      expect(shared[0]!.messages.map((message) => message.ruleId)).toEqual(['no-restricted-imports']);
    },
    LINT_TIMEOUT,
  );
});
