//! Two-factor sign-in as the pages show it.

use serde::{Deserialize, Serialize};

/// The secret to put in an authenticator app: a QR code (SVG) and the same as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolmentView {
    pub secret: String,
    pub qr_svg: String,
}

/// The user's own authenticator app, as the profile shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthenticatorAppView {
    pub enrolled: bool,
    /// The account requires an app: it cannot be removed.
    pub enforced: bool,
    pub recovery_codes_left: u64,
}
