//! Use cases, one folder per area. Each owns its transactions and audit events.

pub mod access;
pub mod acme;
pub mod api_keys;
pub mod audit;
#[cfg(test)]
mod authorization_matrix;
pub mod billing;
pub mod catalog;
pub mod identity;
pub mod mass_revocation;
pub mod notifications;
pub mod orders;
pub mod organizations;
pub mod partners;
pub mod payments;
pub mod throttle;
pub mod validation;
pub mod vetting;
