//! The page the verification e-mail links to. Verifying takes a press of the button (a POST),
//! so mail scanners that open links do not verify on the mailbox owner's behalf.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::smime::SmimeVerify,
    components::{auth_card::AuthCard, form_alert::FormAlert},
};

#[component]
pub fn SmimeVerifyPage() -> impl IntoView {
    let params = use_params_map();
    let value = move || params.with(|p| p.get("value").unwrap_or_default());
    let verify = ServerAction::<SmimeVerify>::new();
    let error = Signal::derive(move || verify.value().get().and_then(Result::err));
    let done = move || verify.value().get().and_then(Result::ok);
    view! {
        <AuthCard title="Verify your e-mail address">
            <FormAlert error=error />
            {move || match done() {
                Some(email) => view! {
                    <div class="alert alert-success" role="status" data-testid="smime-verified">
                        {format!("Thank you. Control of {email} is verified; the certificate can now be activated.")}
                    </div>
                }.into_any(),
                None => view! {
                    <p>"An S/MIME certificate was requested for your e-mail address. Press Verify if you agree that it may be issued."</p>
                    <ActionForm action=verify>
                        <input type="hidden" name="value" value=value() />
                        <button type="submit" class="button">"Verify"</button>
                    </ActionForm>
                }.into_any(),
            }}
        </AuthCard>
    }
}
