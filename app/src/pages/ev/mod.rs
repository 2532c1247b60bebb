//! The EV workflow's pages: the one-use link an outsider answers, and the account's EV
//! Request Approvals.

pub mod approvals;
pub mod link;
