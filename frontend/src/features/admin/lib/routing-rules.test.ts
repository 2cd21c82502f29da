import { describe, expect, it } from 'vitest';
import {
  categoryOption,
  formValuesOf,
  hasEnded,
  isOpenEnded,
  ruleRequest,
  sortRules,
  targetLabel,
  targetsFor,
} from '@/features/admin/lib/routing-rules';
import type { Category, RoutingRule } from '@/lib/api-types';
import { createI18n } from '@/lib/i18n';

function aRule(overrides: Partial<RoutingRule> = {}): RoutingRule {
  return {
    id: 'rule-1',
    category: { id: 'cat-0505', kind: 'event', code: '0505', nameZh: '机动车乱停放', nameEn: 'Illegal parking (motor vehicle)' },
    condition: null,
    gridCode: null,
    gridName: null,
    ownerDepartment: null,
    target: 'jurisdiction',
    department: null,
    departmentKind: 'traffic_police',
    priority: 20,
    validFrom: '2026-03-01T00:00:00Z',
    validTo: null,
    inForce: true,
    createdBy: 'system',
    note: null,
    replacesRuleId: null,
    ...overrides,
  };
}

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

describe('rule request', () => {
  it('sends a department rule for a street with only the fields it uses, trimmed', () => {
    expect(
      ruleRequest(
        {
          categoryId: 'cat-0505',
          conditionId: null,
          gridCode: ' 450304002 ',
          ownerDepartmentKey: null,
          target: 'department',
          departmentKey: 'xs-enforcement',
          departmentKind: 'traffic_police',
          priority: 0,
          validFrom: null,
          note: '  南门街道由执法局处理 ',
        },
        'event',
      ),
    ).toEqual({
      categoryId: 'cat-0505',
      gridCode: '450304002',
      target: 'department',
      departmentKey: 'xs-enforcement',
      priority: 0,
      note: '南门街道由执法局处理',
    });
  });

  it('keeps the department kind only for a jurisdiction rule, and the owner only for a component', () => {
    expect(
      ruleRequest(
        { categoryId: 'c', target: 'jurisdiction', departmentKey: 'xs-traffic', departmentKind: 'territory', ownerDepartmentKey: 'gl-water' },
        'event',
      ),
    ).toEqual({ categoryId: 'c', target: 'jurisdiction', departmentKind: 'territory' });
    expect(
      ruleRequest({ categoryId: 'c', target: 'componentOwner', ownerDepartmentKey: 'gl-water', priority: null, validFrom: '2026-04-01T00:30:00.000Z' }, 'component'),
    ).toEqual({ categoryId: 'c', target: 'componentOwner', ownerDepartmentKey: 'gl-water', validFrom: '2026-04-01T00:30:00.000Z' });
  });

  it('refuses to build a request without a category or a target', () => {
    expect(() => ruleRequest({ target: 'department' }, 'event')).toThrow();
    expect(() => ruleRequest({ categoryId: 'c' }, 'event')).toThrow();
  });

  it('starts a change from the rule, with its successor taking effect when saved', () => {
    const rule = aRule({
      condition: { id: 'cond-1', nameZh: '占用人行道或车道', nameEn: 'on a pavement or traffic lane', closingStandardZh: '', closingStandardEn: '' },
      gridCode: '450304002',
      gridName: '南门街道',
      target: 'department',
      department: { key: 'xs-enforcement', nameZh: '象山区城市管理综合执法局', nameEn: 'Xiangshan Urban Management Enforcement Bureau' },
      departmentKind: null,
      priority: 50,
      note: '试行',
    });
    const values = formValuesOf(rule);
    expect(values).toEqual({
      categoryId: 'cat-0505',
      conditionId: 'cond-1',
      gridCode: '450304002',
      ownerDepartmentKey: null,
      target: 'department',
      departmentKey: 'xs-enforcement',
      departmentKind: null,
      priority: 50,
      validFrom: null,
      note: '试行',
    });
    expect(ruleRequest(values, 'event')).toEqual({
      categoryId: 'cat-0505',
      conditionId: 'cond-1',
      gridCode: '450304002',
      target: 'department',
      departmentKey: 'xs-enforcement',
      priority: 50,
      note: '试行',
    });
  });

  it('offers the component owner as a target only for components', () => {
    expect(targetsFor('event')).toEqual(['department', 'jurisdiction']);
    expect(targetsFor('component')).toEqual(['department', 'componentOwner', 'jurisdiction']);
  });
});

describe('target label', () => {
  it('names the department, the owner or the kind of local department, in the UI language', () => {
    const department = aRule({
      target: 'department',
      department: { key: 'xs-enforcement', nameZh: '象山区城市管理综合执法局', nameEn: 'Xiangshan Urban Management Enforcement Bureau' },
      departmentKind: null,
    });
    expect(targetLabel(department, zh, 'zh-CN')).toBe('象山区城市管理综合执法局');
    expect(targetLabel(department, en, 'en')).toBe('Xiangshan Urban Management Enforcement Bureau');
    expect(targetLabel(aRule({ target: 'componentOwner', departmentKind: null }), zh, 'zh-CN')).toBe('部件权属单位');
    expect(targetLabel(aRule(), zh, 'zh-CN')).toBe('属地管辖：交警');
    expect(targetLabel(aRule({ departmentKind: 'territory' }), en, 'en')).toBe('Jurisdiction: Street office (territory)');
  });

  it('shows a department kind it has no name for as it is', () => {
    expect(targetLabel(aRule({ departmentKind: 'new_kind' }), zh, 'zh-CN')).toBe('属地管辖：new_kind');
  });
});

describe('rule lists', () => {
  it('tells an open-ended rule from one that ended or will end', () => {
    const now = Date.parse('2026-03-10T00:00:00Z');
    expect(isOpenEnded(aRule())).toBe(true);
    expect(isOpenEnded(aRule({ validTo: '2026-04-01T00:00:00Z' }))).toBe(false);
    expect(hasEnded(aRule({ validTo: '2026-03-09T00:00:00Z' }), now)).toBe(true);
    expect(hasEnded(aRule({ validTo: '2026-04-01T00:00:00Z' }), now)).toBe(false);
    expect(hasEnded(aRule(), now)).toBe(false);
  });

  it('orders by category, then the more specific grid, then the higher priority', () => {
    const everywhere = aRule({ id: 'everywhere', priority: 20 });
    const street = aRule({ id: 'street', gridCode: '450304002', priority: 0 });
    const community = aRule({ id: 'community', gridCode: '450304002001', priority: -5 });
    const lower = aRule({ id: 'lower', priority: 10 });
    const other = aRule({ id: 'other', category: { ...aRule().category, id: 'cat-0101', code: '0101' } });
    expect(sortRules([lower, everywhere, street, other, community]).map((rule) => rule.id)).toEqual([
      'other',
      'community',
      'street',
      'everywhere',
      'lower',
    ]);
  });

  it('labels a category with code, name and kind, since codes repeat across kinds', () => {
    const category = { id: 'c1', kind: 'component', code: '0101', nameZh: '上水井盖', nameEn: 'Water-supply manhole cover' } as Category;
    expect(categoryOption(category, 'zh-CN', '部件')).toEqual({ value: 'c1', label: '0101 上水井盖 · 部件', testId: 'component-0101' });
  });
});
