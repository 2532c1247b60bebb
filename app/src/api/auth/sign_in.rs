use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "auth/sign-in")]
pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
    crate::api::respond(
        async move {
            let (backend, meta) = crate::api::backend()?;
            let signed_in = backend.identity.sign_in(&meta, &email, &password).await?;
            crate::api::set_cookie(signed_in.cookie)?;
            use crate::ports::SecondFactorStep;
            leptos_axum::redirect(match signed_in.second_factor {
                Some(SecondFactorStep::Enrol) => "/sign-in/two-factor/enrol",
                Some(SecondFactorStep::Code) => "/sign-in/two-factor",
                None if signed_in.choose_account => "/choose-account",
                None => "/",
            });
            Ok(())
        }
        .await,
    )
}
