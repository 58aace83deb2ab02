import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import i18n from '../i18n';
import RequestsPage from './RequestsPage';

vi.mock('../auth/AuthContext', () => ({
  useAuth: () => ({ can: () => true, me: { user: { id: 'u1' }, tenant: { timeZone: 'America/Guatemala' } } }),
}));

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

/** The address the page last wrote, shown so the test can read it. */
function Address() {
  const location = useLocation();
  return <output data-testid="address">{location.search}</output>;
}

function renderAt(url: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/requests" element={<><RequestsPage /><Address /></>} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('RequestsPage', { timeout: 20_000 }, () => {
  let lists: string[];
  beforeEach(async () => {
    await i18n.changeLanguage('es');
    lists = [];
    vi.stubGlobal('fetch', vi.fn(async (path: string) => {
      if (path.startsWith('/api/v1/service-requests?')) {
        lists.push(path);
        return json({ items: [], page: 0, size: 20, total: 0 });
      }
      return json([]);
    }));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('opens a shared link with its filters and asks for that list', async () => {
    renderAt('/requests?status=QUOTED&q=fosa&page=1&sort=-createdAt');
    await waitFor(() => expect(lists).toContain('/api/v1/service-requests?page=1&size=20&status=QUOTED&q=fosa&sort=-createdAt'));
    expect((screen.getByTestId('request-search') as HTMLInputElement).value).toBe('fosa');
  });

  it('keeps what the user filters in the address, back on the first page', async () => {
    renderAt('/requests?page=2');
    await userEvent.type(screen.getByTestId('request-search'), 'Mixco');
    await waitFor(() => expect(screen.getByTestId('address').textContent).toBe('?q=Mixco'));
    await waitFor(() => expect(lists.at(-1)).toBe('/api/v1/service-requests?page=0&size=20&q=Mixco'));
    await userEvent.click(screen.getByTestId('clear-filters'));
    await waitFor(() => expect(screen.getByTestId('address').textContent).toBe(''));
  });

  it('exports the list as it is filtered and ordered', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:export');
    URL.revokeObjectURL = vi.fn();
    renderAt('/requests?status=QUOTED&page=2&sort=number');
    await userEvent.click(screen.getByTestId('export-xlsx'));
    await waitFor(() => expect(vi.mocked(fetch).mock.calls.map((c) => String(c[0])))
      .toContain('/api/v1/service-requests/export?format=xlsx&status=QUOTED&sort=number'));
  });
});
