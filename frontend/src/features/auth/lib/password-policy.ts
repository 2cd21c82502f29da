/** The server's password policy (8+ characters with a digit, a lower and an upper case letter), checked before sending. */
export type PasswordRule = 'length' | 'digit' | 'lower' | 'upper';

export const MIN_PASSWORD_LENGTH = 8;

/** The first rule the password breaks, or null; the server checks again and has the last word. */
export function passwordPolicyProblem(password: string): PasswordRule | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'length';
  if (!/\d/.test(password)) return 'digit';
  if (!/[a-z]/.test(password)) return 'lower';
  if (!/[A-Z]/.test(password)) return 'upper';
  return null;
}
