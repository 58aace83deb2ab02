import type { Can } from '../shell/can';
import type { RequestStatus, ServiceRequest } from './types';

/** What the signed-in user may do with one service request: each button shows only when its entry says so. */
export interface RequestActions {
  /** the moves offered as buttons, menu entries and board drops */
  moves: RequestStatus[];
  edit: boolean;
  assign: boolean;
  attach: boolean;
}

/**
 * The server's rules for a request, for the buttons: its `allowedTransitions` are the moves its state allows
 * (none once closed); moving needs `servicerequests:edit`, and any move out of pending approval (approve,
 * return to review, cancel, ...) also `servicerequests:approve` (Workflow.check answers 403 otherwise);
 * reassigning needs `servicerequests:assign`; editing and attaching files need `servicerequests:edit` (and
 * `files:create`) on an open request.
 */
export function requestActions(r: Pick<ServiceRequest, 'status' | 'allowedTransitions'>, can: Can): RequestActions {
  const open = r.allowedTransitions.length > 0;
  const edit = can('servicerequests:edit');
  const decides = r.status !== 'PENDING_APPROVAL' || can('servicerequests:approve');
  return {
    moves: edit && decides ? [...r.allowedTransitions] : [],
    edit: edit && open,
    assign: can('servicerequests:assign') && open,
    attach: edit && can('files:create') && open,
  };
}
