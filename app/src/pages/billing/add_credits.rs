//! `/billing/add-credits` (FIN-1): the balance, an online top-up through the configured
//! provider, "Recheck payment status" by payment id, a bank transfer to record, and the
//! account's payments. Plain forms: everything works without script.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::{t, t_args};
use crate::{
    api::payments::{PayOnline, RecheckPayment, RecordOfflinePayment, add_credits_data},
    components::{
        badge::{Badge, Tone},
        field::Field,
        form_alert::{FormAlert, Notice, posted_error},
        loaded::Loaded,
        portal::Portal,
        table::Table,
    },
    error::AppError,
    model::{
        Permission,
        payments::{AddCreditsPage as Page, PROOF_MAX_BYTES, PaymentLine, PaymentStatus},
    },
};

const OFFLINE_ACTION: &str = "/api/billing/offline-payment";

#[component]
pub fn AddCreditsPage() -> impl IntoView {
    view! { <Portal title="page-add-credits" needs=Permission::ViewFinance refusal="refusal-finance" page=|_| view! { <AddCredits /> } /> }
}

#[component]
fn AddCredits() -> impl IntoView {
    let query = use_query_map();
    let payment =
        Memo::new(move |_| query.with(|q| q.get("payment").and_then(|p| p.parse::<i32>().ok())));
    let data = Resource::new_blocking(move || payment.get(), add_credits_data);
    let recorded = move || query.with(|q| q.get("recorded").is_some());
    view! {
        {move || recorded().then(|| view! { <Notice>{t("payments-recorded")}</Notice> })}
        <Loaded resource=data let:p>
            <View page=p />
        </Loaded>
    }
    .into_any()
}

pub(crate) fn status_tone(s: PaymentStatus) -> Tone {
    match s {
        PaymentStatus::Pending => Tone::Warning,
        PaymentStatus::Credited => Tone::Success,
        PaymentStatus::Rejected | PaymentStatus::Failed => Tone::Danger,
    }
}

