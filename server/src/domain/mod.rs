//! Pure rules: no I/O, no clock, no randomness of their own. Table-driven tests.

pub mod audit_chain;
pub mod bank_account;
pub mod br_rules;
pub mod caa;
pub mod client_limits;
pub mod contact_email;
pub mod ct_policy;
pub mod dcv;
pub mod gst;
pub mod identity_limits;
pub mod ip_range;
pub mod ledger;
pub mod low_balance;
pub mod mpic;
pub mod pdf_document;
pub mod persist_record;
pub mod public_address;
pub mod revocation;
pub mod secret_token;
pub mod template;
pub mod totp;
pub mod tracking_link;
pub mod trusted_proxies;
pub mod validity;
pub mod vetting_reuse;
