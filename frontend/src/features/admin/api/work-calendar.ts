import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { HolidayYear, ParsedNotice } from '@/lib/api-types';
import { sharedKeys } from '@/lib/api/query-keys';
import { http } from '@/lib/http';

/** Reads the State Council notice's text into a year; nothing is stored. */
export function parseNotice(body: { text: string; year?: number | null }): Promise<ParsedNotice> {
  return http<ParsedNotice>('/api/calendar/parse-notice', { method: 'POST', json: body });
}

export function useParseNotice() {
  return useMutation({ mutationFn: parseNotice });
}

export interface HolidayYearChange {
  year: number;
  body: object;
}

export function saveHolidayYear({ year, body }: HolidayYearChange): Promise<HolidayYear> {
  return http<HolidayYear>(`/api/calendar/years/${year}`, { method: 'PUT', json: body });
}

/** Saving reloads the calendar, and with it the warning banner. */
export function useSaveHolidayYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveHolidayYear,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sharedKeys.calendar }),
  });
}
