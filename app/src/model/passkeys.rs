//! Passkeys as the profile and the sign-in pages see them.

use serde::{Deserialize, Serialize};

/// What a stored WebAuthn ceremony is for: its state answers only that step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CeremonyPurpose {
    Register,
    SignIn,
    SecondFactor,
}

impl CeremonyPurpose {
    pub const ALL: [CeremonyPurpose; 3] = [Self::Register, Self::SignIn, Self::SecondFactor];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Register => "register",
            Self::SignIn => "sign_in",
            Self::SecondFactor => "second_factor",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

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
