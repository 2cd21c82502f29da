import { describe, expect, it } from 'vitest';
import { homePathFor } from '@/lib/session';

const user = (...roles: string[]) => ({ userName: 'u', displayName: 'U', roles });

describe('home path', () => {
  it('sends each role to its face, and an account that is only an administrator to administration', () => {
    expect(homePathFor(user('patroller'))).toBe('/patrol');
    expect(homePathFor(user('handler'))).toBe('/board');
    expect(homePathFor(user('dispatcher'))).toBe('/command');
    expect(homePathFor(user('leader'))).toBe('/command');
    expect(homePathFor(user('admin'))).toBe('/admin');
  });

  it('keeps an administrator who holds another role on that role\'s face', () => {
    expect(homePathFor(user('admin', 'dispatcher'))).toBe('/command');
    expect(homePathFor(user('patroller', 'admin'))).toBe('/patrol');
    expect(homePathFor(user())).toBe('/command');
  });
});
