//! Order statuses (ORD-5) and the only transitions between them: the seeds' list, as a table
//! the service and the pages share.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrderStatus {
    /// Saved as a draft: nothing paid, nothing checked yet.
    OnHold,
    /// Waits for an administrator of the account.
    PendingApproval,
    /// A sub-account's order waits for its parent account.
    PendingParentApproval,
    /// Placed and paid; nothing done on it yet.
    Accepted,
    /// Someone acted on it (CSR, validation) and it is not issued yet.
    InProgress,
    /// The certificate is issued.
    Fulfilled,
    Cancelled,
    Rejected,
}

/// What happens to an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderEvent {
    /// Placed and paid at once (no approval needed).
    PlaceAndPay,
    /// Placed by someone whose orders need an administrator.
    SubmitForApproval,
    /// Placed by a sub-account: its parent approves.
    SubmitForParentApproval,
    /// An administrator approves and the order is paid.
    ApproveAndPay,
    Reject,
    /// The requester or the CA acted on it (CSR submitted, a domain validated).
    Act,
    Issue,
    Cancel,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 8] = [
        Self::OnHold,
        Self::PendingApproval,
        Self::PendingParentApproval,
        Self::Accepted,
        Self::InProgress,
        Self::Fulfilled,
        Self::Cancelled,
        Self::Rejected,
    ];

    /// The words the seeds use, shown in lists and on the order page.
    pub fn label(self) -> &'static str {
        match self {
            Self::OnHold => "On Hold",
            Self::PendingApproval => "Order Pending for Approval",
            Self::PendingParentApproval => "Order pending for parent approval",
            Self::Accepted => "Order Accepted",
            Self::InProgress => "Order in progress",
            Self::Fulfilled => "Order Fulfilled",
            Self::Cancelled => "Order Cancelled",
            Self::Rejected => "Order Rejected",
        }
    }

    /// The catalogue key of its words in the user's language.
    pub fn key(self) -> &'static str {
        match self {
            Self::OnHold => "order-status-on-hold",
            Self::PendingApproval => "order-status-pending-approval",
            Self::PendingParentApproval => "order-status-pending-parent-approval",
            Self::Accepted => "order-status-accepted",
            Self::InProgress => "order-status-in-progress",
            Self::Fulfilled => "order-status-fulfilled",
            Self::Cancelled => "order-status-cancelled",
            Self::Rejected => "order-status-rejected",
        }
    }

    /// The stored and URL form.
    pub fn code(self) -> &'static str {
        match self {
            Self::OnHold => "on_hold",
            Self::PendingApproval => "pending_approval",
            Self::PendingParentApproval => "pending_parent_approval",
            Self::Accepted => "accepted",
            Self::InProgress => "in_progress",
            Self::Fulfilled => "fulfilled",
            Self::Cancelled => "cancelled",
            Self::Rejected => "rejected",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether the order has been paid and not refunded (what a cancellation must refund).
    pub fn is_paid(self) -> bool {
        matches!(self, Self::Accepted | Self::InProgress | Self::Fulfilled)
    }

    /// Where `event` takes an order in this status; `None` when the seeds allow no such step.
    pub fn after(self, event: OrderEvent) -> Option<OrderStatus> {
        use OrderEvent as E;
        use OrderStatus as S;
        match (self, event) {
            (S::OnHold, E::PlaceAndPay) => Some(S::Accepted),
            (S::OnHold, E::SubmitForApproval) => Some(S::PendingApproval),
            (S::OnHold, E::SubmitForParentApproval) => Some(S::PendingParentApproval),
            (S::PendingApproval | S::PendingParentApproval, E::ApproveAndPay) => Some(S::Accepted),
            (S::OnHold | S::PendingApproval | S::PendingParentApproval, E::Reject) => {
                Some(S::Rejected)
            }
            (S::Accepted | S::InProgress, E::Act) => Some(S::InProgress),
            (S::Accepted | S::InProgress, E::Issue) => Some(S::Fulfilled),
            (
                S::OnHold
                | S::PendingApproval
                | S::PendingParentApproval
                | S::Accepted
                | S::InProgress,
                E::Cancel,
            ) => Some(S::Cancelled),
            _ => None,
        }
    }

    /// Where a new order starts, by how it was submitted: a draft is `OnHold` and the other
    /// submissions are the step from `OnHold`.
    pub fn on_submission(event: Option<OrderEvent>) -> Option<OrderStatus> {
        match event {
            None => Some(Self::OnHold),
            Some(e) => Self::OnHold.after(e),
        }
    }

    pub fn is_final(self) -> bool {
        matches!(self, Self::Fulfilled | Self::Cancelled | Self::Rejected)
    }
}

