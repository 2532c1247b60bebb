//! Mass revocation (TLS BR 4.9.1.1, ballot SC-089): the search across accounts with its
//! revocation form, and each batch's progress.

pub mod batch;
pub mod search;
