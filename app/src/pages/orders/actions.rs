//! The order page's post-order sections (ORD-8): the certificate and its state, linked
//! renewals, reissues and name changes, credit notes, and the revoke, reissue, renew, change
//! names and edit forms.

use leptos::prelude::*;

use crate::i18n::{t, t_args, tr};
use crate::{
    api::{
        acme::OrderRenewEarly,
        orders::{OrderChangeNames, OrderEdit, OrderReissue, OrderRenew},
    },
    components::{
        badge::{Badge, certificate_tone},
        field::TextArea,
        form_alert::FormAlert,
        textarea_text::textarea_text,
    },
    error::AppError,
    model::{
        certificate_status::CertificateState,
        order_actions::{
            LinkedOrder, OrderLinkKind, REISSUE_REASONS, REVOCATION_REASONS, revocation_reason_key,
        },
        orders::OrderView,
    },
};

fn link_text(l: &LinkedOrder, incoming: bool) -> String {
    let key = match (l.kind, incoming) {
        (OrderLinkKind::Renewal, true) => "link-renewal-of",
        (OrderLinkKind::Reissue, true) => "link-reissue-of",
        (OrderLinkKind::Renewal, false) => "link-renewed-as",
        (OrderLinkKind::Names, true) => "link-names-from",
        (OrderLinkKind::Names, false) => "link-names-as",
        (OrderLinkKind::Reissue, false) => "link-reissued-as",
    };
    t_args(
        key,
        &[
            ("id", l.order_id.into()),
            ("reason", l.reason.clone().into()),
        ],
    )
}

/// These forms have no per-field messages, so a refused field's message goes in the alert
/// instead of "correct the highlighted fields".
pub(crate) fn spelled_out(e: AppError) -> AppError {
    match e {
        AppError::Validation(fields) => {
            AppError::PolicyRejected(fields.0.into_iter().map(|f| f.message).collect())
        }
        other => other,
    }
}

