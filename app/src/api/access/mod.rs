//! Server functions of account administration (audit log, users, roles, security rules).

mod audit_log;

pub use audit_log::*;
