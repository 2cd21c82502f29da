import { describe, expect, it } from 'vitest';
import { caseFileSteps } from '@/features/ledger/lib/case-file';
import { aCase, aTraceEntry } from '@/testing/case-dto';

const photo = (id: string, stage: string, traceSequence: number) => ({ id, url: `/p/${id}`, contentType: 'image/png', stage, traceSequence });

describe('case file photo steps', () => {
  it('pairs the report photos with each feedback, labelled by the trace row', () => {
    const item = aCase({
      photos: [photo('r', 'report', 1), photo('f1', 'feedback', 5), photo('f2', 'feedback', 8), photo('c', 'check', 6)],
      trace: [
        aTraceEntry({ sequence: 1, action: 'report', text: '上报' }),
        aTraceEntry({ sequence: 5, action: 'feedback', text: '第一次反馈' }),
        aTraceEntry({ sequence: 6, action: 'check', text: '核查不通过' }),
        aTraceEntry({ sequence: 8, action: 'feedback', text: '第二次反馈' }),
      ],
    });
    const steps = caseFileSteps(item);
    expect(steps.map((s) => s.label)).toEqual(['第一次反馈', '第二次反馈', '核查不通过']);
    expect(steps.every((s) => s.before.map((p) => p.id).join() === 'r')).toBe(true);
    expect(steps[1]!.after.map((p) => p.id)).toEqual(['f2']);
  });

  it('shows only the report when nothing was fixed yet, and nothing without photos', () => {
    expect(caseFileSteps(aCase({ photos: [photo('r', 'report', 1)], trace: [aTraceEntry({ sequence: 1, text: '上报' })] }))).toEqual([
      { key: 'report', label: '上报', before: [expect.objectContaining({ id: 'r' })], after: [] },
    ]);
    expect(caseFileSteps(aCase())).toEqual([]);
  });
});
