import { describe, expect, it } from 'vitest';
import { isLookupReady, isMasked, isPhone, phoneDigits } from '@/features/hotline/lib/phone';

describe('caller phone numbers', () => {
  it('takes digits with spaces, dashes and a leading plus, as the server does', () => {
    expect(['138 0000 0000', '0773-2822345', '+86 138 0000 0000', '110'].map(isPhone)).toEqual([true, true, true, true]);
    expect(['call me', '12', '138--0000', '1'.repeat(21)].map(isPhone)).toEqual([false, false, false, false]);
  });

  it('compares numbers without their spacing and looks up from seven digits on', () => {
    expect(phoneDigits(' 138-0000 0000 ')).toBe('13800000000');
    expect([isLookupReady('110'), isLookupReady('2822345'), isLookupReady('138 0000 0000')]).toEqual([false, true, true]);
  });

  it('knows a masked number', () => {
    expect([isMasked('138****5678'), isMasked('13812345678'), isMasked(null)]).toEqual([true, false, false]);
  });
});
