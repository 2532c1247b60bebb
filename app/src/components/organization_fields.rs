use leptos::prelude::*;

use crate::components::field::{Field, FieldRule};
use crate::i18n::t;
use crate::model::{
    countries, organization_form::OrganizationForm, organizations::OrganizationType,
};

/// A country chosen from the list (ISO 3166-1 alpha-2 codes), with the server's message.
#[component]
pub(crate) fn CountrySelect(
    name: &'static str,
    #[prop(into)] label: String,
    selected: String,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("field-{name}-error");
    let lang = crate::i18n::use_lang();
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <select id=id name=name required=true
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                aria-describedby=error_id.clone()>
                <option value="">{t("sign-up-choose-country")}</option>
                {countries::in_order(lang)
                    .into_iter()
                    .map(|code| view! { <option value=code selected={code == selected}>{t(&countries::name_key(code))}</option> })
                    .collect_view()}
            </select>
            <p class="field-error" id=error_id role="alert">{move || error.get()}</p>
        </div>
    }
}

/// The fields of the add- and edit-organization forms, pre-filled from `initial`: the record,
/// where it is registered, its address, and its representative.
#[component]
pub fn OrganizationFields(
    initial: OrganizationForm,
    /// The server's message for a field after a submission.
    field_error: Callback<&'static str, Signal<Option<String>>>,
) -> impl IntoView {
    let f = initial;
    let type_error = field_error.run("org_type");
    let chosen_type = f.org_type.clone();
    view! {
        <fieldset class="form-section">
            <legend>{t("organizations-section-identity")}</legend>
            <Field label=t("organizations-field-legal-name") name="legal_name" autocomplete="organization"
                hint=t("organizations-field-legal-name-hint") value=f.legal_name.clone()
                server_error=field_error.run("legal_name") />
            <Field label=t("organizations-field-trade-name") name="trade_name" required=false
                hint=t("organizations-field-trade-name-hint") value=f.trade_name.clone()
                server_error=field_error.run("trade_name") />
            <div class="field" class:field-invalid=move || type_error.get().is_some()>
                <label for="field-org_type">{t("organizations-field-type")}</label>
                <select id="field-org_type" name="org_type" required=true aria-describedby="field-org_type-error">
                    <option value="">{t("organizations-choose-type")}</option>
                    {OrganizationType::ALL
                        .into_iter()
                        .map(|kind| view! { <option value=kind.as_str() selected={kind.as_str() == chosen_type}>{t(kind.label_key())}</option> })
                        .collect_view()}
                </select>
                <p class="field-error" id="field-org_type-error" role="alert">{move || type_error.get()}</p>
            </div>
            <Field label=t("organizations-field-registration-number") name="registration_number" required=false
                hint=t("organizations-field-registration-number-hint") value=f.registration_number.clone()
                server_error=field_error.run("registration_number") />
            <Field label=t("organizations-field-registration-agency") name="registration_agency" required=false
                hint=t("organizations-field-registration-agency-hint") value=f.registration_agency.clone()
                server_error=field_error.run("registration_agency") />
        </fieldset>
        <fieldset class="form-section">
            <legend>{t("organizations-section-jurisdiction")}</legend>
            <CountrySelect name="jurisdiction_country" label=t("organizations-field-jurisdiction-country")
                selected=f.jurisdiction_country.clone() error=field_error.run("jurisdiction_country") />
            <Field label=t("organizations-field-jurisdiction-state") name="jurisdiction_state" required=false
                value=f.jurisdiction_state.clone() server_error=field_error.run("jurisdiction_state") />
            <Field label=t("organizations-field-jurisdiction-locality") name="jurisdiction_locality" required=false
                value=f.jurisdiction_locality.clone() server_error=field_error.run("jurisdiction_locality") />
        </fieldset>
        <fieldset class="form-section">
            <legend>{t("organizations-section-address")}</legend>
            <Field label=t("organizations-field-street") name="street" autocomplete="street-address"
                value=f.street.clone() server_error=field_error.run("street") />
            <Field label=t("organizations-field-city") name="city" autocomplete="address-level2"
                value=f.city.clone() server_error=field_error.run("city") />
            <Field label=t("organizations-field-state") name="state" required=false autocomplete="address-level1"
                value=f.state.clone() server_error=field_error.run("state") />
            <Field label=t("organizations-field-postal-code") name="postal_code" required=false autocomplete="postal-code"
                value=f.postal_code.clone() server_error=field_error.run("postal_code") />
            <CountrySelect name="country" label=t("field-country")
                selected=f.country.clone() error=field_error.run("country") />
            <Field label=t("organizations-field-phone") name="phone" input_type="tel" autocomplete="tel"
                hint=t("sign-up-mobile-hint") value=f.phone.clone()
                server_error=field_error.run("phone") validate=FieldRule::Mobile />
        </fieldset>
        <fieldset class="form-section">
            <legend>{t("organizations-section-representative")}</legend>
            <p class="field-hint">{t("organizations-representative-hint")}</p>
            <Field label=t("field-full-name") name="rep_name" autocomplete="off" value=f.rep_name.clone()
                server_error=field_error.run("rep_name") validate=FieldRule::PersonName />
            <Field label=t("field-email") name="rep_email" input_type="email" autocomplete="off"
                value=f.rep_email.clone() server_error=field_error.run("rep_email") validate=FieldRule::Email />
            <Field label=t("organizations-field-rep-phone") name="rep_phone" input_type="tel" autocomplete="off"
                value=f.rep_phone.clone() server_error=field_error.run("rep_phone") validate=FieldRule::Mobile />
            <Field label=t("field-designation") name="rep_designation" value=f.rep_designation.clone()
                server_error=field_error.run("rep_designation") />
        </fieldset>
    }
}

/// The form's values a refused plain post kept for the page, over `base`.
pub fn refilled(kept: &[(String, String)], base: OrganizationForm) -> OrganizationForm {
    if kept.is_empty() {
        return base;
    }
    let v = |name: &str| crate::api::refill::value(kept, name).unwrap_or_default();
    OrganizationForm {
        legal_name: v("legal_name"),
        trade_name: v("trade_name"),
        org_type: v("org_type"),
        registration_number: v("registration_number"),
        registration_agency: v("registration_agency"),
        jurisdiction_country: v("jurisdiction_country"),
        jurisdiction_state: v("jurisdiction_state"),
        jurisdiction_locality: v("jurisdiction_locality"),
        street: v("street"),
        city: v("city"),
        state: v("state"),
        postal_code: v("postal_code"),
        country: v("country"),
        phone: v("phone"),
        rep_name: v("rep_name"),
        rep_email: v("rep_email"),
        rep_phone: v("rep_phone"),
        rep_designation: v("rep_designation"),
    }
}
