/**
 * Countdown and traffic light of a case's running step. The server sets the light (the sweeper
 * marks yellow at 80 % of the limit and red past it) and the deadline instant, already worked out
 * in working hours; between pushes the screen counts down to that instant and turns red itself
 * the moment it passes.
 */
import { useSyncExternalStore } from 'react';
import type { Light } from '@/lib/api-types';

export function effectiveLight(light: Light | null | undefined, nextDeadline: string | null | undefined, now: number): Light | null {
  if (nextDeadline && Date.parse(nextDeadline) <= now) return 'Red';
  return light ?? null;
}

/** Milliseconds left (negative once overdue), or null without a deadline. */
export function remainingMs(nextDeadline: string | null | undefined, now: number): number | null {
  if (!nextDeadline) return null;
  const due = Date.parse(nextDeadline);
  return Number.isNaN(due) ? null : due - now;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `1d 02:03:04`, `02:03:04`: the absolute amount; callers say whether it is left or overdue. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const clock = `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}

export const LIGHT_COLORS: Record<Light, string> = { Green: '#52c41a', Yellow: '#faad14', Red: '#f5222d' };

/** Sort order: most urgent first (red, yellow, green, none). */
export function lightRank(light: Light | null | undefined): number {
  return light === 'Red' ? 0 : light === 'Yellow' ? 1 : light === 'Green' ? 2 : 3;
}

// One ticking clock for every countdown on the page, running only while something shows one.
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let now = Date.now();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of [...listeners]) notify();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/**
 * The current time, re-rendering the caller when it moves on by `resolutionMs` (one second by
 * default; a whole page that only needs to notice a deadline passing asks for less).
 */
export function useNow(resolutionMs = 1000): number {
  const read = () => Math.floor(now / resolutionMs) * resolutionMs;
  return useSyncExternalStore(subscribe, read, read);
}
