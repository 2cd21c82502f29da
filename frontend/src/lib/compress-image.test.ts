import { describe, expect, it } from 'vitest';
import { compressImage, fitWithin, MAX_PHOTO_EDGE } from '@/lib/compress-image';

describe('fitWithin', () => {
  it('scales the long side of a large photo down to 1600 px and keeps the aspect ratio', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: MAX_PHOTO_EDGE, height: 1200 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: MAX_PHOTO_EDGE });
  });

  it('leaves a photo that already fits as it is', () => {
    expect(fitWithin(1600, 900)).toEqual({ width: 1600, height: 900 });
    expect(fitWithin(64, 48)).toEqual({ width: 64, height: 48 });
  });
});

describe('compressImage', () => {
  it('sends a file the browser cannot decode unchanged', async () => {
    const file = new File(['not an image'], 'note.txt', { type: 'text/plain' });

    await expect(compressImage(file)).resolves.toBe(file);
  });
});
