//! Background work. Each job is a plain async function over the services, safe to run in
//! several server processes at once.

pub mod crl_refresh;
pub mod interim_dv;
pub mod mail_delivery;
pub mod mass_revocation;
pub mod ocsp_refresh;
pub mod renewals;
pub mod vetting_reminders;
