import { describe, expect, it } from 'vitest';
import { toPublicFormData } from '@/features/citizen/api/report-publicly';

describe('toPublicFormData', () => {
  it('sends the topic, the point and the photos, and leaves blank optional fields out', () => {
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'a.jpg', { type: 'image/jpeg' });
    const form = toPublicFormData({
      topic: 'parking',
      longitude: 110.29,
      latitude: 25.255,
      description: '  ',
      addressText: ' 中山路 ',
      phone: '',
      photos: [photo],
    });
    expect(form.get('topic')).toBe('parking');
    expect(form.get('longitude')).toBe('110.2900000');
    expect(form.get('latitude')).toBe('25.2550000');
    expect(form.get('addressText')).toBe('中山路');
    expect(form.has('description')).toBe(false);
    expect(form.has('phone')).toBe(false);
    expect((form.getAll('photos')[0] as File).name).toBe('a.jpg');
  });
});
