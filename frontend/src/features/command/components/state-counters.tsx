import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { CASE_STATES, stateColor, stateLabel } from '@/lib/case-states';

/** The states a command screen watches, in the order of the closed loop. */
const WATCHED = CASE_STATES.filter((state) => state !== 'Archived');

export function StateCounters({ counts }: { counts: Record<string, number> }) {
  const { t } = useTranslation();
  const unknown = Object.keys(counts).filter((state) => !(CASE_STATES as readonly string[]).includes(state));
  return (
    <Flex gap={12} wrap className="state-counters" data-testid="state-counters">
      {[...WATCHED, ...unknown].map((state) => (
        <div key={state} className="state-counter" data-testid={`count-${state}`} style={{ borderTopColor: stateColor(state) }}>
          <div className="state-counter__value">{counts[state] ?? 0}</div>
          <div className="state-counter__label">{stateLabel(t, state)}</div>
        </div>
      ))}
    </Flex>
  );
}
