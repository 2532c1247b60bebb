use leptos::prelude::*;

use crate::{
    api::auth::{SignUp, legal_document},
    components::{
        auth_card::AuthCard,
        field::{Field, FieldRule},
        form_alert::FormAlert,
        loaded::Loaded,
    },
    error::AppError,
    i18n::t,
    model::{countries, legal::LegalDocumentKind, sign_up::fields},
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
    // What a refused post (without script) typed, to show again.
    let kept = crate::api::refill::take(crate::api::auth::SIGN_UP_PATH);
    let typed = move |name: &str| crate::api::refill::value(&kept, name).unwrap_or_default();
    let partner = typed(fields::KIND) == "partner";
    let country = typed(fields::COUNTRY);
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
        <AuthCard title="page-sign-up">
            <p class="lead">
                {t("sign-up-lead")}" "
                {t("sign-up-have-account")}" " <a href="/sign-in">{t("sign-up-sign-in")}</a>
            </p>
            <ActionForm action=action>
                <FormAlert error=form_error />
                <fieldset class="choice">
                    <legend>{t("sign-up-account-type")}</legend>
                    <label class="choice-option">
                        <input type="radio" name="kind" value="enterprise" checked=!partner />
                        <span>
                            <strong>{t("sign-up-enterprise")}</strong>
                            " "{t("sign-up-enterprise-note")}
                        </span>
                    </label>
                    <label class="choice-option">
                        <input type="radio" name="kind" value="partner" checked=partner />
                        <span>
                            <strong>{t("sign-up-partner")}</strong>
                            " "{t("sign-up-partner-note")}
                        </span>
                    </label>
                </fieldset>
                <Field label=t("field-full-name") name=fields::NAME autocomplete="name" value=typed(fields::NAME)
                    server_error=field_error(fields::NAME) validate=FieldRule::PersonName />
                <Field label=t("field-email") name=fields::EMAIL input_type="email" autocomplete="email" value=typed(fields::EMAIL)
                    hint=t("sign-up-email-hint")
                    server_error=field_error(fields::EMAIL) validate=FieldRule::Email />
                <Field label=t("field-mobile") name=fields::MOBILE input_type="tel" autocomplete="tel" value=typed(fields::MOBILE)
                    hint=t("sign-up-mobile-hint")
                    server_error=field_error(fields::MOBILE) validate=FieldRule::Mobile />
                <Field label=t("field-organization") name=fields::ORGANIZATION autocomplete="organization" value=typed(fields::ORGANIZATION)
                    server_error=field_error(fields::ORGANIZATION) />
                <div class="field" class:field-invalid=move || country_error.get().is_some()>
                    <label for="field-country">{t("field-country")}</label>
                    <select id="field-country" name="country" required=true
                        aria-invalid=move || if country_error.get().is_some() { "true" } else { "false" }
                        aria-describedby="field-country-error">
                        <option value="">{t("sign-up-choose-country")}</option>
                        {countries::in_order(crate::i18n::use_lang())
                            .into_iter()
                            .map(|code| view! { <option value=code selected={code == country}>{t(&countries::name_key(code))}</option> })
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
                        {t("sign-up-accept")}
                    </label>
                    <p class="field-hint" id="field-accept_terms-hint">
                        {t("sign-up-read-the")}" " <a href=LegalDocumentKind::Terms.path() target="_blank" rel="noopener">{t("sign-up-terms-link")}</a>
                        " "{t("sign-up-and-the")}" " <a href=LegalDocumentKind::SubscriberAgreement.path() target="_blank" rel="noopener">{t("sign-up-agreement-link")}</a>
                        " "{t("sign-up-new-tabs")}
                    </p>
                    <p class="field-error" id="field-accept_terms-error" role="alert">{move || terms_error.get()}</p>
                </div>
                <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { t("sign-up-busy") } else { t("sign-up-button") }}
                </button>
            </ActionForm>
        </AuthCard>
    }
}
