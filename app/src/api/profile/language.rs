use leptos::prelude::*;

use crate::error::AppError;

/// Switches the portal to `lang` (a tag: `en`, `pl`) for this browser, and keeps it as the
/// signed-in user's preference (their e-mails and documents follow it); then back to `back`,
/// the page the switcher was on. A plain form post, so it works without script and the page
/// comes back rendered whole in the new language.
#[server(endpoint = "profile/language")]
pub async fn set_language(lang: String, back: Option<String>) -> Result<(), AppError> {
    use crate::{
        i18n::Lang,
        model::{FieldErrors, invitation::safe_next},
    };
    crate::api::call(|backend, meta| async move {
        let Some(lang) = Lang::from_tag(&lang) else {
            return Err(AppError::Validation(FieldErrors::single(
                "lang",
                crate::i18n::Msg::new("err-no-such-language")
                    .arg("languages", Lang::ALL.map(Lang::tag).join(", "))
                    .arg("lang", lang.chars().take(20).collect::<String>()),
            )));
        };
        let back = back
            .filter(|b| safe_next(b))
            .unwrap_or_else(|| "/".to_owned());
        let cookie = backend.identity.set_language(&meta, lang).await?;
        crate::api::set_cookie(cookie)?;
        leptos_axum::redirect(&back);
        Ok(())
    })
    .await
}
