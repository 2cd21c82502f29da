import { useCallback, useEffect, useRef, useState } from 'react';
import { compressImage } from '@/lib/compress-image';

export interface PhotoDraft {
  id: string;
  file: File;
  previewUrl: string;
}

/** Photos of a draft: compressed as they are picked, with object URLs for the previews. */
export function usePhotos(limit: number) {
  const [photos, setPhotos] = useState<readonly PhotoDraft[]>([]);
  const [compressing, setCompressing] = useState(false);
  const current = useRef<readonly PhotoDraft[]>([]);

  const update = useCallback((next: readonly PhotoDraft[]) => {
    current.current = next;
    setPhotos(next);
  }, []);

  useEffect(
    () => () => {
      for (const photo of current.current) URL.revokeObjectURL(photo.previewUrl);
    },
    [],
  );

  const add = useCallback(
    async (files: readonly File[]) => {
      setCompressing(true);
      try {
        const compressed = await Promise.all(files.map((file) => compressImage(file)));
        const room = Math.max(0, limit - current.current.length);
        const added = compressed
          .slice(0, room)
          .map((file) => ({ id: crypto.randomUUID(), file, previewUrl: URL.createObjectURL(file) }));
        update([...current.current, ...added]);
      } finally {
        setCompressing(false);
      }
    },
    [limit, update],
  );

  const remove = useCallback(
    (id: string) => {
      const photo = current.current.find((item) => item.id === id);
      if (photo) URL.revokeObjectURL(photo.previewUrl);
      update(current.current.filter((item) => item.id !== id));
    },
    [update],
  );

  const clear = useCallback(() => {
    for (const photo of current.current) URL.revokeObjectURL(photo.previewUrl);
    update([]);
  }, [update]);

  return { photos, compressing, add, remove, clear };
}
