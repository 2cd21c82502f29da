import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { PublicReportPage } from '@/features/citizen/components/public-report-page';
import { PublicTrackPage } from '@/features/citizen/components/public-track-page';
import type { PublicProgress } from '@/lib/api-types';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

vi.mock('@/components/map-view', () => ({
  MapView: ({ onPick }: { onPick?: (point: { latitude: number; longitude: number }) => void }) => (
    <button type="button" data-testid="fake-map" onClick={() => onPick?.({ latitude: 25.255, longitude: 110.29 })}>
      map
    </button>
  ),
}));

vi.mock('@/lib/compress-image', () => ({ compressImage: async (file: File) => file }));

const topics = [
  { key: 'parking', nameZh: '乱停车', nameEn: 'A car parked where it should not be' },
  { key: 'street-light', nameZh: '路灯不亮', nameEn: 'A street light is out' },
];

const token = 'A'.repeat(43);

const handling: PublicProgress = {
  number: '450304-2026-000007',
  status: 'handling',
  categoryNameZh: '机动车乱停放',
  categoryNameEn: 'Illegal parking',
  description: '车停在盲道上',
  reportedAt: '2026-03-02T01:00:00Z',
  steps: [
    { step: 'received', at: '2026-03-02T01:00:00Z', department: null },
    { step: 'verifying', at: '2026-03-02T01:10:00Z', department: null },
    { step: 'handling', at: '2026-03-02T01:20:00Z', department: { nameZh: '象山区交警大队', nameEn: 'Xiangshan Traffic Police' } },
  ],
  photos: [{ url: `/api/public/track/${token}/photos/p1`, stage: 'before' }],
  canRate: false,
  rating: null,
};

const done: PublicProgress = {
  ...handling,
  status: 'done',
  steps: [...handling.steps, { step: 'done', at: '2026-03-02T05:00:00Z', department: null }],
  photos: [...handling.photos, { url: `/api/public/track/${token}/photos/p2`, stage: 'after' }],
  canRate: true,
};

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

function renderAt(path: string, language: 'zh-CN' | 'en' = 'zh-CN') {
  const router = createMemoryRouter(
    [
      { path: '/public', element: <PublicReportPage /> },
      { path: '/public/track/:token', element: <PublicTrackPage /> },
    ],
    { initialEntries: [path] },
  );
  return renderWithProviders(<RouterProvider router={router} />, { language });
}

describe('the citizens\u2019 report page', { timeout: allowSlowRenders() }, () => {
  it('offers the topics in the page language and asks for what is missing before sending anything', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => json(topics));
    renderAt('/public', 'en');

    expect((await screen.findByTestId('topic-parking')).textContent).toBe('A car parked where it should not be');
    fireEvent.click(screen.getByTestId('public-submit'));

    expect((await screen.findByTestId('public-error-photos')).textContent).toBe('Please take at least one photo');
    expect(screen.getByTestId('public-error-topic').textContent).toBe('Please pick what the problem is');
    expect(screen.getByTestId('public-error-location').textContent).toBe('Please use your location or tap the map');
    expect(fetch.mock.calls.every(([url]) => url === '/api/public/topics')).toBe(true);
  });

  it('sends the report and shows the receipt with the number and the secret link', async () => {
    let sent: FormData | null = null;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      if (String(input) === '/api/public/reports' && init?.method === 'POST') {
        sent = init.body as FormData;
        return json({ number: '450304-2026-000007', token, trackingPath: `/public/track/${token}`, reportedAt: '2026-03-02T01:00:00Z' }, 201);
      }
      return json(topics);
    });
    renderAt('/public');

    const file = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'a.jpg', { type: 'image/jpeg' });
    fireEvent.change(screen.getByTestId('public-photo-input'), { target: { files: [file] } });
    await screen.findByTestId('public-photo-preview');
    fireEvent.click(await screen.findByTestId('topic-parking'));
    fireEvent.click(screen.getByTestId('fake-map'));
    fireEvent.change(screen.getByTestId('public-phone'), { target: { value: '139 1234 5678' } });
    fireEvent.click(screen.getByTestId('public-submit'));

    expect((await screen.findByTestId('public-receipt-number')).textContent).toContain('450304-2026-000007');
    expect(screen.getByTestId('public-receipt-link').textContent).toContain(`/public/track/${token}`);
    expect(sent!.get('topic')).toBe('parking');
    expect(sent!.get('phone')).toBe('139 1234 5678');
  });

  it('says clearly when the point is outside the managed area', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) =>
      String(input) === '/api/public/reports'
        ? json({ title: 'Outside the managed area', status: 422, errors: { longitude: ['x'], latitude: ['x'] } }, 422, 'application/problem+json')
        : json(topics),
    );
    renderAt('/public');

    fireEvent.change(screen.getByTestId('public-photo-input'), { target: { files: [new File([new Uint8Array([1])], 'a.png')] } });
    await screen.findByTestId('public-photo-preview');
    fireEvent.click(await screen.findByTestId('topic-parking'));
    fireEvent.click(screen.getByTestId('fake-map'));
    fireEvent.click(screen.getByTestId('public-submit'));

    expect((await screen.findByTestId('public-error')).textContent).toContain('不在城市管理范围内');
  });
});

describe('the tracking page', { timeout: allowSlowRenders() }, () => {
  it('shows the steps reached with the department by name, and no rating before the case is done', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => json(handling));
    renderAt(`/public/track/${token}`);

    expect((await screen.findByTestId('public-track-number')).textContent).toBe('450304-2026-000007');
    expect(screen.getByTestId('public-step-handling-detail').textContent).toContain('由象山区交警大队处理');
    expect(screen.queryByTestId('public-step-done-detail')).toBeNull();
    expect(screen.queryByTestId('public-rating')).toBeNull();
    expect(screen.queryByTestId('public-after-photo')).toBeNull();
  });

  it('shows the after-photo of a done case and takes one rating', async () => {
    let rated: unknown = null;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      if (String(input) === `/api/public/track/${token}/rating` && init?.method === 'POST') {
        rated = JSON.parse(String(init.body));
        return json({ ...done, canRate: false, rating: { satisfied: false, words: '太慢了', at: '2026-03-02T06:00:00Z' } });
      }
      return json(done);
    });
    renderAt(`/public/track/${token}`, 'en');

    expect(await screen.findByTestId('public-after-photo')).toBeTruthy();
    expect(screen.getByTestId('public-step-done').textContent).toBe('Done');
    fireEvent.click(screen.getByTestId('public-rate-unsatisfied'));
    fireEvent.change(screen.getByTestId('public-rate-words'), { target: { value: '太慢了' } });
    fireEvent.click(screen.getByTestId('public-rate-submit'));

    expect((await screen.findByTestId('public-rating-done')).textContent).toContain('Your rating: not satisfied');
    expect(rated).toEqual({ satisfied: false, words: '太慢了' });
    await waitFor(() => expect(screen.queryByTestId('public-rating')).toBeNull());
  });

  it('says so when the link is unknown', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () =>
      json({ title: 'Not found', status: 404 }, 404, 'application/problem+json'),
    );
    renderAt('/public/track/nonsense');

    expect((await screen.findByTestId('public-track-not-found')).textContent).toContain('没有找到这条反映');
  });
});
