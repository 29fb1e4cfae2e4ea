import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ADMIN_QUEUES, REPLIES_OUTBOX_QUEUE, type FailedJobView, type QueueCounts } from '@sigap/contracts';
import { authStore } from '@sigap/dashboard/data-access';
import { renderWithApi, type ApiCall, type ApiHandler } from '../testing/render-with-api';
import { AdminPage } from './admin-page';

const countsOf = (name: string, failed = 0): QueueCounts => ({ name, waiting: 0, active: 0, delayed: 0, failed, completed: 3 });

const failedDelivery: FailedJobView = {
  id: 'reply-1',
  queue: REPLIES_OUTBOX_QUEUE,
  failedReason: 'webhook answered 500: publisher down',
  attemptsMade: 1,
  timestamp: '2026-11-28T01:00:00.000Z',
  data: { replyId: 'reply-1' },
};

const calls: ApiCall[] = [];

const answerQueues: ApiHandler = (path, method) =>
  path === '/admin/queues'
    ? { status: 200, body: ADMIN_QUEUES.map((name) => countsOf(name, name === REPLIES_OUTBOX_QUEUE ? 1 : 0)) }
    : path === `/admin/queues/${REPLIES_OUTBOX_QUEUE}/failed`
      ? { status: 200, body: [failedDelivery] }
      : path.endsWith('/retry') && method === 'POST'
        ? { status: 204, body: undefined }
        : undefined;

const renderPage = () => renderWithApi(<AdminPage />, answerQueues, calls);

describe('AdminPage', () => {
  beforeEach(() => {
    authStore.setFromLogin({ accessToken: 'token', expiresIn: 3600, user: { id: 'u-spv', email: 's@b.id', name: 'Supervisor', role: 'supervisor', opds: [] } });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    authStore.clear();
  });

  it('lists every queue under its Indonesian name and opens the one with failures', async () => {
    renderPage();
    const names = await screen.findAllByTestId('queue-name');
    expect(names.map((cell) => cell.getAttribute('data-queue'))).toEqual([...ADMIN_QUEUES]);
    expect(within(names[1]).getByText('Balasan keluar')).toBeTruthy();
    expect(screen.getByText('Pelatihan model triase')).toBeTruthy();
    expect(await screen.findByText('Pekerjaan gagal — Balasan keluar')).toBeTruthy();
    expect(await screen.findByText('webhook answered 500: publisher down')).toBeTruthy();
  });

  it('retries a failed job in its own queue', async () => {
    renderPage();
    fireEvent.click(await screen.findByTestId('retry-job'));
    await waitFor(() =>
      expect(calls).toContainEqual({ path: `/admin/queues/${REPLIES_OUTBOX_QUEUE}/failed/reply-1/retry`, method: 'POST' }),
    );
    expect(await screen.findByText('Pekerjaan reply-1 dijadwalkan ulang.')).toBeTruthy();
  });
});
