import { describe, expect, it } from 'vitest';
import { requestActions } from './actions';
import type { RequestStatus } from './types';

const holding = (...permissions: string[]) => (p: string) => permissions.includes(p);
const pending = { status: 'PENDING_APPROVAL' as RequestStatus, allowedTransitions: ['IN_REVIEW', 'QUOTED', 'WAITING_ON_CUSTOMER', 'CANCELLED', 'LOST'] as RequestStatus[] };
const inReview = { status: 'IN_REVIEW' as RequestStatus, allowedTransitions: ['PENDING_APPROVAL', 'WAITING_ON_CUSTOMER', 'CANCELLED', 'LOST'] as RequestStatus[] };
const closed = { status: 'COMPLETED' as RequestStatus, allowedTransitions: [] as RequestStatus[] };

describe('what a user may do with a service request', () => {
  it('offers no move out of pending approval to a rep who may not approve (the server answers 403)', () => {
    expect(requestActions(pending, holding('servicerequests:edit')).moves).toEqual([]);
  });

  it('offers an approver every move the state allows', () => {
    expect(requestActions(pending, holding('servicerequests:edit', 'servicerequests:approve')).moves).toEqual(pending.allowedTransitions);
  });

  it('lets a rep move a request in review on, to approval', () => {
    expect(requestActions(inReview, holding('servicerequests:edit')).moves).toContain('PENDING_APPROVAL');
  });

  it('offers nothing to move, edit or attach without servicerequests:edit', () => {
    expect(requestActions(inReview, holding('servicerequests:approve', 'files:create'))).toEqual({ moves: [], edit: false, assign: false, attach: false });
  });

  it('lets an assigner reassign an open request only', () => {
    expect(requestActions(inReview, holding('servicerequests:assign')).assign).toBe(true);
    expect(requestActions(closed, holding('servicerequests:assign', 'servicerequests:edit'))).toEqual({ moves: [], edit: false, assign: false, attach: false });
  });

  it('lets files be attached with files:create on top of edit', () => {
    expect(requestActions(inReview, holding('servicerequests:edit')).attach).toBe(false);
    expect(requestActions(inReview, holding('servicerequests:edit', 'files:create')).attach).toBe(true);
  });
});
