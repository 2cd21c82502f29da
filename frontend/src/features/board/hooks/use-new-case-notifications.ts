import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '@/lib/api-types';
import { playChime } from '@/lib/chime';
import { localName } from '@/lib/i18n';

/** Ids present now that were not in the previous list; none on the first list of a board. */
export function newCaseIds(previous: ReadonlySet<string> | null, cases: readonly CaseSummary[]): string[] {
  if (!previous) return [];
  return cases.filter((item) => !previous.has(item.id)).map((item) => item.id);
}

/** Announces cases that arrive on a board after it was first shown, with a chime if asked for. */
export function useNewCaseNotifications(
  boardKey: string | undefined,
  cases: readonly CaseSummary[] | undefined,
  sound = false,
  chime: () => void = playChime,
) {
  const { notification } = App.useApp();
  const { t, i18n } = useTranslation();
  const known = useRef<{ board: string; ids: Set<string> } | null>(null);

  useEffect(() => {
    if (!boardKey || !cases) return;
    const previous = known.current?.board === boardKey ? known.current.ids : null;
    const added = new Set(newCaseIds(previous, cases));
    known.current = { board: boardKey, ids: new Set(cases.map((item) => item.id)) };
    if (added.size > 0 && sound) chime();
    for (const item of cases) {
      if (!added.has(item.id)) continue;
      notification.info({
        key: `new-case-${item.id}`,
        title: t('board.newCase', { number: item.number }),
        description: `${item.categoryCode} ${localName(i18n.language, item.categoryNameZh, item.categoryNameEn)}${
          item.description ? ` · ${item.description}` : ''
        }`,
        placement: 'topRight',
        duration: 6,
      });
    }
  }, [boardKey, cases, notification, t, i18n.language, sound, chime]);
}
