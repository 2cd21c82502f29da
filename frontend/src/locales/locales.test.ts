import { describe, expect, it } from 'vitest';
import en from '@/locales/en.json';
import zhCN from '@/locales/zh-CN.json';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function leaves(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return [value];
  return Object.values(value).flatMap(leaves);
}

describe('locale files', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zhCN).sort());
  });

  it('every entry is a non-empty string', () => {
    for (const value of [...leaves(en), ...leaves(zhCN)]) {
      expect(typeof value).toBe('string');
      expect((value as string).trim()).not.toBe('');
    }
  });

  it('the two languages use the same interpolation variables in each entry', () => {
    const variables = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]).sort();
    const enKeys = keysOf(en);
    const lookup = (root: unknown, key: string) =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], root) as string;
    for (const key of enKeys) {
      expect({ key, variables: variables(lookup(zhCN, key)) }).toEqual({ key, variables: variables(lookup(en, key)) });
    }
  });
});
