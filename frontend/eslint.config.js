// ESLint (flat config): TypeScript's recommended rules, the rules of hooks, and the boundaries of
// the layout: a feature never imports another feature, and shared code (lib, components) never
// imports a feature. `npm run lint`; scripts/lint.test.ts runs the same check in the test suite.
import { readdirSync } from 'node:fs';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const featuresDir = new URL('./src/features/', import.meta.url);
const features = readdirSync(featuresDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const importsOf = (name) => [`@/features/${name}`, `@/features/${name}/**`, `**/features/${name}`, `**/features/${name}/**`];

export default defineConfig(
  { ignores: ['dist/**', 'src/types/api.gen.ts'] },
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...features.map((name) => ({
    files: [`src/features/${name}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: features.filter((other) => other !== name).flatMap(importsOf),
              message: `features/${name} may not import another feature: move what both need to src/lib or src/components.`,
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/lib/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}', 'src/testing/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/features/**', '**/features/**'], message: 'Shared code may not import a feature.' }] },
      ],
    },
  },
);
