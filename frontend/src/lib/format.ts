/** Date and number formatting in the UI language; times are shown in the browser's zone. */
export function formatDateTime(value: string | null | undefined, language: string, seconds = true): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: seconds ? '2-digit' : undefined,
    hour12: false,
  }).format(date);
}

export function formatCoordinate(value: number): string {
  return value.toFixed(6);
}
