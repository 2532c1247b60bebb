//! Remote network perspectives for Multi-Perspective Issuance Corroboration (TLS BR
//! 3.2.2.9). A perspective is this same binary run as `server perspective serve` elsewhere
//! (another region, another network); the primary reaches each one over mutual TLS and asks
//! it to do the lookups of a check with its own resolver. The quorum rules are
//! `domain::mpic` and `domain::br_rules`.

pub mod client;
pub mod corroborate;
pub mod corroborator;
#[cfg(test)]
pub mod fake;
pub mod serve;
#[cfg(test)]
mod tests;
pub mod tls;
pub mod wire;
