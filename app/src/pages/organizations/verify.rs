//! The representative's authentication-code page (BR 3.2.5, EVG 11.5): opened from the mailed
//! link, it asks for the code the validation team sent or read out. Plain HTML: the form posts
//! without script.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::i18n::{t, t_args};
use crate::{
    api::organizations::{OrganizationVerifyCode, organization_code_link},
    components::{
        auth_card::AuthCard,
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
    },
};

#[component]
pub fn OrganizationVerifyPage() -> impl IntoView {
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    let done = use_query_map().with_untracked(|q| q.get("done").is_some());
    view! {
        <AuthCard title="page-verify-code">
            {if done {
                view! { <Notice>{t("verify-code-done")}</Notice> }.into_any()
            } else {
                view! { <CodeForm token=token /> }.into_any()
            }}
        </AuthCard>
    }
}

#[component]
fn CodeForm(token: String) -> impl IntoView {
    let link_token = token.clone();
    let link = Resource::new_blocking(move || link_token.clone(), organization_code_link);
    // An unknown, used or expired link answers "not found": no form to fill then.
    view! {
        <Loaded resource=link let:organization>
            <p class="lead">{t_args("verify-code-lead", &[("organization", organization.into())])}</p>
            <EnterCode token=token.clone() />
        </Loaded>
    }
}

#[component]
fn EnterCode(token: String) -> impl IntoView {
    let action = ServerAction::<OrganizationVerifyCode>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let code_error = Signal::derive(move || error.get().and_then(|e| e.field("code")));
    let other_error = Signal::derive(move || error.get().filter(|e| e.field("code").is_none()));
    view! {
        <ActionForm action=action>
            <FormAlert error=other_error />
            <input type="hidden" name="token" value=token />
            <div class="field" class:field-invalid=move || code_error.get().is_some()>
                <label for="verify-code">{t("verify-code-label")}</label>
                <input id="verify-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                    maxlength="6" required=true aria-describedby="verify-code-error" />
                <p class="field-error" id="verify-code-error" role="alert">{move || code_error.get()}</p>
            </div>
            <button type="submit" class="button button-primary">{t("verify-code-submit")}</button>
        </ActionForm>
    }
}
