/** Typed answers of the evaluation API, as the contract (docs/api.md) describes them, for the page's tests. */
import type { EvaluationCasesPage, Indicator, LeagueRow, LeagueTable, Period, Trend } from '@/lib/evaluation-types';

export const indicators: Indicator[] = [
  {
    code: 'handleDue',
    kind: 'count',
    nameZh: '应处置数',
    nameEn: 'Due for handling',
    definitionZh: '处置时限在本期到期的案件数',
    definitionEn: 'Cases whose handling deadline falls in the period',
    numerator: null,
    denominator: null,
    placedBy: 'fed-back',
    objectKinds: ['department', 'district', 'street'],
  },
  {
    code: 'handledOnTime',
    kind: 'count',
    nameZh: '按期处置数',
    nameEn: 'Handled on time',
    definitionZh: '在处置时限内处置完成的案件数',
    definitionEn: 'Cases handled within their deadline',
    numerator: null,
    denominator: null,
    placedBy: 'fed-back',
    objectKinds: ['department', 'district', 'street'],
  },
  {
    code: 'onTimeHandleRate',
    kind: 'rate',
    nameZh: '按期处置率',
    nameEn: 'On-time handling rate',
    definitionZh: '按期处置数 ÷ 应处置数',
    definitionEn: 'Handled on time ÷ due for handling',
    numerator: 'handledOnTime',
    denominator: 'handleDue',
    placedBy: 'fed-back / fed-back',
    objectKinds: ['department', 'district', 'street'],
  },
];

export const month: Period = { kind: 'month', from: '2026-11-01', to: '2026-11-30', labelZh: '2026年11月', labelEn: 'November 2026' };
export const previousMonth: Period = { kind: 'month', from: '2026-10-01', to: '2026-10-31', labelZh: '2026年10月', labelEn: 'October 2026' };

export function aRow(overrides: Partial<LeagueRow> & Pick<LeagueRow, 'key' | 'nameZh'>): LeagueRow {
  return {
    nameEn: overrides.nameZh,
    counts: { handleDue: 10, handledOnTime: 8 },
    rates: { onTimeHandleRate: 0.8 },
    score: 80,
    grade: 'good',
    gradeZh: '良好',
    gradeEn: 'Good',
    rank: 1,
    previousRank: 1,
    rankChange: 0,
    hasChildren: false,
    ...overrides,
  };
}

export const departmentLeague: LeagueTable = {
  object: 'department',
  parent: null,
  period: month,
  previous: previousMonth,
  indicators: ['handleDue', 'handledOnTime', 'onTimeHandleRate'],
  rows: [
    aRow({ key: 'xs-traffic', nameZh: '象山交警大队', rank: 1, previousRank: 3, rankChange: 2, score: 95.5, grade: 'excellent', gradeZh: '优秀', gradeEn: 'Excellent', counts: { handleDue: 20, handledOnTime: 19 }, rates: { onTimeHandleRate: 0.95 } }),
    aRow({ key: 'xs-water', nameZh: '象山水务', rank: 2, previousRank: 2, rankChange: 0 }),
    aRow({ key: 'xs-street', nameZh: '象山街道办', rank: 3, previousRank: 1, rankChange: -2, score: 55, grade: 'fail', gradeZh: '不合格', gradeEn: 'Fail', counts: { handleDue: 4, handledOnTime: 0 }, rates: { onTimeHandleRate: 0 } }),
    aRow({ key: 'xs-new', nameZh: '新设部门', rank: 4, previousRank: null, rankChange: null, score: null, grade: null, gradeZh: null, gradeEn: null, counts: { handleDue: 0, handledOnTime: 0 }, rates: { onTimeHandleRate: null } }),
  ],
  total: { counts: { handleDue: 34, handledOnTime: 27 }, rates: { onTimeHandleRate: 27 / 34 } },
};

export const districtLeague: LeagueTable = {
  ...departmentLeague,
  object: 'district',
  rows: [aRow({ key: '450304', nameZh: '象山区', hasChildren: true })],
  total: { counts: { handleDue: 10, handledOnTime: 8 }, rates: { onTimeHandleRate: 0.8 } },
};

export const streetLeague: LeagueTable = {
  ...departmentLeague,
  object: 'street',
  parent: '450304',
  rows: [
    aRow({ key: '450304001', nameZh: '象山街道', hasChildren: true, counts: { handleDue: 6, handledOnTime: 5 } }),
    aRow({ key: '450304002', nameZh: '南门街道', rank: 2, hasChildren: true, counts: { handleDue: 4, handledOnTime: 3 } }),
  ],
  total: { counts: { handleDue: 10, handledOnTime: 8 }, rates: { onTimeHandleRate: 0.8 } },
};

export function aTrend(key: string | null, count: number): Trend {
  return {
    object: 'department',
    key,
    nameZh: key ? '象山交警大队' : '全市',
    nameEn: key ? 'Traffic' : 'City',
    points: Array.from({ length: count }, (_, index) => ({
      period: { ...month, labelZh: `第${index + 1}期`, labelEn: `P${index + 1}` },
      counts: { handleDue: index + 1, handledOnTime: index },
      rates: { onTimeHandleRate: index === 0 ? null : index / (index + 1) },
      score: 70 + index,
    })),
  };
}

export const trafficCases: EvaluationCasesPage = {
  total: 19,
  items: [
    { caseId: 'case-a', number: '450304-2026-000101', description: '人行道上窨井盖松动', state: 'Closed', at: '2026-11-03T02:00:00Z', onTime: true },
    { caseId: 'case-b', number: '450304-2026-000102', description: '机动车乱停放', state: 'Archived', at: '2026-11-04T02:00:00Z', onTime: true },
  ],
  nextCursor: null,
};
