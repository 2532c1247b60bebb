//! The page the verification e-mail links to. Verifying takes a press of the button (a POST),
//! so mail scanners that open links do not verify on the mailbox owner's behalf.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::smime::SmimeVerify,
    components::{auth_card::AuthCard, form_alert::FormAlert},
    i18n::{t, t_args},
};

#[component]
pub fn SmimeVerifyPage() -> impl IntoView {
    let params = use_params_map();
    let value = params.with_untracked(|p| p.get("value").unwrap_or_default());
    view! {
        <AuthCard title="page-verify-email">
            <Verify value=value />
        </AuthCard>
    }
}

/// The button and what it did, in the page: an island.
#[island(lazy)]
fn Verify(value: String) -> impl IntoView {
    let value = StoredValue::new(value);
    let verify = ServerAction::<SmimeVerify>::new();
    let error = Signal::derive(move || verify.value().get().and_then(Result::err));
    let done = move || verify.value().get().and_then(Result::ok);
    view! {
            <FormAlert error=error />
            {move || match done() {
                Some(email) => view! {
                    <div class="alert alert-success" role="status" data-testid="smime-verified">
                        {t_args("smime-verify-done", &[("email", email.into())])}
                    </div>
                }.into_any(),
                None => view! {
                    <p>{t("smime-verify-lead")}</p>
                    <ActionForm action=verify>
                        <input type="hidden" name="value" value=value.get_value() />
                        <button type="submit" class="button">{t("smime-verify-button")}</button>
                    </ActionForm>
                }.into_any(),
            }}
    }
}
