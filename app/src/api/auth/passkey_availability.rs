use leptos::prelude::*;

use crate::{error::AppError, model::passkeys::PasskeyAvailability};

/// Whether passkeys can work at the address the browser used (not at an IP address, only at
/// the server's passkey origin), and where they work otherwise.
#[server(endpoint = "auth/passkey/availability")]
pub async fn passkeys_available_here() -> Result<PasskeyAvailability, AppError> {
    crate::api::call(|backend, meta| async move { backend.passkeys.availability(&meta).await })
        .await
}
