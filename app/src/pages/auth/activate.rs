use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::auth::{Activate, activation_details},
    components::{
        auth_card::{AuthCard, CheckedLink},
        field::{Field, FieldRule},
        form_alert::FormAlert,
    },
    i18n::{t, t_args},
    model::password,
};

#[component]
pub fn ActivatePage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let details = Resource::new(token, activation_details);
    view! {
        <AuthCard title="page-activate">
            <CheckedLink resource=details let:view>
                <ActivationForm token=token() email=view.user_email.clone() name=view.user_name.clone() account=view.account_name.clone() />
            </CheckedLink>
        </AuthCard>
    }
}

#[component]
fn ActivationForm(token: String, email: String, name: String, account: String) -> impl IntoView {
    let action = ServerAction::<Activate>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let field_error =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    view! {
        <p class="lead">
            {t_args("activate-welcome", &[
                ("name", name.into()),
                ("email", email.clone().into()),
                ("account", account.into()),
            ])}
        </p>
        <ActionForm action=action>
            <FormAlert error=error />
            <input type="hidden" name="token" value=token />
            <input type="text" name="username" autocomplete="username" value=email hidden=true readonly=true />
            <Field label=t("field-new-password") name="password" input_type="password"
                autocomplete="new-password" hint=password::POLICY
                server_error=field_error("password") validate=FieldRule::NewPassword />
            <Field label=t("field-confirm-password") name="password_confirmation" input_type="password"
                autocomplete="new-password" server_error=field_error("password_confirmation") />
            <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                {t("activate-button")}
            </button>
        </ActionForm>
    }
}
