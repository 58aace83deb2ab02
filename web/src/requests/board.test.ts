import { describe, expect, it } from 'vitest';
import { boardColumns, canDrop, laterSla, menuTargets, needsReason } from './board';

describe('the board', () => {
  const fresh = { id: 'r1', from: 'NEW' as const, allowed: ['CANCELLED', 'IN_REVIEW', 'LOST', 'WAITING_ON_CUSTOMER'] as const };

  it('accepts a drop only on a move the server allows', () => {
    expect(canDrop(fresh, 'IN_REVIEW')).toBe(true);
    expect(canDrop(fresh, 'LOST')).toBe(true);
    expect(canDrop(fresh, 'QUOTED')).toBe(false); // skipping the review
    expect(canDrop(fresh, 'COMPLETED')).toBe(false);
  });

  it('never accepts a drop on the card\'s own column', () => {
    expect(canDrop({ ...fresh, allowed: ['NEW', 'IN_REVIEW'] }, 'NEW')).toBe(false);
  });

  it('accepts nothing while the legal moves are loading, or with no card dragged', () => {
    expect(canDrop({ id: 'r1', from: 'NEW' }, 'IN_REVIEW')).toBe(false);
    expect(canDrop(null, 'IN_REVIEW')).toBe(false);
  });

  it('accepts nothing for a closed request', () => {
    const done = { id: 'r2', from: 'COMPLETED' as const, allowed: [] };
    for (const column of ['NEW', 'IN_REVIEW', 'CANCELLED'] as const) expect(canDrop(done, column)).toBe(false);
  });

  it('a request waiting on the customer goes back only where it came from (or ends)', () => {
    const waiting = { id: 'r3', from: 'WAITING_ON_CUSTOMER' as const, allowed: ['CANCELLED', 'LOST', 'QUOTED'] as const };
    expect(canDrop(waiting, 'QUOTED')).toBe(true);
    expect(canDrop(waiting, 'IN_REVIEW')).toBe(false);
    expect(menuTargets(waiting)).toEqual(['CANCELLED', 'LOST', 'QUOTED']);
  });

  it('asks for a reason only when cancelling or losing', () => {
    expect(needsReason('CANCELLED')).toBe(true);
    expect(needsReason('LOST')).toBe(true);
    expect(needsReason('IN_REVIEW')).toBe(false);
    expect(needsReason('COMPLETED')).toBe(false);
  });

  it('shows the approval column only when the tenant requires approval or a card is in it', () => {
    expect(boardColumns(false, []).open).not.toContain('PENDING_APPROVAL');
    expect(boardColumns(true, []).open).toContain('PENDING_APPROVAL');
    expect(boardColumns(false, ['PENDING_APPROVAL']).open).toContain('PENDING_APPROVAL');
    expect(boardColumns(false, []).closed).toEqual(['COMPLETED', 'CANCELLED', 'LOST']);
    expect(boardColumns(false, []).open[0]).toBe('NEW');
  });

  it('shows the later of two readings of an SLA clock', () => {
    expect(laterSla('ON_TRACK', 'FULFILLED')).toBe('FULFILLED'); // the stored status lags the first response
    expect(laterSla('AT_RISK', 'ON_TRACK')).toBe('AT_RISK');
    expect(laterSla('BREACHED', 'FULFILLED')).toBe('BREACHED'); // a breach stays a breach
    expect(laterSla(null, 'ON_TRACK')).toBe('ON_TRACK');
    expect(laterSla('STOPPED', undefined)).toBe('STOPPED');
    expect(laterSla(null, null)).toBeNull();
  });
});
