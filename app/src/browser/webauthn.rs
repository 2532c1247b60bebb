//! The browser's half of a passkey ceremony: hand the server's options to
//! `navigator.credentials` and give back the authenticator's answer as JSON. The browser's
//! own `parse…OptionsFromJSON` and `toJSON` do the encoding, so the server's JSON passes
//! through untouched.

/// Why a ceremony did not produce an answer, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CeremonyError {
    #[error("This browser cannot use passkeys. Use a current browser, or sign in another way.")]
    Unsupported,
    #[error("The passkey request was cancelled or timed out. Try again.")]
    Cancelled,
    #[error("This browser refused to use a passkey at this address ({0}).")]
    Refused(String),
    #[error("This passkey is already registered.")]
    AlreadyRegistered,
    #[error("The passkey request failed: {0}")]
    Failed(String),
}

impl CeremonyError {
    /// What to tell the user, in their language (the `Display` text is the English one, for
    /// logs).
    pub fn msg(&self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            Self::Unsupported => Msg::new("err-passkey-unsupported"),
            Self::Cancelled => Msg::new("err-passkey-cancelled"),
            Self::Refused(detail) => Msg::new("err-passkey-refused").arg("detail", detail),
            Self::AlreadyRegistered => Msg::new("err-passkey-already-registered"),
            Self::Failed(detail) => Msg::new("err-passkey-failed").arg("detail", detail),
        }
    }
}

/// What to ask the authenticator for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ceremony {
    /// `navigator.credentials.create()`: a new passkey.
    Create,
    /// `navigator.credentials.get()`: an answer from an existing one.
    Get,
}

/// Runs the ceremony in the browser. On the server (where no handler runs) it is refused.
pub async fn run(ceremony: Ceremony, options: &str) -> Result<String, CeremonyError> {
    #[cfg(feature = "hydrate")]
    {
        browser::run(ceremony, options).await
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (ceremony, options);
        Err(CeremonyError::Unsupported)
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use wasm_bindgen_futures::js_sys::{self, Function, JSON, Object, Promise, Reflect};

    use super::{Ceremony, CeremonyError};

    fn get(target: &JsValue, key: &str) -> Result<JsValue, CeremonyError> {
        Reflect::get(target, &JsValue::from_str(key)).map_err(|_| CeremonyError::Unsupported)
    }

    fn function(target: &JsValue, key: &str) -> Result<Function, CeremonyError> {
        get(target, key)?
            .dyn_into::<Function>()
            .map_err(|_| CeremonyError::Unsupported)
    }

    /// A DOMException from the WebAuthn API, by its name.
    fn refused(e: JsValue) -> CeremonyError {
        let text = |key: &str| {
            get(&e, key)
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        match text("name").as_str() {
            "NotAllowedError" | "AbortError" => CeremonyError::Cancelled,
            "SecurityError" => CeremonyError::Refused(text("message")),
            "InvalidStateError" => CeremonyError::AlreadyRegistered,
            "NotSupportedError" => CeremonyError::Unsupported,
            _ => CeremonyError::Failed(text("message")),
        }
    }

    pub async fn run(ceremony: Ceremony, options: &str) -> Result<String, CeremonyError> {
        let window: JsValue = js_sys::global().into();
        let class = get(&window, "PublicKeyCredential")?;
        if class.is_undefined() {
            return Err(CeremonyError::Unsupported);
        }
        let (parse, method) = match ceremony {
            Ceremony::Create => ("parseCreationOptionsFromJSON", "create"),
            Ceremony::Get => ("parseRequestOptionsFromJSON", "get"),
        };
        let options = JSON::parse(options)
            .map_err(|_| CeremonyError::Failed("the server's options were malformed".into()))?;
        let public_key = function(&class, parse)?
            .call1(&class, &get(&options, "publicKey")?)
            .map_err(refused)?;
        let request = Object::new();
        Reflect::set(&request, &JsValue::from_str("publicKey"), &public_key).map_err(refused)?;
        let credentials = get(&get(&window, "navigator")?, "credentials")?;
        let promise: Promise = function(&credentials, method)?
            .call1(&credentials, &request)
            .map_err(refused)?
            .dyn_into()
            .map_err(|_| CeremonyError::Unsupported)?;
        let credential = JsFuture::from(promise).await.map_err(refused)?;
        // `JSON.stringify` calls the credential's `toJSON()`: base64url fields, as webauthn-rs reads them.
        JSON::stringify(&credential)
            .map_err(refused)?
            .as_string()
            .ok_or(CeremonyError::Unsupported)
    }
}

/// A whole ceremony as a page runs it: ask the server for a challenge, let the authenticator
/// answer, hand the answer back. Fails with the sentence to show the user.
pub async fn perform<T, Start, Finish, FinishFut>(
    ceremony: Ceremony,
    start: Start,
    finish: Finish,
) -> Result<T, String>
where
    Start: std::future::Future<
            Output = Result<crate::model::passkeys::PasskeyChallengeView, crate::error::AppError>,
        >,
    Finish: FnOnce(String, String) -> FinishFut,
    FinishFut: std::future::Future<Output = Result<T, crate::error::AppError>>,
{
    let challenge = start.await.map_err(|e| message(&e))?;
    let answer = run(ceremony, &challenge.options)
        .await
        .map_err(|e| e.msg().text(crate::i18n::page_lang()))?;
    finish(challenge.ceremony, answer)
        .await
        .map_err(|e| message(&e))
}

/// The state of a passkey button while its ceremony runs: `busy` while the authenticator is
/// asked (the button is disabled and says so), `problem` with the sentence when it failed.
#[derive(Debug, Clone, Copy)]
pub struct Prompt {
    pub busy: leptos::prelude::RwSignal<bool>,
    pub problem: leptos::prelude::RwSignal<Option<String>>,
}

impl Prompt {
    pub fn new() -> Self {
        Self {
            busy: leptos::prelude::RwSignal::new(false),
            problem: leptos::prelude::RwSignal::new(None),
        }
    }

    /// Runs `ceremony` (usually [`perform`]) in the background and hands its answer to `done`.
    pub fn run<T: 'static>(
        self,
        ceremony: impl std::future::Future<Output = Result<T, String>> + 'static,
        done: impl FnOnce(T) + 'static,
    ) {
        use leptos::prelude::Set;
        self.busy.set(true);
        self.problem.set(None);
        leptos::task::spawn_local(async move {
            let result = ceremony.await;
            self.busy.set(false);
            match result {
                Ok(answer) => done(answer),
                Err(m) => self.problem.set(Some(m)),
            }
        });
    }
}

impl Default for Prompt {
    fn default() -> Self {
        Self::new()
    }
}

/// The server's refusal in words: the passkey's or name's own message when it gave one. In the
/// page's language as `<html lang>` says it, since the ceremony finishes outside any component.
fn message(e: &crate::error::AppError) -> String {
    let lang = crate::i18n::page_lang();
    e.field_msg("passkey")
        .or_else(|| e.field_msg("name"))
        .map_or_else(|| e.text(lang), |m| m.text(lang))
}
