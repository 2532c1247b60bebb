//! The page the constructed e-mail links to. Confirming takes a press of the button (a
//! POST), so mail scanners that open links do not confirm on the owner's behalf.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::domains::DcvConfirm,
    components::{auth_card::AuthCard, form_alert::FormAlert},
    i18n::{t, t_args},
};

#[component]
pub fn DcvConfirmPage() -> impl IntoView {
    let params = use_params_map();
    let domain = params.with_untracked(|p| p.get("domain").unwrap_or_default());
    let value = params.with_untracked(|p| p.get("value").unwrap_or_default());
    view! {
        <AuthCard title="page-confirm-domain">
            <Confirm domain=domain value=value />
        </AuthCard>
    }
}

/// The button and what it did, in the page: an island.
#[island(lazy)]
fn Confirm(domain: String, value: String) -> impl IntoView {
    let (domain, value) = (StoredValue::new(domain), StoredValue::new(value));
    let confirm = ServerAction::<DcvConfirm>::new();
    let error = Signal::derive(move || confirm.value().get().and_then(Result::err));
    let done = move || confirm.value().get().and_then(Result::ok);
    view! {
            <FormAlert error=error />
            {move || match done() {
                Some(name) => view! {
                    <div class="alert alert-success" role="status">
                        {t_args("dcv-confirm-done", &[("domain", name.into())])}
                    </div>
                }.into_any(),
                None => view! {
                    <p>{t("dcv-confirm-lead")}</p>
                    <ActionForm action=confirm>
                        <input type="hidden" name="domain" value=domain.get_value() />
                        <input type="hidden" name="value" value=value.get_value() />
                        <button type="submit" class="button">{t("dcv-confirm-button")}</button>
                    </ActionForm>
                }.into_any(),
            }}
    }
}
