import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { renderWithProviders } from '../testing/render';
import { DeskControls, type DeskControlsProps } from './desk-controls';
import { MentionRow } from './mention-row';
import { makeMention } from '../testing/mention.fixture';

const props = (overrides: Partial<DeskControlsProps> = {}): DeskControlsProps => ({
  status: 'baru',
  holder: null,
  heldByMe: false,
  canReleaseOthers: false,
  onClaim: vi.fn(),
  onRelease: vi.fn(),
  onStatusChange: vi.fn(),
  busy: false,
  error: null,
  ...overrides,
});

describe('DeskControls', () => {
  it('offers Klaim for an unclaimed mention', () => {
    const onClaim = vi.fn();
    renderWithProviders(<DeskControls {...props({ onClaim })} />);
    expect(screen.getByTestId('desk-holder').textContent).toBe('Belum diklaim');
    fireEvent.click(screen.getByTestId('desk-claim'));
    expect(onClaim).toHaveBeenCalledOnce();
  });

  it('offers to claim the near-duplicates too, only when there are some', () => {
    const onClaimCluster = vi.fn();
    const { unmount } = renderWithProviders(<DeskControls {...props({ onClaimCluster, similarCount: 0 })} />);
    expect(screen.queryByTestId('desk-claim-cluster')).toBeNull();
    unmount();
    renderWithProviders(<DeskControls {...props({ onClaimCluster, similarCount: 37 })} />);
    const button = screen.getByTestId('desk-claim-cluster');
    expect(button.textContent).toBe('Klaim + 37 serupa');
    fireEvent.click(button);
    expect(onClaimCluster).toHaveBeenCalledOnce();
  });

  it('names the holder and offers Lepas only to the holder or a supervisor', () => {
    const holder = { id: 'u-2', name: 'Rina' };
    const { unmount } = renderWithProviders(<DeskControls {...props({ holder })} />);
    expect(screen.getByTestId('desk-holder').textContent).toBe('Ditangani Rina');
    expect(screen.queryByTestId('desk-release')).toBeNull();
    expect(screen.queryByTestId('desk-claim')).toBeNull();
    unmount();
    const onRelease = vi.fn();
    renderWithProviders(<DeskControls {...props({ holder, heldByMe: true, onRelease })} />);
    fireEvent.click(screen.getByTestId('desk-release'));
    expect(onRelease).toHaveBeenCalledOnce();
  });

  it('changes the status, with an optional reason', () => {
    const onStatusChange = vi.fn();
    renderWithProviders(<DeskControls {...props({ onStatusChange })} />);
    fireEvent.change(screen.getByTestId('desk-status'), { target: { value: 'selesai' } });
    expect(onStatusChange).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('status-submit'));
    expect(onStatusChange).toHaveBeenCalledWith({ status: 'selesai' });
  });

  it('asks for a target OPD and a reason before forwarding as bukan wewenang', () => {
    const onStatusChange = vi.fn();
    renderWithProviders(
      <DeskControls {...props({ onStatusChange, currentOpds: ['DLH'], forwardOptions: [{ value: 'DISHUB', label: 'DISHUB — Dinas Perhubungan' }] })} />,
    );
    fireEvent.change(screen.getByTestId('desk-status'), { target: { value: 'bukan_wewenang' } });
    expect(screen.getByTestId('forward-form')).toBeTruthy();
    fireEvent.click(screen.getByTestId('status-submit'));
    expect(onStatusChange).not.toHaveBeenCalled();
    expect(screen.getAllByText('Wajib diisi').length).toBe(2);
  });
});

describe('MentionRow holder', () => {
  it('shows who holds the mention', () => {
    renderWithProviders(
      <MentionRow mention={makeMention({ claimedBy: { id: 'u-2', name: 'Rina' } })} place={null} selected={false} onSelect={() => undefined} />,
    );
    const holder = screen.getByTestId('mention-row-holder');
    expect(holder.getAttribute('aria-label')).toBe('Ditangani Rina');
    expect(holder.textContent).toBe('R');
  });

  it('shows the assignee apart from the holder', () => {
    renderWithProviders(
      <MentionRow
        mention={makeMention({ claimedBy: { id: 'u-2', name: 'Rina Wati' }, assignedTo: { id: 'u-3', name: 'Budi Santoso' } })}
        place={null}
        selected={false}
        onSelect={() => undefined}
      />,
    );
    expect(screen.getByTestId('mention-row-holder').textContent).toBe('RW');
    expect(screen.getByTestId('mention-row-assignee').getAttribute('aria-label')).toBe('Ditugaskan ke Budi Santoso');
  });
});
