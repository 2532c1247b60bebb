//! Two-factor sign-in as the pages show it.

use serde::{Deserialize, Serialize};

/// The secret to put in an authenticator app: a QR code (SVG) and the same as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolmentView {
    pub secret: String,
    pub qr_svg: String,
}
