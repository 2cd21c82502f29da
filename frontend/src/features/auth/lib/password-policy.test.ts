import { describe, expect, it } from 'vitest';
import { passwordPolicyProblem } from '@/features/auth/lib/password-policy';

describe('passwordPolicyProblem', () => {
  it('names the first rule a password breaks', () => {
    expect(passwordPolicyProblem('Ab1')).toBe('length');
    expect(passwordPolicyProblem('Abcdefgh')).toBe('digit');
    expect(passwordPolicyProblem('ABCDEFG1')).toBe('lower');
    expect(passwordPolicyProblem('abcdefg1')).toBe('upper');
  });

  it('accepts the demo password and generated ones', () => {
    expect(passwordPolicyProblem('Test-pass-9a')).toBeNull();
    expect(passwordPolicyProblem('AbCd-2345-efGh')).toBeNull();
  });
});
