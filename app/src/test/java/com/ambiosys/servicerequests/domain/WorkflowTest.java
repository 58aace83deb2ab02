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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.ambiosys.servicerequests.domain.Workflow.IllegalTransition;
import com.ambiosys.servicerequests.domain.Workflow.Refusal;

class WorkflowTest {

    final Workflow plain = new Workflow(false);
    final Workflow withApproval = new Workflow(true);

    Refusal refusal(Workflow workflow, RequestStatus from, RequestStatus resumeTo, RequestStatus to, String reason,
            boolean canApprove) {
        try {
            workflow.check(from, resumeTo, to, reason, canApprove);
            return null;
        }
        catch (IllegalTransition ex) {
            return ex.refusal();
        }
    }

    @Test
    void theHappyPathIsLegalStepByStep() {
        List<RequestStatus> path = List.of(NEW, IN_REVIEW, QUOTED, ACCEPTED, SCHEDULED, IN_PROGRESS, COMPLETED);
        for (int i = 1; i < path.size(); i++) {
            RequestStatus from = path.get(i - 1);
            RequestStatus to = path.get(i);
            assertThatCode(() -> plain.check(from, null, to, null, false)).as(from + " → " + to).doesNotThrowAnyException();
        }
    }

    @Test
    void skippingAStepOrGoingBackFromTheEndIsIllegal() {
        assertThat(refusal(plain, NEW, null, QUOTED, null, true)).isEqualTo(Refusal.ILLEGAL);
        assertThat(refusal(plain, IN_REVIEW, null, SCHEDULED, null, true)).isEqualTo(Refusal.ILLEGAL);
        assertThat(refusal(plain, ACCEPTED, null, COMPLETED, null, true)).isEqualTo(Refusal.ILLEGAL);
        assertThat(refusal(plain, NEW, null, NEW, null, true)).isEqualTo(Refusal.ILLEGAL);
        for (RequestStatus closed : List.of(COMPLETED, CANCELLED, LOST)) {
            for (RequestStatus to : RequestStatus.values()) {
                assertThat(refusal(plain, closed, null, to, "porque sí", true)).as(closed + " → " + to)
                    .isEqualTo(Refusal.ILLEGAL);
            }
            assertThat(plain.targets(closed, null)).isEmpty();
        }
    }

    @Test
    void cancelledOrLostFromEveryOpenStateButOnlyWithAReason() {
        for (RequestStatus from : RequestStatus.values()) {
            if (!from.isOpen()) {
                continue;
            }
            RequestStatus resumeTo = from == WAITING_ON_CUSTOMER ? QUOTED : null;
            for (RequestStatus end : List.of(CANCELLED, LOST)) {
                assertThat(refusal(plain, from, resumeTo, end, "El cliente contrató a otro proveedor", true))
                    .as(from + " → " + end).isNull();
                assertThat(refusal(plain, from, resumeTo, end, " ", true)).isEqualTo(Refusal.REASON_REQUIRED);
                assertThat(refusal(plain, from, resumeTo, end, null, true)).isEqualTo(Refusal.REASON_REQUIRED);
            }
        }
    }

    @Test
    void waitingOnTheCustomerReturnsOnlyToTheStateItLeft() {
        for (RequestStatus from : List.of(NEW, IN_REVIEW, QUOTED, ACCEPTED, SCHEDULED, IN_PROGRESS)) {
            assertThat(plain.targets(from, null)).contains(WAITING_ON_CUSTOMER);
            assertThat(plain.targets(WAITING_ON_CUSTOMER, from)).containsExactlyInAnyOrder(from, CANCELLED, LOST);
        }
        assertThat(refusal(plain, WAITING_ON_CUSTOMER, QUOTED, COMPLETED, null, true)).isEqualTo(Refusal.ILLEGAL);
        assertThat(refusal(plain, WAITING_ON_CUSTOMER, QUOTED, WAITING_ON_CUSTOMER, null, true)).isEqualTo(Refusal.ILLEGAL);
    }

    @Test
    void withApprovalARequestIsApprovedByAManagerBeforeItIsQuoted() {
        assertThat(withApproval.targets(IN_REVIEW, null)).contains(PENDING_APPROVAL).doesNotContain(QUOTED);
        assertThat(plain.targets(IN_REVIEW, null)).contains(QUOTED).doesNotContain(PENDING_APPROVAL);
        assertThat(refusal(withApproval, IN_REVIEW, null, QUOTED, null, true)).isEqualTo(Refusal.APPROVAL_REQUIRED);
        assertThat(refusal(withApproval, IN_REVIEW, null, PENDING_APPROVAL, null, false)).isNull();
        assertThat(refusal(withApproval, PENDING_APPROVAL, null, QUOTED, null, false)).isEqualTo(Refusal.NOT_AN_APPROVER);
        assertThat(refusal(withApproval, PENDING_APPROVAL, null, QUOTED, null, true)).isNull();
        assertThat(refusal(withApproval, PENDING_APPROVAL, null, IN_REVIEW, "Falta visita técnica", true)).isNull();
        assertThatThrownBy(() -> withApproval.check(PENDING_APPROVAL, null, IN_REVIEW, null, false))
            .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void theFirstResponseIsTheFirstMoveOutOfNew() {
        assertThat(Workflow.isFirstResponse(NEW, IN_REVIEW)).isTrue();
        assertThat(Workflow.isFirstResponse(NEW, WAITING_ON_CUSTOMER)).isTrue();
        assertThat(Workflow.isFirstResponse(NEW, CANCELLED)).isFalse();
        assertThat(Workflow.isFirstResponse(IN_REVIEW, QUOTED)).isFalse();
    }
}
