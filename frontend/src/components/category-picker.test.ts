import { describe, expect, it } from 'vitest';
import { buildCategoryGroups, loadPinyin, matchesCategorySearch } from '@/components/category-picker';
import { createI18n } from '@/lib/i18n';
import { aCategory } from '@/testing/category';


const catalogue = [
  aCategory({ id: 'e-0506', code: '0506', nameZh: '非机动车乱停放', nameEn: 'Illegal parking (non-motor vehicle)' }),
  aCategory({ id: 'e-0505' }),
  aCategory({
    id: 'c-0101',
    kind: 'component',
    code: '0101',
    majorCode: '01',
    majorNameZh: '公用设施',
    majorNameEn: 'Public utilities',
    nameZh: '上水井盖',
    nameEn: 'Water-supply manhole cover',
  }),
];

describe('category picker', () => {
  const zh = createI18n('zh-CN');

  it('groups components before events, by major class, in code order', () => {
    const groups = buildCategoryGroups(catalogue, 'zh-CN', zh.t);

    expect(groups.map((group) => group.label)).toEqual(['部件 · 01 公用设施', '事件 · 05 街面秩序']);
    expect(groups[1]!.options.map((option) => option.value)).toEqual(['e-0505', 'e-0506']);
  });

  it('finds a category by code, Chinese name or English name', () => {
    const options = buildCategoryGroups(catalogue, 'zh-CN', zh.t).flatMap((group) => group.options);
    const found = (input: string) => options.filter((option) => matchesCategorySearch(input, option)).map((option) => option.value);

    expect(found('0505')).toEqual(['e-0505']);
    expect(found('井盖')).toEqual(['c-0101']);
    expect(found('manhole')).toEqual(['c-0101']);
    expect(found('parking non-motor')).toEqual(['e-0506']);
    expect(found('街面')).toEqual(['e-0505', 'e-0506']);
  });

  it('finds a category by the pinyin initials or spelling of its Chinese name', async () => {
    const pinyinOf = await loadPinyin();
    const options = buildCategoryGroups(catalogue, 'zh-CN', zh.t, pinyinOf).flatMap((group) => group.options);
    const found = (input: string) => options.filter((option) => matchesCategorySearch(input, option)).map((option) => option.value);

    expect(pinyinOf('机动车乱停放')).toEqual(['jdcltf', 'jidongcheluantingfang']);
    expect(found('ssjg')).toEqual(['c-0101']);
    expect(found('fjdc')).toEqual(['e-0506']);
    expect(found('jdc')).toEqual(['e-0505', 'e-0506']);
    expect(found('jinggai')).toEqual(['c-0101']);
  });
});
