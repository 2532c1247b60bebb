pub mod accounts;
pub mod legal;
pub mod products;
pub mod vetting;
