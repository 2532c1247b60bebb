pub mod accounts;
pub mod legal;
pub mod payments;
pub mod products;
pub mod revocations;
pub mod vetting;
