//! The revocation's confirm step (`/orders/:id/revoke?reason=…&remarks=…`): names the
//! certificate, its names and the reason before anything happens, asks a key-compromise
//! revocation to type the main name, and only then posts the revocation. A page of its own,
//! so it asks again with and without script alike.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::i18n::{t, t_args, use_lang};
use crate::{
    api::orders::{OrderRevoke, order_get},
    components::{form_alert::FormAlert, loaded::Loaded, portal::Portal},
    model::{
        SessionView,
        order_actions::{KEY_COMPROMISE, RevokeForm, revocation_reason_key},
        orders::OrderView,
    },
};

#[component]
pub fn RevokeConfirmPage() -> impl IntoView {
    view! { <Portal title="page-revoke-certificate" page=|s: SessionView| view! { <Confirm session=s /> } /> }
}

#[component]
fn Confirm(session: SessionView) -> impl IntoView {
    let _ = session;
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    let form = move || {
        query.with(|q| RevokeForm {
            order_id: id(),
            reason: q.get("reason").unwrap_or_default(),
            remarks: q.get("remarks").unwrap_or_default(),
            confirm: None,
        })
    };
    let order = Resource::new_blocking(id, order_get);
    view! {
        <Loaded resource=order let:o>
            <Step order=o form=form() />
        </Loaded>
    }
}

#[component]
fn Step(order: OrderView, form: RevokeForm) -> impl IntoView {
    let lang = use_lang();
    let back = format!("/orders/{}", order.id);
    let Some(certificate) = order.certificate.clone().filter(|_| order.can_revoke) else {
        return view! {
            <div class="alert alert-error" role="alert">{t("revoke-nothing")}</div>
            <p><a class="button" href=back>{t("revoke-back")}</a></p>
        }
        .into_any();
    };
    let valid = match form.validate() {
        Ok(v) => v,
        Err(errors) => {
            return view! {
                <div class="alert alert-error" role="alert">
                    <p>{t("revoke-incomplete")}</p>
                    <ul>{errors.0.into_iter().map(|e| view! { <li>{e.message.text(lang)}</li> }).collect_view()}</ul>
                </div>
                <p><a class="button" href=back>{t("revoke-back")}</a></p>
            }
            .into_any();
        }
    };
    let reason_label =
        revocation_reason_key(valid.reason).map_or_else(|| valid.reason.to_owned(), t);
    let main_name = order
        .names
        .first()
        .map(|n| n.name.clone())
        .unwrap_or_default();
    let names = order
        .names
        .iter()
        .map(|n| n.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let key_compromise = valid.reason == KEY_COMPROMISE;
    let revoke = ServerAction::<OrderRevoke>::new();
    let error = Signal::derive(move || {
        revoke
            .value()
            .get()
            .and_then(Result::err)
            .map(crate::pages::orders::actions::spelled_out)
    });
    view! {
        <section class="card confirm" aria-label=t("revoke-confirm-label")>
            <h2>{t("revoke-question")}</h2>
            <p>{t("revoke-warning")}</p>
            <dl class="details">
                <dt>{t("orders-col-order")}</dt><dd>{format!("#{} · {}", order.id, order.product)}</dd>
                <dt>{t("cert-serial")}</dt><dd class="mono" data-testid="confirm-serial">{certificate.serial.clone()}</dd>
                <dt>{t("order-names")}</dt><dd data-testid="confirm-names">{names}</dd>
                <dt>{t("cert-valid-until")}</dt><dd>{certificate.not_after.text(crate::i18n::use_lang())}</dd>
                <dt>{t("reason-label")}</dt><dd data-testid="confirm-reason">{reason_label}</dd>
                <dt>{t("wizard-remarks")}</dt><dd>{valid.remarks.clone()}</dd>
            </dl>
            <FormAlert error=error />
            <ActionForm action=revoke>
                <input type="hidden" name="order_id" value=order.id />
                <input type="hidden" name="reason" value=valid.reason />
                <input type="hidden" name="remarks" value=valid.remarks.clone() />
                {if key_compromise {
                    view! {
                        <div class="field">
                            <label for="revoke-confirm">{t_args("revoke-type-name", &[("name", main_name.clone().into())])}</label>
                            <p class="field-hint">{t("revoke-key-compromise")}</p>
                            <input id="revoke-confirm" name="confirm" type="text" autocomplete="off" spellcheck="false" />
                        </div>
                    }
                    .into_any()
                } else {
                    view! { <input type="hidden" name="confirm" value="" /> }.into_any()
                }}
                <div class="actions">
                    <button type="submit" class="button button-danger">{t("revoke-summary")}</button>
                    <a class="button" href=back.clone()>{t("revoke-keep")}</a>
                </div>
            </ActionForm>
        </section>
    }
    .into_any()
}
