//! The representative's consent page: another account asks to name one of their
//! organizations in its OV and EV certificates. Plain HTML: the forms post without script.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::i18n::{t, t_args};
use crate::{
    api::organizations::{OrganizationConsentAnswer, organization_consent_link},
    components::{
        auth_card::AuthCard,
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
    },
    model::organizations::ConsentLinkView,
};

#[component]
pub fn OrganizationConsentPage() -> impl IntoView {
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    let link_token = token.clone();
    let link = Resource::new_blocking(move || link_token.clone(), organization_consent_link);
    // An unknown or expired link answers "not found": nothing to answer then.
    view! {
        <AuthCard title="page-organization-consent">
            <Loaded resource=link let:view>
                <Consent view=view token=token.clone() />
            </Loaded>
        </AuthCard>
    }
}

#[component]
fn Consent(view: ConsentLinkView, token: String) -> impl IntoView {
    let action = ServerAction::<OrganizationConsentAnswer>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let lead = t_args(
        "organization-consent-lead",
        &[
            ("account", view.account.clone().into()),
            ("organization", view.organization.clone().into()),
        ],
    );
    let decline_token = token.clone();
    view! {
        <p class="lead">{lead}</p>
        {match view.answer {
            Some(true) => view! { <Notice>{t("organization-consent-allowed")}</Notice> }.into_any(),
            Some(false) => view! { <Notice>{t("organization-consent-declined")}</Notice> }.into_any(),
            None => view! {
                <p>{t("organization-consent-explain")}</p>
                <FormAlert error=error />
                <ActionForm action=action>
                    <input type="hidden" name="token" value=token />
                    <input type="hidden" name="answer" value="allow" />
                    <button type="submit" class="button button-primary">{t("organization-consent-allow")}</button>
                </ActionForm>
                <ActionForm action=action>
                    <input type="hidden" name="token" value=decline_token />
                    <input type="hidden" name="answer" value="decline" />
                    <button type="submit" class="button button-danger">{t("organization-consent-decline")}</button>
                </ActionForm>
            }
            .into_any(),
        }}
    }
}
