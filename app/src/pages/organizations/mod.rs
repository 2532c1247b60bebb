//! Organizations (VAL-3): the list, adding one, one organization's page and its edit form.

pub mod consent;
pub mod edit;
pub mod list;
pub mod new;
pub mod verify;
pub mod view;

use crate::components::badge::Tone;
use crate::model::organizations::OrganizationStatus;

/// The badge tone of an organization's standing.
pub(crate) fn status_tone(status: OrganizationStatus, expired: bool) -> Tone {
    if expired {
        return Tone::Neutral;
    }
    match status {
        OrganizationStatus::VerifiedOv | OrganizationStatus::VerifiedEv => Tone::Success,
        OrganizationStatus::Draft
        | OrganizationStatus::Submitted
        | OrganizationStatus::InValidation => Tone::Warning,
        OrganizationStatus::Rejected | OrganizationStatus::Suspended => Tone::Danger,
    }
}
