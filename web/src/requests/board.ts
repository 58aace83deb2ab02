import { CLOSED_STATUSES, OPEN_STATUSES, type RequestStatus, type SlaStatus } from './types';

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

const SLA_STAGE: Record<SlaStatus, number> = { ON_TRACK: 0, AT_RISK: 1, FULFILLED: 2, STOPPED: 2, BREACHED: 3 };

/**
 * Of two readings of one SLA clock (the list's stored one, the request's computed one), the later:
 * a clock only moves forward (on track → at risk → breached, or → fulfilled / stopped, and a breach
 * stays a breach), so the further along is the newer.
 */
export function laterSla(a: SlaStatus | null | undefined, b: SlaStatus | null | undefined): SlaStatus | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return SLA_STAGE[b] > SLA_STAGE[a] ? b : a;
}
