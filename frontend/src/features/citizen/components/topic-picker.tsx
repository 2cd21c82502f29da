import { Radio, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicTopic } from '@/lib/api-types';
import { localName } from '@/lib/i18n';

export interface TopicPickerProps {
  topics: readonly PublicTopic[] | undefined;
  loading: boolean;
  value: string | null;
  onChange: (key: string) => void;
}

/** The everyday phrases a citizen picks from; the words come from the server, in the page's language. */
export function TopicPicker({ topics, loading, value, onChange }: TopicPickerProps) {
  const { i18n } = useTranslation();
  if (loading) return <Skeleton active paragraph={{ rows: 3 }} title={false} />;
  if (!topics || topics.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Radio.Group
      className="topic-picker"
      value={value}
      onChange={(event) => onChange(event.target.value as string)}
      optionType="button"
      buttonStyle="solid"
      data-testid="topic-picker"
    >
      {topics.map((topic) => (
        <Radio.Button key={topic.key} value={topic.key}>
          <span data-testid={`topic-${topic.key}`}>{localName(i18n.language, topic.nameZh, topic.nameEn)}</span>
        </Radio.Button>
      ))}
    </Radio.Group>
  );
}
