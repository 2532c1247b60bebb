//! The page of an EV order's one-use link (EV Guidelines 11.8 to 11.10): the requester
//! confirms the request, the contract signer reads and accepts the subscriber agreement, the
//! certificate approver approves or rejects with a reason. Plain HTML: the forms post without
//! script, and the page answered says how.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::i18n::{t, t_args};
use crate::{
    api::orders::{EvLinkAnswer, ev_link_get},
    components::{
        auth_card::AuthCard,
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
    },
    model::ev::{EvAnswer, EvLinkView, EvStep},
};

#[component]
pub fn EvLinkPage() -> impl IntoView {
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    let link_token = token.clone();
    let link = Resource::new_blocking(move || link_token.clone(), ev_link_get);
    // An unknown or expired link answers "not found": nothing to answer then.
    view! {
        <AuthCard title="page-ev-link">
            <Loaded resource=link let:view>
                <EvLink view=view token=token.clone() />
            </Loaded>
        </AuthCard>
    }
}

#[component]
fn EvLink(view: EvLinkView, token: String) -> impl IntoView {
    let lead_key = match view.step {
        EvStep::RequesterConsent => "ev-link-consent-lead",
        EvStep::SubscriberAgreement => "ev-link-agreement-lead",
        EvStep::Approval => "ev-link-approval-lead",
    };
    let args = [
        ("name", view.name.clone().into()),
        ("id", view.order_id.to_string().into()),
        ("product", view.product.clone().into()),
        ("organization", view.organization.clone().into()),
        ("requester", view.requester.clone().into()),
    ];
    let answered = view.answer.map(|a| match a {
        EvAnswer::Approved => t("ev-link-answered-yes"),
        EvAnswer::Rejected => t("ev-link-answered-no"),
    });
    view! {
        <p class="lead">{t_args(lead_key, &args)}</p>
        <dl class="facts">
            <dt>{t("ev-link-organization")}</dt><dd data-testid="ev-organization">{view.organization.clone()}</dd>
            <dt>{t("ev-link-names")}</dt><dd>{view.names.join(", ")}</dd>
            <dt>{t("ev-link-requester")}</dt><dd>{view.requester.clone()}</dd>
        </dl>
        {match answered {
            Some(text) => view! { <Notice>{text}</Notice> }.into_any(),
            None => view! { <AnswerForm view=view token=token /> }.into_any(),
        }}
    }
}

#[component]
fn AnswerForm(view: EvLinkView, token: String) -> impl IntoView {
    let action = ServerAction::<EvLinkAnswer>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let reason_error = Signal::derive(move || error.get().and_then(|e| e.field("reason")));
    let other_error = Signal::derive(move || error.get().filter(|e| e.field("reason").is_none()));
    let (yes, no) = match view.step {
        EvStep::RequesterConsent => ("ev-link-consent-yes", "ev-link-consent-no"),
        EvStep::SubscriberAgreement => ("ev-link-agreement-yes", "ev-link-agreement-no"),
        EvStep::Approval => ("ev-link-approval-yes", "ev-link-approval-no"),
    };
    let version = view.agreement.as_ref().map(|(v, _, _)| *v).unwrap_or(0);
    let agreement = view.agreement.clone().map(|(v, title, body)| {
        view! {
            <section class="agreement" aria-labelledby="ev-agreement-title">
                <h2 id="ev-agreement-title">{t_args("ev-link-agreement-title", &[("title", title.into()), ("version", v.into())])}</h2>
                <div class="agreement-text" data-testid="ev-agreement-text">
                    {body.split("\n\n").map(|p| view! { <p>{p.to_owned()}</p> }).collect_view()}
                </div>
            </section>
        }
    });
    let missing_agreement = view.step == EvStep::SubscriberAgreement && view.agreement.is_none();
    let reject_token = token.clone();
    view! {
        {agreement}
        {missing_agreement.then(|| view! { <div class="alert alert-error" role="alert">{t("err-ev-no-agreement")}</div> })}
        <FormAlert error=other_error />
        <ActionForm action=action>
            <input type="hidden" name="token" value=token />
            <input type="hidden" name="agreement_version" value=version.to_string() />
            <input type="hidden" name="answer" value="approve" />
            <button type="submit" class="button button-primary">{t(yes)}</button>
        </ActionForm>
        <ActionForm action=action>
            <input type="hidden" name="token" value=reject_token />
            <input type="hidden" name="answer" value="reject" />
            <div class="field" class:field-invalid=move || reason_error.get().is_some()>
                <label for="ev-reason">{t("ev-link-reason")}</label>
                <textarea id="ev-reason" name="reason" rows="3" maxlength="500" aria-describedby="ev-reason-hint ev-reason-error"></textarea>
                <p class="hint" id="ev-reason-hint">{t("ev-link-reason-hint")}</p>
                <p class="field-error" id="ev-reason-error" role="alert">{move || reason_error.get()}</p>
            </div>
            <button type="submit" class="button button-danger">{t(no)}</button>
        </ActionForm>
    }
}
