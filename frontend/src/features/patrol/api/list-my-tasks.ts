import { listOnSiteTasks, useOnSiteTasks } from '@/lib/api/list-on-site-tasks';
import { sharedKeys } from '@/lib/api/query-keys';

export const myTasksQueryKey = sharedKeys.onSiteTasks;

/** 核实 and 核查 waiting in the patroller's responsibility grids (or on their own reports), nearest deadline first. */
export const listMyTasks = listOnSiteTasks;

export function useMyTasks() {
  return useOnSiteTasks();
}
