//! The billing page's GST card (FIN-4): an INR account's GSTIN and state of supply, which its
//! tax invoices print and which decide between CGST + SGST and IGST.

use leptos::prelude::*;

use crate::i18n::t;
use crate::{
    api::billing::{BillingTaxDetailsSet, billing_tax_details},
    components::{form_alert::FormAlert, loaded::Loaded},
    error::AppError,
    model::gst_states::{STATES, TaxDetails},
};

#[component]
pub fn TaxDetailsCard() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |()| billing_tax_details());
    view! {
        <Loaded resource=data let:details>
            {details.inr.then(|| view! { <TaxForm details=details.clone() /> })}
        </Loaded>
    }
}

#[component]
fn TaxForm(details: TaxDetails) -> impl IntoView {
    let action = ServerAction::<BillingTaxDetailsSet>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    let saved = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("tax").is_some());
    let chosen = details.state;
    view! {
        <section class="card" aria-labelledby="tax-heading">
            <h2 id="tax-heading">{t("billing-tax-heading")}</h2>
            <p class="muted">{t("billing-tax-lead")}</p>
            {saved.then(|| view! { <crate::components::form_alert::Notice>{t("billing-tax-saved")}</crate::components::form_alert::Notice> })}
            {if details.can_change {
                view! {
                    <ActionForm action=action>
                        <FormAlert error=Signal::derive(move || error.get().filter(|e| !matches!(e, AppError::Validation(_)))) />
                        <div class="field" class:field-invalid=move || field("state").get().is_some()>
                            <label for="tax-state">{t("billing-tax-state")}</label>
                            <select id="tax-state" name="state" required=true aria-describedby="tax-state-error">
                                <option value="">{t("billing-tax-choose-state")}</option>
                                {STATES.iter().map(|(code, name)| view! { <option value=code.to_string() selected=chosen == Some(*code)>{format!("{name} ({code:02})")}</option> }).collect_view()}
                            </select>
                            <p class="field-error" id="tax-state-error" role="alert">{move || field("state").get()}</p>
                        </div>
                        <div class="field" class:field-invalid=move || field("gstin").get().is_some()>
                            <label for="tax-gstin">{t("billing-tax-gstin")}</label>
                            <input id="tax-gstin" name="gstin" type="text" maxlength="15" autocomplete="off" value=details.gstin.clone().unwrap_or_default() aria-describedby="tax-gstin-error" />
                            <p class="field-error" id="tax-gstin-error" role="alert">{move || field("gstin").get()}</p>
                        </div>
                        <button type="submit" class="button">{t("billing-tax-save")}</button>
                    </ActionForm>
                }.into_any()
            } else {
                view! {
                    <dl class="facts">
                        <dt>{t("billing-tax-gstin")}</dt><dd>{details.gstin.clone().unwrap_or_else(|| "—".into())}</dd>
                        <dt>{t("billing-tax-state")}</dt><dd>{details.state.and_then(crate::model::gst_states::name).map_or_else(|| "—".to_owned(), |(c, n)| format!("{n} ({c:02})"))}</dd>
                    </dl>
                }.into_any()
            }}
        </section>
    }
}
