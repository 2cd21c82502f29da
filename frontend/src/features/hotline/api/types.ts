import type { CaseDto } from '@/lib/api-types';

/** Sources an acceptor enters (GET /api/cases rejects any other from an acceptor). */
export const DESK_SOURCES = ['hotline', 'public', 'leader', 'video', 'media'] as const;
export type DeskSource = (typeof DESK_SOURCES)[number];

/** Sources whose reporter may be called back (回访). */
export const CALLED_BACK_SOURCES: readonly DeskSource[] = ['hotline', 'public'];

export type { CallerCase } from '@/lib/api-types';

export type FiledCase = Pick<CaseDto, 'id' | 'number' | 'state'>;
