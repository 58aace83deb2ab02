import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, upload } from '../api/client';
import { feedbackOf } from '../api/feedback';
import i18n from '../i18n';
import { FeedbackSnackbar } from './FeedbackSnackbar';

const ok = () => new Response(null, { status: 204 });

describe('the feedback after a change', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('es');
    vi.stubGlobal('fetch', vi.fn(async () => ok()));
  });
  afterEach(() => vi.unstubAllGlobals());

  const renderSnackbar = () => render(<QueryClientProvider client={new QueryClient()}><FeedbackSnackbar /></QueryClientProvider>);

  it('says "saved" after any save through the request core, whichever screen made it', async () => {
    renderSnackbar();
    await act(() => api('/api/v1/customers/c1', { method: 'PUT', body: { commercialName: 'Casa' } }));
    expect(await screen.findByTestId('feedback')).toHaveTextContent('Cambios guardados');
  });

  it('says "deleted" after a delete, in the user\'s language', async () => {
    await i18n.changeLanguage('en');
    renderSnackbar();
    await act(() => api('/api/v1/sla-policies/p1', { method: 'DELETE' }));
    expect(await screen.findByTestId('feedback')).toHaveTextContent('Deleted');
  });

  it('says nothing after a read, a quiet call or a file upload', async () => {
    renderSnackbar();
    await act(async () => {
      await api('/api/v1/customers');
      await api('/api/v1/inbox/presence', { method: 'PUT', body: { status: 'AWAY' }, quiet: true });
      await upload('/api/v1/files?ownerType=customer', new FormData());
    });
    expect(screen.queryByTestId('feedback')).toBeNull();
  });

  it('offers to undo a soft delete the API can restore, and says when it is undone', async () => {
    const restore = vi.fn(async () => undefined);
    renderSnackbar();
    await act(() => api('/api/v1/catalog/items/i1/deactivate', { method: 'POST', undo: restore }));
    await userEvent.click(await screen.findByRole('button', { name: 'Deshacer' }));
    expect(restore).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.getByTestId('feedback')).toHaveTextContent('Cambio deshecho'));
  });

  it('says nothing after a failed change (the screen shows the problem)', async () => {
    vi.mocked(fetch).mockResolvedValueOnce(new Response('{}', { status: 409 }));
    renderSnackbar();
    await act(() => api('/api/v1/customers/c1', { method: 'PUT', body: {} }).catch(() => undefined));
    expect(screen.queryByTestId('feedback')).toBeNull();
  });

  it('knows a change from a read or a sign-in (the rule itself)', () => {
    expect(feedbackOf('/api/v1/users', 'POST', undefined)).toBe('saved');
    expect(feedbackOf('/api/v1/users/u1', 'DELETE', undefined)).toBe('deleted');
    expect(feedbackOf('/api/v1/auth/login', 'POST', undefined)).toBeNull();
    expect(feedbackOf('/api/v1/users', 'GET', undefined)).toBeNull();
  });
});
