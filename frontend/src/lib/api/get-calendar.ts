import { useQuery } from '@tanstack/react-query';
import type { WorkingCalendar } from '@/lib/api-types';
import { sharedKeys } from '@/lib/api/query-keys';
import { http } from '@/lib/http';

export function getCalendar(signal?: AbortSignal): Promise<WorkingCalendar> {
  return http<WorkingCalendar>('/api/calendar', { signal });
}

/** The working calendar; `warnings` are filled for the command centre and administrators only. */
export function useCalendar(enabled = true) {
  return useQuery({
    queryKey: sharedKeys.calendar,
    queryFn: ({ signal }) => getCalendar(signal),
    enabled,
    staleTime: 10 * 60 * 1000,
  });
}
