//! Passkeys as the profile and the sign-in pages see them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyView {
    pub id: i32,
    pub name: String,
    /// `YYYY-MM-DD`.
    pub added_on: String,
    /// `YYYY-MM-DD HH:MM UTC`, or `None` before its first use.
    pub last_used: Option<String>,
}

/// A WebAuthn challenge: the options for `navigator.credentials` as JSON, and the token that
/// names the ceremony when the browser's answer comes back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyChallengeView {
    pub ceremony: String,
    pub options: String,
}

/// What the second-factor page offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondFactorChoicesView {
    pub code: bool,
    pub passkey: bool,
}
