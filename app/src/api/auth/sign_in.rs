use leptos::prelude::*;

use crate::error::AppError;

/// `next`: a page of the portal to continue on (an invitation link), followed when the
/// password completes the sign-in.
#[server(endpoint = "auth/sign-in")]
pub async fn sign_in(
    email: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    // Refused, the page comes back with the address (never the password) filled in.
    let typed = email.clone();
    let result = crate::api::call(|backend, meta| async move {
        let signed_in = backend.identity.sign_in(&meta, &email, &password).await?;
        let next = match next.as_deref() {
            Some(n)
                if signed_in.second_factor.is_none() && crate::model::invitation::safe_next(n) =>
            {
                n.to_owned()
            }
            _ => signed_in.next_page().to_owned(),
        };
        crate::api::set_cookie(signed_in.cookie)?;
        if let Some(lang) = signed_in.lang_cookie {
            crate::api::set_cookie(lang)?;
        }
        leptos_axum::redirect(&next);
        Ok(())
    })
    .await;
    crate::api::refill::keep_if_refused(result, "/sign-in", &[("email", typed.as_str())])
}
