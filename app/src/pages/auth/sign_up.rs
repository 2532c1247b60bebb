use leptos::prelude::*;

use crate::{
    api::auth::{SignUp, legal_document},
    components::{
        auth_card::AuthCard,
        field::{Field, rule},
        form_alert::FormAlert,
        loaded::Loaded,
    },
    error::AppError,
    model::{
        countries::COUNTRIES,
        legal::LegalDocumentKind,
        sign_up::{fields, validate_field},
    },
};

#[component]
pub fn SignUpPage() -> impl IntoView {
    let action = ServerAction::<SignUp>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let field_error =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    let form_error = Signal::derive(move || {
        error
            .get()
            .filter(|e| !matches!(e, AppError::Validation(_)) || e.field(fields::KIND).is_some())
    });
    let validated = |name: &'static str| rule(move |v| validate_field(name, v));
    let country_error = field_error(fields::COUNTRY);
    let terms_error = field_error(fields::TERMS);
    // The versions the user is shown are the versions the form says they accepted.
    let versions = Resource::new_blocking(
        || (),
        |_| async {
            let terms = legal_document(LegalDocumentKind::Terms.as_str().to_owned()).await?;
            let agreement =
                legal_document(LegalDocumentKind::SubscriberAgreement.as_str().to_owned()).await?;
            Ok::<_, AppError>((terms.version, agreement.version))
        },
    );
    view! {
        <leptos_meta::Title text="Sign up · Rootline" />
        <AuthCard title="Create your account">
            <p class="lead">
                "Order, validate and manage certificates for your organization. "
                "Already have an account? " <a href="/sign-in">"Sign in"</a>
            </p>
            <ActionForm action=action>
                <FormAlert error=form_error />
                <fieldset class="choice">
                    <legend>"Account type"</legend>
                    <label class="choice-option">
                        <input type="radio" name="kind" value="enterprise" checked=true />
                        <span>
                            <strong>"Enterprise"</strong>
                            " — certificates for your own organization; active as soon as you confirm your e-mail."
                        </span>
                    </label>
                    <label class="choice-option">
                        <input type="radio" name="kind" value="partner" />
                        <span>
                            <strong>"Partner"</strong>
                            " — resell to your own customers; an operator reviews the application first."
                        </span>
                    </label>
                </fieldset>
                <Field label="Full name" name=fields::NAME autocomplete="name"
                    server_error=field_error(fields::NAME) validate=validated(fields::NAME) />
                <Field label="E-mail" name=fields::EMAIL input_type="email" autocomplete="email"
                    hint="We send the activation link here."
                    server_error=field_error(fields::EMAIL) validate=validated(fields::EMAIL) />
                <Field label="Mobile number" name=fields::MOBILE input_type="tel" autocomplete="tel"
                    hint="With country code, e.g. +91 98450 12345."
                    server_error=field_error(fields::MOBILE) validate=validated(fields::MOBILE) />
                <Field label="Organization name" name=fields::ORGANIZATION autocomplete="organization"
                    server_error=field_error(fields::ORGANIZATION) validate=validated(fields::ORGANIZATION) />
                <div class="field" class:field-invalid=move || country_error.get().is_some()>
                    <label for="field-country">"Country"</label>
                    <select id="field-country" name="country" required=true
                        aria-invalid=move || if country_error.get().is_some() { "true" } else { "false" }
                        aria-describedby="field-country-error">
                        <option value="">"Choose a country"</option>
                        {COUNTRIES
                            .iter()
                            .map(|(code, name)| view! { <option value=*code>{*name}</option> })
                            .collect_view()}
                    </select>
                    <p class="field-error" id="field-country-error" role="alert">{move || country_error.get()}</p>
                </div>
                <Loaded resource=versions let:v>
                    <input type="hidden" name="terms_version" value=v.0.to_string() />
                    <input type="hidden" name="agreement_version" value=v.1.to_string() />
                </Loaded>
                <div class="field field-check" class:field-invalid=move || terms_error.get().is_some()>
                    <input type="checkbox" id="field-accept_terms" name="accept_terms" value="yes"
                        aria-describedby="field-accept_terms-error field-accept_terms-hint" />
                    <label for="field-accept_terms">
                        "I accept the terms of service and the subscriber agreement"
                    </label>
                    <p class="field-hint" id="field-accept_terms-hint">
                        "Read the " <a href=LegalDocumentKind::Terms.path() target="_blank" rel="noopener">"terms of service"</a>
                        " and the " <a href=LegalDocumentKind::SubscriberAgreement.path() target="_blank" rel="noopener">"subscriber agreement"</a>
                        " (each opens in a new tab)."
                    </p>
                    <p class="field-error" id="field-accept_terms-error" role="alert">{move || terms_error.get()}</p>
                </div>
                <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { "Creating account…" } else { "Create account" }}
                </button>
            </ActionForm>
        </AuthCard>
    }
}
