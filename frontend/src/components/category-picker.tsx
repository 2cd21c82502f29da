import { Select } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '@/lib/api-types';
import { localName } from '@/lib/i18n';

export interface CategoryOption {
  value: string;
  label: string;
  kind: Category['kind'];
  code: string;
  search: string;
}

export interface CategoryGroup {
  key: string;
  label: string;
  options: CategoryOption[];
}

/** Pinyin of a Chinese name for search: initials (机动车乱停放 → jdcltf) and the full spelling, run together. */
export type PinyinOf = (text: string) => string[];

/**
 * Groups by kind (部件 / 事件) and major class, in code order; each option is searchable by code,
 * both names and, once the pinyin table has loaded, the pinyin initials and spelling of the name.
 */
export function buildCategoryGroups(
  categories: readonly Category[],
  language: string,
  t: TFunction,
  pinyinOf: PinyinOf | null = null,
): CategoryGroup[] {
  const sorted = [...categories].sort(
    (a, b) => (a.kind === b.kind ? 0 : a.kind === 'component' ? -1 : 1) || a.code.localeCompare(b.code),
  );
  const groups = new Map<string, CategoryGroup>();
  for (const category of sorted) {
    const key = `${category.kind}-${category.majorCode}`;
    let group = groups.get(key);
    if (!group) {
      const major = localName(language, category.majorNameZh, category.majorNameEn);
      group = { key, label: `${t(`category.kind.${category.kind}`)} · ${category.majorCode} ${major}`, options: [] };
      groups.set(key, group);
    }
    const name = localName(language, category.nameZh, category.nameEn);
    group.options.push({
      value: String(category.id),
      label: `${category.code} ${name}`,
      kind: category.kind,
      code: category.code,
      search: [
        category.code,
        category.nameZh,
        category.nameEn,
        category.majorNameZh,
        category.majorNameEn,
        ...(pinyinOf ? pinyinOf(category.nameZh) : []),
      ]
        .join(' ')
        .toLowerCase(),
    });
  }
  return [...groups.values()];
}

export function matchesCategorySearch(input: string, option: { search?: string } | undefined): boolean {
  const words = input.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!option?.search) return false;
  return words.every((word) => option.search!.includes(word));
}

/**
 * The pinyin table is large, so it loads after the form is on screen; until then search works by
 * code and name.
 */
export async function loadPinyin(): Promise<PinyinOf> {
  const { pinyin } = await import('pinyin-pro');
  return (text) => {
    const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('');
    const spelled = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('');
    return [initials, spelled];
  };
}

function usePinyin(): PinyinOf | null {
  const [pinyinOf, setPinyinOf] = useState<PinyinOf | null>(null);
  useEffect(() => {
    let alive = true;
    void loadPinyin().then(
      (loaded) => alive && setPinyinOf(() => loaded),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, []);
  return pinyinOf;
}

export interface CategoryPickerProps {
  categories: readonly Category[];
  loading?: boolean;
  value?: string;
  onChange?: (value: string) => void;
}

export function CategoryPicker({ categories, loading, value, onChange }: CategoryPickerProps) {
  const { t, i18n } = useTranslation();
  const pinyinOf = usePinyin();
  const groups = useMemo(
    () => buildCategoryGroups(categories, i18n.language, t, pinyinOf),
    [categories, i18n.language, t, pinyinOf],
  );
  return (
    <div data-testid="category-select" data-value={value ?? ''}>
      <Select<string>
        value={value}
        onChange={(next) => onChange?.(next)}
        loading={loading}
        placeholder={t('patrol.categoryPlaceholder')}
        showSearch={{ filterOption: (input, option) => matchesCategorySearch(input, option as CategoryOption) }}
        options={groups.map((group) => ({ key: group.key, label: group.label, title: group.label, options: group.options }))}
        style={{ width: '100%' }}
        size="large"
        listHeight={320}
        virtual={false}
        notFoundContent={t('patrol.noCategoryMatch')}
        optionRender={(option) =>
          'code' in option.data ? (
            <span data-testid={`category-option-${option.data.kind}-${option.data.code}`}>{option.label}</span>
          ) : (
            option.label
          )
        }
      />
    </div>
  );
}