#[component]
fn View(page: Page) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let currency = page.currency;
    let money = move |m: i64| crate::i18n::money(lang, m, currency.as_str());
    let pay = ServerAction::<PayOnline>::new();
    let pay_error = Signal::derive(move || pay.value().get().and_then(Result::err));
    let recheck = ServerAction::<RecheckPayment>::new();
    let recheck_error = Signal::derive(move || recheck.value().get().and_then(Result::err));
    let field = move |e: Signal<Option<AppError>>, name: &'static str| {
        Signal::derive(move || e.get().and_then(|e| e.field(name)))
    };
    let form_level = |e: Signal<Option<AppError>>| {
        Signal::derive(move || e.get().filter(|e| !matches!(e, AppError::Validation(_))))
    };
    // The transfer is a plain multipart post: its refusal comes back in the address.
    let offline_error = posted_error::<RecordOfflinePayment>();
    let offline_field = |name: &str| offline_error.as_ref().and_then(|e| e.field(name));
    let offline_alert = offline_error
        .clone()
        .filter(|e| !matches!(e, AppError::Validation(_)));
    let (amount_err, date_err, reference_err, proof_err) = (
        offline_field("amount"),
        offline_field("paid_on"),
        offline_field("reference"),
        offline_field("proof"),
    );
    let token = page.form_token.clone();
    let offline_token = page.form_token.clone();
    let shown = page.shown.clone();
    view! {
        <section class="card" aria-labelledby="add-balance-heading">
            <h2 id="add-balance-heading">{t("billing-balance")}</h2>
            <dl class="facts">
                <dt>{t("billing-account-balance")}</dt>
                <dd data-testid="account-balance">{money(page.balance_minor)}</dd>
                <dt>{t("billing-currency")}</dt>
                <dd>{currency.as_str()}</dd>
            </dl>
            <p><a href="/billing/withdraw">{t("payments-withdraw-link")}</a></p>
        </section>
        {shown.map(|s| {
            let state = t(s.status.label_key());
            view! {
                <section class="card" aria-labelledby="shown-heading" data-testid="shown-payment">
                    <h2 id="shown-heading">{t_args("payments-shown-heading", &[("id", s.id.0.into())])}</h2>
                    <dl class="facts">
                        <dt>{t("payments-col-amount")}</dt>
                        <dd>{money(s.amount_minor)}</dd>
                        <dt>{t("payments-col-status")}</dt>
                        <dd><Badge tone=status_tone(s.status) text=state /></dd>
                    </dl>
                    {page.continue_url.clone().map(|url| view! {
                        <p><a class="button button-secondary" href=url rel="external">{t("payments-continue")}</a></p>
                    })}
                    {page.continue_form.clone().map(|f| view! {
                        <form method="post" action=f.action>
                            {f.fields.into_iter().map(|(k, v)| view! { <input type="hidden" name=k value=v /> }).collect_view()}
                            <button type="submit" class="button button-secondary">{t("payments-continue")}</button>
                        </form>
                    })}
                </section>
            }
        })}
        <section class="card form-card" aria-labelledby="online-heading">
            <h2 id="online-heading">{t("payments-online-heading")}</h2>
            {match (page.gateway, page.can_pay) {
                (None, _) => view! { <p class="alert alert-info" data-testid="online-not-configured">{t("payments-online-not-configured")}</p> }.into_any(),
                (Some(_), false) => view! { <p class="muted">{t("payments-cannot-pay")}</p> }.into_any(),
                (Some(provider), true) => view! {
                    <p class="muted">{t_args("payments-online-explain", &[("provider", t(provider.label_key()).into())])}</p>
                    <ActionForm action=pay>
                        <FormAlert error=form_level(pay_error) />
                        <input type="hidden" name="form_token" value=token.clone() />
                        <input type="hidden" name="currency" value=currency.as_str() />
                        <Field label=t_args("payments-amount-in", &[("currency", currency.as_str().into())]) name="amount" id="online-amount"
                            hint=t("credits-amount-hint") server_error=field(pay_error, "amount") />
                        <div class="form-actions">
                            <button type="submit" class="button button-primary">{t("payments-pay")}</button>
                        </div>
                    </ActionForm>
                }.into_any(),
            }}
        </section>
        <section class="card form-card" aria-labelledby="recheck-heading">
            <h2 id="recheck-heading">{t("payments-recheck-heading")}</h2>
            <ActionForm action=recheck>
                <FormAlert error=recheck_error />
                <Field label=t("payments-payment-id") name="payment" id="recheck-payment" input_type="number"
                    server_error=field(recheck_error, "payment") />
                <div class="form-actions">
                    <button type="submit" class="button">{t("payments-recheck")}</button>
                </div>
            </ActionForm>
        </section>
        {page.can_pay.then(|| view! {
            <section class="card form-card" aria-labelledby="offline-heading">
                <h2 id="offline-heading">{t("payments-offline-heading")}</h2>
                <p class="muted">{t("payments-offline-explain")}</p>
                <form method="post" action=OFFLINE_ACTION enctype="multipart/form-data">
                    {offline_alert.map(|e| view! { <div class="alert alert-error" role="alert">{e.text(lang)}</div> })}
                    <input type="hidden" name="form_token" value=offline_token.clone() />
                    <input type="hidden" name="currency" value=currency.as_str() />
                    <Field label=t_args("payments-amount-in", &[("currency", currency.as_str().into())]) name="amount" id="offline-amount"
                        server_error=Signal::derive(move || amount_err.clone()) />
                    <Field label=t("payments-paid-on") name="paid_on" id="offline-paid-on" input_type="date"
                        server_error=Signal::derive(move || date_err.clone()) />
                    <Field label=t("payments-reference") name="reference" id="offline-reference" hint=t("payments-reference-hint")
                        server_error=Signal::derive(move || reference_err.clone()) />
                    <div class="field" class:field-invalid=proof_err.is_some()>
                        <label for="offline-proof">{t("payments-proof")}</label>
                        <input id="offline-proof" name="proof" type="file"
                            accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
                            aria-describedby="offline-proof-hint offline-proof-error" />
                        <p class="field-hint" id="offline-proof-hint">{t_args("payments-proof-hint", &[("mib", (PROOF_MAX_BYTES / (1024 * 1024)).into())])}</p>
                        <p class="field-error" id="offline-proof-error" role="alert">{proof_err.clone()}</p>
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button">{t("payments-offline-submit")}</button>
                    </div>
                </form>
            </section>
        })}
        <section class="card" aria-labelledby="payments-heading">
            <h2 id="payments-heading">{t("payments-list-heading")}</h2>
            {if page.payments.is_empty() {
                view! { <p class="empty">{t("payments-none")}</p> }.into_any()
            } else {
                view! { <Payments lines=page.payments.clone() currency=currency.as_str() /> }.into_any()
            }}
        </section>
    }
}

#[component]
fn Payments(lines: Vec<PaymentLine>, currency: &'static str) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    view! {
        <Table label=t("payments-list-heading") cards=true columns=vec![t("payments-payment-id"), t("payments-col-method"), t("payments-col-amount"), t("payments-col-status"), t("payments-col-when")]>
            {lines.into_iter().map(|l| {
                let href = format!("/billing/add-credits?payment={}", l.id.0);
                let status = t(l.status.label_key());
                let detail = l.reason.clone().map(|r| t_args("payments-reason-was", &[("reason", r.into())]));
                view! {
                    <tr data-testid="payment-row">
                        <td data-label=t("payments-payment-id")><a href=href>{l.id.0}</a></td>
                        <td data-label=t("payments-col-method")>{t(l.provider.label_key())}{l.reference.clone().map(|r| format!(" ({r})"))}</td>
                        <td data-label=t("payments-col-amount")>{crate::i18n::money(lang, l.amount_minor, currency)}</td>
                        <td data-label=t("payments-col-status")><Badge tone=status_tone(l.status) text=status />{detail.map(|d| view! { <p class="muted">{d}</p> })}</td>
                        <td data-label=t("payments-col-when")>{l.created.text(lang)}</td>
                    </tr>
                }
            }).collect_view()}
        </Table>
    }
}
