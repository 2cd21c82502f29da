import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Spin, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoDraft } from '@/lib/use-photos';

export interface PhotoPickerProps {
  photos: readonly PhotoDraft[];
  limit: number;
  compressing: boolean;
  onAdd: (files: File[]) => void;
  onRemove: (id: string) => void;
  /** Prefix of the test ids, so that two pickers on one page can be told apart. */
  testId?: string;
}

export function PhotoPicker({ photos, limit, compressing, onAdd, onRemove, testId = 'photo' }: PhotoPickerProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const full = photos.length >= limit;
  return (
    <Flex vertical gap={8}>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        data-testid={`${testId}-input`}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          if (files.length > 0) onAdd(files);
        }}
      />
      <Flex gap={8} wrap align="center">
        {photos.map((photo) => (
          <div key={photo.id} className="photo-thumb" data-testid={`${testId}-preview`}>
            <img src={photo.previewUrl} alt={photo.file.name} />
            <Button
              size="small"
              shape="circle"
              danger
              icon={<DeleteOutlined />}
              className="photo-thumb__remove"
              aria-label={t('photos.remove')}
              onClick={() => onRemove(photo.id)}
            />
          </div>
        ))}
        {compressing ? <Spin /> : null}
        <Button
          icon={<CameraOutlined />}
          disabled={full || compressing}
          onClick={() => input.current?.click()}
          data-testid={`${testId}-add`}
        >
          {t('photos.add')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('photos.hint', { count: photos.length, limit })}</Typography.Text>
    </Flex>
  );
}
