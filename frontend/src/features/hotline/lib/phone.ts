/** A phone number as the server takes one: 3 to 20 digits, an optional leading +, spaces or dashes between digits. */
const PHONE = /^\+?[0-9](?:[ -]?[0-9]){2,19}$/;

export function isPhone(text: string): boolean {
  return PHONE.test(text.trim());
}

/** The number without spaces and dashes, as the caller lookup compares it. */
export function phoneDigits(text: string): string {
  return text.trim().replace(/[ -]/g, '');
}

/** Enough digits to be worth looking the caller up (a landline without area code has 7). */
export function isLookupReady(text: string): boolean {
  return isPhone(text) && phoneDigits(text).replace('+', '').length >= 7;
}

/** A phone the server masked for this reader (138****5678). */
export function isMasked(phone: string | null | undefined): boolean {
  return !!phone && phone.includes('*');
}
