//! Badges that say what a state means: success, warning, danger or neutral, by colour and by
//! the word beside it (colour alone is not enough).

use leptos::prelude::*;

use crate::model::{
    certificate_status::CertificateState, domains::DomainStatus, order_status::OrderStatus,
};

/// What a state means to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Success,
    Warning,
    Danger,
    Neutral,
}

impl Tone {
    pub fn class(self) -> &'static str {
        match self {
            Self::Success => "badge badge-success",
            Self::Warning => "badge badge-warning",
            Self::Danger => "badge badge-danger",
            Self::Neutral => "badge badge-neutral",
        }
    }
}

pub fn order_tone(status: OrderStatus) -> Tone {
    match status {
        OrderStatus::Fulfilled => Tone::Success,
        OrderStatus::OnHold
        | OrderStatus::PendingApproval
        | OrderStatus::PendingParentApproval
        | OrderStatus::Accepted
        | OrderStatus::InProgress => Tone::Warning,
        OrderStatus::Rejected => Tone::Danger,
        OrderStatus::Cancelled => Tone::Neutral,
    }
}

pub fn certificate_tone(state: CertificateState) -> Tone {
    match state {
        CertificateState::Valid => Tone::Success,
        CertificateState::Expired => Tone::Neutral,
        CertificateState::Revoked => Tone::Danger,
    }
}

pub fn domain_tone(status: DomainStatus) -> Tone {
    match status {
        DomainStatus::Verified => Tone::Success,
        DomainStatus::Pending => Tone::Warning,
        DomainStatus::Expired => Tone::Neutral,
    }
}

/// A badge of `tone` reading `text`.
#[component]
pub fn Badge(
    tone: Tone,
    #[prop(into)] text: String,
    #[prop(optional)] test_id: Option<&'static str>,
) -> impl IntoView {
    view! { <span class=tone.class() data-testid=test_id>{text}</span> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_revoked_certificate_never_looks_like_a_valid_one() {
        assert_ne!(
            certificate_tone(CertificateState::Revoked),
            certificate_tone(CertificateState::Valid)
        );
        assert_eq!(certificate_tone(CertificateState::Revoked), Tone::Danger);
    }

    #[test]
    fn only_a_fulfilled_order_reads_as_done() {
        for s in OrderStatus::ALL {
            assert_eq!(order_tone(s) == Tone::Success, s == OrderStatus::Fulfilled);
        }
    }
}