#[cfg(test)]
mod tests {
    use super::{OrderEvent as E, OrderStatus as S};

    const EVENTS: [E; 8] = [
        E::PlaceAndPay,
        E::SubmitForApproval,
        E::SubmitForParentApproval,
        E::ApproveAndPay,
        E::Reject,
        E::Act,
        E::Issue,
        E::Cancel,
    ];

    /// Every allowed step; anything not listed must be refused.
    const ALLOWED: &[(S, E, S)] = &[
        (S::OnHold, E::PlaceAndPay, S::Accepted),
        (S::OnHold, E::SubmitForApproval, S::PendingApproval),
        (
            S::OnHold,
            E::SubmitForParentApproval,
            S::PendingParentApproval,
        ),
        (S::OnHold, E::Reject, S::Rejected),
        (S::OnHold, E::Cancel, S::Cancelled),
        (S::PendingApproval, E::ApproveAndPay, S::Accepted),
        (S::PendingApproval, E::Reject, S::Rejected),
        (S::PendingApproval, E::Cancel, S::Cancelled),
        (S::PendingParentApproval, E::ApproveAndPay, S::Accepted),
        (S::PendingParentApproval, E::Reject, S::Rejected),
        (S::PendingParentApproval, E::Cancel, S::Cancelled),
        (S::Accepted, E::Act, S::InProgress),
        (S::Accepted, E::Issue, S::Fulfilled),
        (S::Accepted, E::Cancel, S::Cancelled),
        (S::InProgress, E::Act, S::InProgress),
        (S::InProgress, E::Issue, S::Fulfilled),
        (S::InProgress, E::Cancel, S::Cancelled),
    ];

    #[test]
    fn the_transition_table_is_exactly_the_allowed_steps() {
        for from in S::ALL {
            for event in EVENTS {
                let expected = ALLOWED
                    .iter()
                    .find(|(f, e, _)| *f == from && *e == event)
                    .map(|(_, _, to)| *to);
                assert_eq!(from.after(event), expected, "{from:?} --{event:?}-->");
            }
        }
    }

    #[test]
    fn final_statuses_accept_no_event() {
        for s in S::ALL.into_iter().filter(|s| s.is_final()) {
            assert!(EVENTS.iter().all(|e| s.after(*e).is_none()), "{s:?}");
        }
    }

    #[test]
    fn only_placed_orders_count_as_paid() {
        let paid: Vec<S> = S::ALL.into_iter().filter(|s| s.is_paid()).collect();
        assert_eq!(paid, vec![S::Accepted, S::InProgress, S::Fulfilled]);
    }

    #[test]
    fn codes_round_trip_and_labels_are_the_seeds_words() {
        for s in S::ALL {
            assert_eq!(S::parse(s.code()), Some(s));
        }
        assert_eq!(S::PendingApproval.label(), "Order Pending for Approval");
        assert_eq!(S::OnHold.label(), "On Hold");
        assert_eq!(S::parse("shipped"), None);
    }

    #[test]
    fn a_new_order_starts_on_hold_or_one_step_after_it() {
        assert_eq!(S::on_submission(None), Some(S::OnHold));
        assert_eq!(S::on_submission(Some(E::PlaceAndPay)), Some(S::Accepted));
        assert_eq!(S::on_submission(Some(E::Issue)), None);
    }
}
