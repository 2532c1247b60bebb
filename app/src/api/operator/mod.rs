//! Server functions of the operator console.

mod accounts;
mod legal;
mod mass_revoke;
mod multiple_groups;
mod review_partner;
mod revocation_batch;
mod revocation_search;
mod vetting;

pub use accounts::*;
pub use legal::*;
pub use mass_revoke::*;
pub use multiple_groups::*;
pub use review_partner::*;
pub use revocation_batch::*;
pub use revocation_search::*;
pub use vetting::*;
