import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { HotlineDesk } from '@/features/hotline/components/hotline-desk';
import { aCategory } from '@/testing/category';
import { allowSlowRenders, renderWithProviders } from '@/testing/render';

// The map and the category search are exercised in their own tests and the end-to-end spec; here a button picks the
// point and a plain select the category, so the test is about the desk's own behaviour.
vi.mock('@/components/map-view', () => ({
  MapView: ({ onPick, testId }: { onPick?: (point: { latitude: number; longitude: number }) => void; testId?: string }) => (
    <button type="button" data-testid={testId} onClick={() => onPick?.({ latitude: 25.2551, longitude: 110.2901 })}>
      map
    </button>
  ),
}));
vi.mock('@/components/category-picker', () => ({
  CategoryPicker: ({ categories, value, onChange }: { categories: { id: string; code: string }[]; value?: string; onChange?: (v: string) => void }) => (
    <select data-testid="category-native" value={value ?? ''} onChange={(event) => onChange?.(event.target.value)}>
      <option value="">-</option>
      {categories.map((category) => (
        <option key={category.id} value={String(category.id)}>
          {category.code}
        </option>
      ))}
    </select>
  ),
}));

const parking = aCategory({ id: 'cat-0505', code: '0505', conditions: [{ id: 'cond-1', nameZh: '占用人行道', nameEn: 'On the pavement', limit: 2, unit: 'working_hours', closingStandardZh: null, closingStandardEn: null } as never] });

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function mockApi() {
  const posted: FormData[] = [];
  const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    if (url === '/api/categories') return json([parking]);
    if (url.startsWith('/api/cases/by-caller?')) {
      return json([
        {
          id: 'old-1', number: '450304-2026-000007', state: 'Closed', version: 12, source: 'hotline',
          category: { id: 'cat-0505', code: '0505', nameZh: '机动车乱停放', nameEn: 'Illegal parking' },
          description: '上次来电', addressText: '中山路口', department: null, reportedAt: '2026-11-01T02:00:00Z',
          closedAt: '2026-11-02T02:00:00Z', updatedAt: '2026-11-02T02:00:00Z', callbackWanted: true, callbackSatisfied: null,
          reworkCount: 0, callerName: '王先生', callerPhone: '13912345678',
        },
      ]);
    }
    if (url === '/api/cases' && init?.method === 'POST') {
      posted.push(init.body as FormData);
      return json({ id: 'new-1', number: '450304-2026-000123', state: 'Reported' }, 201);
    }
    return json([]);
  });
  return { fetch, posted };
}

async function fillCall() {
  const phone = screen.getByTestId('hotline-caller-phone');
  fireEvent.change(phone, { target: { value: '139 1234 5678' } });
  fireEvent.change(screen.getByTestId('hotline-caller-name'), { target: { value: '王先生' } });
  fireEvent.change(screen.getByTestId('hotline-address'), { target: { value: '中山路菜市场东门' } });
  fireEvent.click(screen.getByTestId('hotline-map'));
  await waitFor(() => expect(screen.getByTestId('category-native').querySelectorAll('option')).toHaveLength(2));
  fireEvent.change(screen.getByTestId('category-native'), { target: { value: 'cat-0505' } });
  fireEvent.change(screen.getByTestId('hotline-description'), { target: { value: '占道停车' } });
  return phone;
}

// The desk renders the whole form (antd, map, pickers) several times per test: slower than most on a loaded machine.
describe('HotlineDesk', { timeout: 2 * allowSlowRenders() }, () => {
  it('starts on the phone field, shows the shortcuts, and lists the caller’s earlier cases as the number is typed', async () => {
    const { fetch } = mockApi();
    renderWithProviders(<HotlineDesk />);

    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('hotline-caller-phone')));
    expect(screen.getByTestId('hotline-shortcuts').textContent).toContain('Alt+N');
    fireEvent.change(screen.getByTestId('hotline-caller-phone'), { target: { value: '139-1234-5678' } });

    expect(await screen.findByTestId('caller-case-450304-2026-000007')).toBeTruthy();
    const asked = fetch.mock.calls.map(([u]) => String(u)).find((u) => u.startsWith('/api/cases/by-caller?'))!;
    expect(new URL(asked, 'http://x').searchParams.get('phone')).toBe('13912345678');
  });

  it('files a hotline call with its caller, callback, address and point on Enter, then is ready for the next call', async () => {
    const { posted } = mockApi();
    renderWithProviders(<HotlineDesk />);
    const phone = await fillCall();

    fireEvent.submit(screen.getByTestId('hotline-form'));

    expect((await screen.findByTestId('hotline-filed-number')).textContent).toBe('450304-2026-000123');
    const form = posted[0]!;
    expect(Object.fromEntries(['source', 'callerName', 'callerPhone', 'callbackWanted', 'addressText', 'categoryId', 'conditionId', 'description'].map((k) => [k, form.get(k)])))
      .toEqual({
        source: 'hotline', callerName: '王先生', callerPhone: '139 1234 5678', callbackWanted: 'true', addressText: '中山路菜市场东门',
        categoryId: 'cat-0505', conditionId: 'cond-1', description: '占道停车',
      });
    expect([form.get('longitude'), form.get('latitude')]).toEqual(['110.2901000', '25.2551000']);
    await waitFor(() => expect((phone as HTMLInputElement).value).toBe(''));
    expect(document.activeElement).toBe(phone);
  });

  it('submits from the description with Ctrl+Enter', async () => {
    const { posted } = mockApi();
    renderWithProviders(<HotlineDesk />);
    await fillCall();

    fireEvent.keyDown(screen.getByTestId('hotline-description'), { key: 'Enter', ctrlKey: true });

    await waitFor(() => expect(posted).toHaveLength(1));
  });

  it('refuses a hotline call without the caller and without a point, naming each, and sends nothing', async () => {
    const { posted } = mockApi();
    renderWithProviders(<HotlineDesk />);

    fireEvent.submit(screen.getByTestId('hotline-form'));

    expect((await screen.findByTestId('error-callerPhone')).textContent).toBe('热线来电须登记来电号码');
    expect(screen.getByTestId('error-callerName').textContent).toBe('热线来电须登记来电人');
    expect(screen.getByTestId('hotline-point').textContent).toBe('请在地图上点选问题位置');
    expect(screen.getByTestId('error-categoryId')).toBeTruthy();
    expect(posted).toHaveLength(0);
  });

  it('a leader’s assignment is not called back', async () => {
    const { posted } = mockApi();
    renderWithProviders(<HotlineDesk />);
    await fillCall();

    fireEvent.mouseDown(screen.getByTestId('hotline-source').querySelector('.ant-select-selector') ?? screen.getByTestId('hotline-source'));
    fireEvent.click(await screen.findByTestId('hotline-source-leader'));
    await waitFor(() => expect((screen.getByTestId('hotline-callback-wanted') as HTMLInputElement).disabled).toBe(true));
    fireEvent.submit(screen.getByTestId('hotline-form'));

    await waitFor(() => expect(posted).toHaveLength(1));
    expect([posted[0]!.get('source'), posted[0]!.get('callbackWanted')]).toEqual(['leader', 'false']);
  });
});
