import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Spin, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoDraft } from '@/features/patrol/hooks/use-photos';

export interface PhotoPickerProps {
  photos: readonly PhotoDraft[];
  limit: number;
  compressing: boolean;
  onAdd: (files: File[]) => void;
  onRemove: (id: string) => void;
}

export function PhotoPicker({ photos, limit, compressing, onAdd, onRemove }: PhotoPickerProps) {
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
        data-testid="photo-input"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          if (files.length > 0) onAdd(files);
        }}
      />
      <Flex gap={8} wrap align="center">
        {photos.map((photo) => (
          <div key={photo.id} className="photo-thumb" data-testid="photo-preview">
            <img src={photo.previewUrl} alt={photo.file.name} />
            <Button
              size="small"
              shape="circle"
              danger
              icon={<DeleteOutlined />}
              className="photo-thumb__remove"
              aria-label={t('patrol.removePhoto')}
              onClick={() => onRemove(photo.id)}
            />
          </div>
        ))}
        {compressing ? <Spin /> : null}
        <Button icon={<CameraOutlined />} disabled={full || compressing} onClick={() => input.current?.click()}>
          {t('patrol.addPhoto')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('patrol.photoHint', { count: photos.length, limit })}</Typography.Text>
    </Flex>
  );
}