/// The certificate, what it came from and what came of it.
#[component]
pub fn CertificateCard(order: OrderView) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let id = order.id;
    let links = order
        .origin
        .iter()
        .map(|l| (l.clone(), true))
        .chain(order.successors.iter().map(|l| (l.clone(), false)))
        .collect::<Vec<_>>();
    view! {
        {order.certificate.clone().map(|c| {
            let revoked = c.revoked_at.map(|at| {
                t_args("cert-revoked-on", &[("at", at.text(crate::i18n::use_lang()).into()), ("reason", c.revocation_reason.as_deref().map(|code| revocation_reason_key(code).map_or_else(|| code.to_owned(), t)).unwrap_or_default().into())])
            });
            view! {
                <section class="card" aria-label=t("cert-heading")>
                    <h2>{t("cert-heading")}</h2>
                    <dl class="details">
                        <dt>{t("cert-state")}</dt><dd><Badge tone=certificate_tone(c.state) text=t(c.state.title_key()) test_id="certificate-state" /></dd>
                        <dt>{t("cert-serial")}</dt><dd class="mono" data-testid="certificate-serial">{c.serial.clone()}</dd>
                        <dt>{t("cert-valid-from")}</dt><dd>{c.not_before.text(crate::i18n::use_lang())}</dd>
                        <dt>{t("cert-valid-until")}</dt><dd data-testid="certificate-not-after">{c.not_after.text(crate::i18n::use_lang())}</dd>
                    </dl>
                    {revoked.map(|r| view! { <p class="alert alert-danger" data-testid="revocation-note">{r}</p> })}
                    <Pkcs12Builder chain_pem=c.chain_pem.clone() />
                    <p class="actions">
                        <a class="button" rel="external" download="" href=format!("/orders/{id}/certificate/pem")>{t("cert-download-pem")}</a>
                        <a class="button button-quiet" rel="external" download="" href=format!("/orders/{id}/certificate/der")>{t("cert-download-der")}</a>
                        <a class="button button-quiet" rel="external" download="" href=format!("/orders/{id}/certificate/p7b")>{t("cert-download-p7b")}</a>
                    </p>
                </section>
            }
        })}
        {(!links.is_empty()).then(|| view! {
            <section class="card" aria-label=t("cert-linked-orders")>
                <h2>{t("cert-linked-orders")}</h2>
                <ul>
                    {links.into_iter().map(|(l, incoming)| view! {
                        <li><a href=format!("/orders/{}", l.order_id)>{link_text(&l, incoming)}</a></li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {order.invoice_number.clone().map(|number| view! {
            <section class="card" aria-label=t("cert-invoice")>
                <h2>{t("cert-invoice")}</h2>
                <p>
                    <strong>{number}</strong>" "
                    <a rel="external" download="" href=format!("/orders/{id}/invoice")>{t("cert-download-invoice")}</a>
                </p>
            </section>
        })}
        {(!order.credit_notes.is_empty()).then(|| view! {
            <section class="card" aria-label=t("cert-credit-notes")>
                <h2>{t("cert-credit-notes")}</h2>
                <ul>
                    {order.credit_notes.iter().map(|n| view! {
                        <li>
                            <strong>{n.number.clone()}</strong>" · "{n.amount.text(lang)}" · "{n.remarks.clone()}" "
                            <a rel="external" download="" href=format!("/orders/{id}/credit-notes/{}", n.id)>{t("cert-download-credit-note")}</a>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
    .into_any()
}

/// PKCS#12 of the certificate and the user's own key, built in the browser: the key is read
/// from a field outside any form and never leaves the page. An island whose code is a chunk of
/// its own (the key code behind it is a further one).
#[island(lazy)]
fn Pkcs12Builder(chain_pem: String) -> impl IntoView {
    let key = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    // Read now: the click handler runs outside the component's reactive context.
    let lang = crate::i18n::use_lang();
    let build = move |_| {
        let (k, p, chain) = (
            key.get_untracked(),
            password.get_untracked(),
            chain_pem.clone(),
        );
        leptos::task::spawn_local(async move {
            let outcome = match crate::pki::on_demand::key_matches_certificate(
                k.clone(),
                chain.clone(),
            )
            .await
            {
                Ok(true) => {
                    crate::pki::on_demand::pkcs12(k, Some(chain), p, "Rootline certificate".into())
                        .await
                        .map_err(|e| e.text())
                        .and_then(|bytes| {
                            crate::pki::save_file("certificate.p12", &bytes, "application/x-pkcs12")
                        })
                }
                Ok(false) => Err(tr(lang, "p12-key-mismatch")),
                Err(e) => Err(e.text()),
            };
            message.set(Some(match outcome {
                Ok(()) => (true, tr(lang, "p12-saved")),
                Err(e) => (false, e),
            }));
        });
    };
    view! {
        // The cryptography is a chunk of its own: fetch it as the user opens this.
        <details class="pkcs12" on:toggle=move |_| crate::pki::on_demand::prefetch()>
            <summary>{t("p12-summary")}</summary>
            <div class="field">
                <label for="p12-key">{t("p12-key")}</label>
                <textarea id="p12-key" rows="5" class="mono" autocomplete="off"
                    on:input=move |ev| key.set(event_target_value(&ev))></textarea>
            </div>
            <div class="field">
                <label for="p12-pass">{t("wizard-p12-password")}</label>
                <input id="p12-pass" type="password" autocomplete="new-password"
                    on:input=move |ev| password.set(event_target_value(&ev)) />
            </div>
            <button type="button" class="button button-quiet" on:click=build>{t("p12-save")}</button>
            {move || message.get().map(|(ok, m)| if ok {
                view! { <p class="field-hint" role="status">{m}</p> }.into_any()
            } else {
                view! { <p class="field-error" role="alert">{m}</p> }.into_any()
            })}
        </details>
    }
}

/// The `reason` field of the revoke, reissue and names forms: `reasons` as (value, label) pairs
/// after a first choice that posts none.
#[component]
fn ReasonSelect(
    id: &'static str,
    #[prop(into)] label: String,
    reasons: Vec<(&'static str, String)>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name="reason">
                <option value="">{t("reason-choose")}</option>
                {reasons.into_iter().map(|(value, text)| view! { <option value=value>{text}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// A reissue's reasons post their own words.
fn reissue_reasons() -> Vec<(&'static str, String)> {
    REISSUE_REASONS
        .iter()
        .map(|r| (*r, (*r).to_owned()))
        .collect()
}

/// The revocation reasons, in the reader's language.
fn revocation_reasons() -> Vec<(&'static str, String)> {
    REVOCATION_REASONS
        .iter()
        .map(|(code, key)| (*code, t(key)))
        .collect()
}

/// Revoke, reissue, renew, change names and edit, each shown only when the order allows it.
#[component]
pub fn LifecycleActions(order: OrderView) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let id = order.id;
    let reissue = ServerAction::<OrderReissue>::new();
    let renew = ServerAction::<OrderRenew>::new();
    let change_names = ServerAction::<OrderChangeNames>::new();
    let edit = ServerAction::<OrderEdit>::new();
    let renew_early = ServerAction::<OrderRenewEarly>::new();
    let error = Signal::derive(move || {
        [
            renew_early.value().get().and_then(Result::err),
            reissue.value().get().and_then(Result::err),
            renew.value().get().and_then(Result::err),
            change_names.value().get().and_then(Result::err),
            edit.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
        .map(spelled_out)
    });
    let renew_hint = order
        .certificate
        .as_ref()
        .filter(|c| c.state == CertificateState::Valid && !order.can_renew)
        .map(|c| {
            t_args(
                "renew-opens-on",
                &[(
                    "date",
                    c.renewable_from.text(crate::i18n::use_lang()).into(),
                )],
            )
        });
    let any = order.can_renew
        || order.change_names_price.is_some()
        || order.can_reissue
        || order.can_renew_early
        || order.can_revoke
        || order.can_edit;
    view! {
        {renew_hint.map(|h| view! { <p class="hint" data-testid="renew-hint">{h}</p> })}
        {order.renewal_marked.map(|at| view! {
            <p class="alert alert-info" role="status" data-testid="renewal-marked">
                {t_args("renew-marked", &[("at", at.text(crate::i18n::use_lang()).into())])}
            </p>
        })}
        {any.then(|| view! {
        <section class="card" aria-label=t("manage-heading")>
        <h2>{t("manage-heading")}</h2>
        <FormAlert error=error />
        {order.can_renew.then(|| view! {
            <details class="action">
            <summary>{t("renew-summary")}</summary>
            <section aria-label=t("renew-summary")>
                <p>{t("renew-explain")}</p>
                <ActionForm action=renew>
                    <input type="hidden" name="order_id" value=id />
                    <TextArea label=t("renew-csr") id="renew-csr" name="csr_pem" rows=6 mono=true />
                    <button type="submit" class="button button-primary">{t("renew-button")}</button>
                </ActionForm>
            </section>
            </details>
        })}
        {order.change_names_price.map(|price| {
            let current = order.names.iter().map(|n| n.name.clone()).collect::<Vec<_>>().join("\n");
            view! {
                <details class="action">
                <summary>{t("names-summary")}</summary>
                <section aria-label=t("names-section")>
                    <p>{t_args("names-explain", &[("price", price.text(lang).into())])}</p>
                    <ActionForm action=change_names>
                        <input type="hidden" name="order_id" value=id />
                        <ReasonSelect id="names-reason" label=t("names-reason") reasons=reissue_reasons() />
                        <TextArea label=t("wizard-names") id="names-list" name="names" rows=4 text=current.clone() />
                        <TextArea label=t("names-csr") id="names-csr" name="csr_pem" rows=6 mono=true />
                        <TextArea label=t("names-remarks") id="names-remarks" name="remarks" />
                        <button type="submit" class="button">{t("names-button")}</button>
                    </ActionForm>
                </section>
                </details>
            }
        })}
        {order.can_reissue.then(|| view! {
            <details class="action">
            <summary>{t("reissue-summary")}</summary>
            <section aria-label=t("reissue-summary")>
                <ActionForm action=reissue>
                    <input type="hidden" name="order_id" value=id />
                    <ReasonSelect id="reissue-reason" label=t("reason-label") reasons=reissue_reasons() />
                    <TextArea label=t("reissue-csr") id="reissue-csr" name="csr_pem" rows=6 mono=true />
                    <TextArea label=t("wizard-remarks") id="reissue-remarks" name="remarks" />
                    <button type="submit" class="button">{t("reissue-button")}</button>
                </ActionForm>
            </section>
            </details>
        })}
        {order.can_renew_early.then(|| view! {
            <details class="action">
            <summary>{t("ari-summary")}</summary>
            <section aria-label=t("ari-section")>
                <p>{t("ari-explain")}</p>
                <ActionForm action=renew_early>
                    <input type="hidden" name="id" value=id />
                    <button type="submit" class="button">{t("ari-summary")}</button>
                </ActionForm>
            </section>
            </details>
        })}
        {order.can_edit.then(|| view! {
            <details class="action">
            <summary>{t("edit-summary")}</summary>
            <section aria-label=t("edit-summary")>
                <ActionForm action=edit>
                    <input type="hidden" name="order_id" value=id />
                    <div class="field">
                        <label for="edit-tags">{t("wizard-tags")}</label>
                        <input id="edit-tags" name="tags" value=order.tags.join(", ") />
                    </div>
                    <TextArea label=t("edit-remarks") id="edit-remarks" name="remarks" text=order.remarks.clone() />
                    <div class="field">
                        <label for="edit-extra">{t("wizard-extra-emails")}</label>
                        <textarea id="edit-extra" name="extra_emails" rows="2" inner_html=textarea_text(&order.extra_emails.join(", "))></textarea>
                    </div>
                    <div class="field checkbox">
                        <input id="edit-auto-renew" type="checkbox" name="auto_renew" value="on" checked=order.auto_renew />
                        <label for="edit-auto-renew">{t("wizard-auto-renew")}</label>
                    </div>
                    <button type="submit" class="button">{t("edit-save")}</button>
                </ActionForm>
            </section>
            </details>
        })}
        // Last, as the one that cannot be undone; it asks again on a page of its own (which
        // works without script), naming the certificate and the reason.
        {order.can_revoke.then(|| view! {
            <details class="action action-danger">
            <summary>{t("revoke-summary")}</summary>
            <section aria-label=t("revoke-summary")>
                <p>{t("revoke-explain")}</p>
                <form method="get" action=format!("/orders/{id}/revoke")>
                    <ReasonSelect id="revoke-reason" label=t("revoke-reason") reasons=revocation_reasons() />
                    <TextArea label=t("wizard-remarks") id="revoke-remarks" name="remarks" />
                    <button type="submit" class="button button-danger">{t("revoke-continue")}</button>
                </form>
            </section>
            </details>
        })}
        </section>
        })}
    }
    .into_any()
}
