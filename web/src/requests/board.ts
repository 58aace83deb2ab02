import { CLOSED_STATUSES, OPEN_STATUSES, type RequestStatus } from './types';

/** What the board knows of the card being dragged: its status and, once the server answered, its legal moves. */
export interface Dragged {
  id: string;
  from: RequestStatus;
  /** The request's `allowedTransitions` from `GET /{id}`; undefined while loading. */
  allowed?: readonly RequestStatus[];
}

/**
 * Whether the dragged card may be dropped on a column: only on a move the server listed, never on its
 * own column, and nothing while the server has not answered yet.
 */
export function canDrop(dragged: Dragged | null, column: RequestStatus): boolean {
  if (!dragged || !dragged.allowed || column === dragged.from) return false;
  return dragged.allowed.includes(column);
}

/** Moves to these states need a reason (the server answers 400 `reason-required` otherwise). */
export function needsReason(to: RequestStatus): boolean {
  return to === 'CANCELLED' || to === 'LOST';
}

/**
 * The board's columns: every open state (pending approval only where the tenant requires approval or
 * a card is in it), then the closed states as collapsed drop targets.
 */
export function boardColumns(approvalRequired: boolean, statusesWithCards: Iterable<RequestStatus>): {
  open: RequestStatus[]; closed: RequestStatus[];
} {
  const present = new Set(statusesWithCards);
  const open = OPEN_STATUSES.filter((s) => s !== 'PENDING_APPROVAL' || approvalRequired || present.has(s));
  return { open, closed: CLOSED_STATUSES };
}

/** The keyboard alternative's menu: the legal moves other than staying. */
export function menuTargets(dragged: Dragged): RequestStatus[] {
  return (dragged.allowed ?? []).filter((s) => s !== dragged.from);
}
