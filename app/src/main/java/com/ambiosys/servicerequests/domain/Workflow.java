package com.ambiosys.servicerequests.domain;

import static com.ambiosys.servicerequests.domain.RequestStatus.ACCEPTED;
import static com.ambiosys.servicerequests.domain.RequestStatus.CANCELLED;
import static com.ambiosys.servicerequests.domain.RequestStatus.COMPLETED;
import static com.ambiosys.servicerequests.domain.RequestStatus.IN_PROGRESS;
import static com.ambiosys.servicerequests.domain.RequestStatus.IN_REVIEW;
import static com.ambiosys.servicerequests.domain.RequestStatus.LOST;
import static com.ambiosys.servicerequests.domain.RequestStatus.NEW;
import static com.ambiosys.servicerequests.domain.RequestStatus.PENDING_APPROVAL;
import static com.ambiosys.servicerequests.domain.RequestStatus.QUOTED;
import static com.ambiosys.servicerequests.domain.RequestStatus.SCHEDULED;
import static com.ambiosys.servicerequests.domain.RequestStatus.WAITING_ON_CUSTOMER;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The service request workflow as an explicit state machine: new → in review → (pending approval →)
 * quoted → accepted → scheduled → in progress → completed; cancelled or lost, with a reason, from any
 * open state; waiting on the customer from any open state, back to the state it left. No status is
 * ever set directly: {@link #check} says whether a move is legal.
 */
public final class Workflow {

    /** Why a transition is refused. */
    public enum Refusal {
        ILLEGAL, REASON_REQUIRED, APPROVAL_REQUIRED, NOT_AN_APPROVER
    }

    /** A refused transition. */
    public static final class IllegalTransition extends RuntimeException {
        private final RequestStatus from;
        private final RequestStatus to;
        private final Refusal refusal;

        IllegalTransition(RequestStatus from, RequestStatus to, Refusal refusal) {
            super(refusal + ": " + from + " → " + to);
            this.from = from;
            this.to = to;
            this.refusal = refusal;
        }

        public RequestStatus from() {
            return from;
        }

        public RequestStatus to() {
            return to;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    private static final Map<RequestStatus, Set<RequestStatus>> FORWARD = new EnumMap<>(RequestStatus.class);

    static {
        FORWARD.put(NEW, EnumSet.of(IN_REVIEW));
        FORWARD.put(IN_REVIEW, EnumSet.of(QUOTED, PENDING_APPROVAL));
        FORWARD.put(PENDING_APPROVAL, EnumSet.of(QUOTED, IN_REVIEW));
        FORWARD.put(QUOTED, EnumSet.of(ACCEPTED, IN_REVIEW));
        FORWARD.put(ACCEPTED, EnumSet.of(SCHEDULED));
        FORWARD.put(SCHEDULED, EnumSet.of(IN_PROGRESS, ACCEPTED));
        FORWARD.put(IN_PROGRESS, EnumSet.of(COMPLETED));
        FORWARD.put(WAITING_ON_CUSTOMER, EnumSet.noneOf(RequestStatus.class));
        FORWARD.put(COMPLETED, EnumSet.noneOf(RequestStatus.class));
        FORWARD.put(CANCELLED, EnumSet.noneOf(RequestStatus.class));
        FORWARD.put(LOST, EnumSet.noneOf(RequestStatus.class));
    }

    private final boolean approvalRequired;

    /** @param approvalRequired whether the tenant wants a manager's approval before a request is quoted */
    public Workflow(boolean approvalRequired) {
        this.approvalRequired = approvalRequired;
    }

    public boolean approvalRequired() {
        return approvalRequired;
    }

    /**
     * The states a request can move to from {@code from}; {@code resumeTo} is the state a request waiting
     * on the customer left (null otherwise).
     */
    public Set<RequestStatus> targets(RequestStatus from, RequestStatus resumeTo) {
        Set<RequestStatus> targets = EnumSet.noneOf(RequestStatus.class);
        if (!from.isOpen()) {
            return targets;
        }
        targets.addAll(FORWARD.get(from));
        if (from == IN_REVIEW) {
            targets.remove(approvalRequired ? QUOTED : PENDING_APPROVAL);
        }
        if (from == WAITING_ON_CUSTOMER) {
            if (resumeTo != null) {
                targets.add(resumeTo);
            }
        }
        else {
            targets.add(WAITING_ON_CUSTOMER);
        }
        targets.add(CANCELLED);
        targets.add(LOST);
        return targets;
    }

    /**
     * Checks a move and throws {@link IllegalTransition} when it is refused.
     *
     * @param reason the comment given with the move (cancelled and lost need one)
     * @param canApprove whether the actor may approve (needed to quote a request pending approval)
     */
    public void check(RequestStatus from, RequestStatus resumeTo, RequestStatus to, String reason, boolean canApprove) {
        if (!targets(from, resumeTo).contains(to)) {
            Refusal refusal = from == IN_REVIEW && to == QUOTED && approvalRequired ? Refusal.APPROVAL_REQUIRED
                    : Refusal.ILLEGAL;
            throw new IllegalTransition(from, to, refusal);
        }
        if ((to == CANCELLED || to == LOST) && (reason == null || reason.isBlank())) {
            throw new IllegalTransition(from, to, Refusal.REASON_REQUIRED);
        }
        if (from == PENDING_APPROVAL && !canApprove) {
            throw new IllegalTransition(from, to, Refusal.NOT_AN_APPROVER);
        }
    }

    /**
     * The first response to a request is its first move out of NEW to another open state (asking the
     * customer for more, waiting on them, counts); ending it is not a response.
     */
    public static boolean isFirstResponse(RequestStatus from, RequestStatus to) {
        return from == NEW && to.isOpen();
    }
}
