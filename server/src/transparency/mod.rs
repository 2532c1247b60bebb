//! Certificate Transparency (RFC 6962): precertificates, the SCTs logs return for them, the
//! client that submits to the configured logs, and the test log the test run starts.

pub mod log_server;
pub mod precert;
pub mod sct;
