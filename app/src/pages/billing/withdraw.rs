//! `/billing/withdraw` (FIN-1): the bank details withdrawals are paid to, a withdrawal request
//! (held at once), and the account's withdrawals.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::{t, t_args};
use crate::{
    api::payments::{RequestWithdrawal, SaveBankDetails, withdraw_data},
    components::{
        badge::{Badge, Tone},
        field::Field,
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
        portal::Portal,
        table::Table,
    },
    error::AppError,
    model::{
        Currency, Permission,
        payments::{WithdrawPage as Page, WithdrawalStatus},
    },
};

#[component]
pub fn WithdrawPage() -> impl IntoView {
    view! { <Portal title="page-withdraw" needs=Permission::ViewFinance refusal="refusal-finance" page=|_| view! { <Withdraw /> } /> }
}

#[component]
fn Withdraw() -> impl IntoView {
    let query = use_query_map();
    let bank = move || query.with(|q| q.get("bank").is_some());
    let requested = move || query.with(|q| q.get("requested").is_some());
    let data = Resource::new_blocking(move || (bank(), requested()), |_| withdraw_data());
    view! {
        {move || bank().then(|| view! { <Notice>{t("withdraw-bank-saved")}</Notice> })}
        {move || requested().then(|| view! { <Notice>{t("withdraw-requested")}</Notice> })}
        <Loaded resource=data let:p>
            <View page=p />
        </Loaded>
    }
    .into_any()
}

fn tone(s: WithdrawalStatus) -> Tone {
    match s {
        WithdrawalStatus::Held => Tone::Warning,
        WithdrawalStatus::Paid => Tone::Success,
        WithdrawalStatus::Released => Tone::Neutral,
    }
}

#[component]
fn View(page: Page) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let currency = page.currency;
    let money = move |m: i64| crate::i18n::money(lang, m, currency.as_str());
    let save = ServerAction::<SaveBankDetails>::new();
    let save_error = Signal::derive(move || save.value().get().and_then(Result::err));
    let withdraw = ServerAction::<RequestWithdrawal>::new();
    let withdraw_error = Signal::derive(move || withdraw.value().get().and_then(Result::err));
    let field = move |e: Signal<Option<AppError>>, name: &'static str| {
        Signal::derive(move || e.get().and_then(|e| e.field(name)))
    };
    let form_level = |e: Signal<Option<AppError>>| {
        Signal::derive(move || e.get().filter(|e| !matches!(e, AppError::Validation(_))))
    };
    let bank = page
        .bank
        .clone()
        .unwrap_or_else(|| crate::model::payments::BankDetailsView {
            holder_name: String::new(),
            bank_name: String::new(),
            account_number: None,
            ifsc: None,
            iban: None,
            bic: None,
        });
    let has_bank = page.bank.is_some();
    view! {
        <section class="card" aria-labelledby="withdraw-balance-heading">
            <h2 id="withdraw-balance-heading">{t("billing-balance")}</h2>
            <dl class="facts">
                <dt>{t("withdraw-available")}</dt>
                <dd data-testid="account-balance">{money(page.balance_minor)}</dd>
                <dt>{t("withdraw-held")}</dt>
                <dd data-testid="held-balance">{money(page.held_minor)}</dd>
            </dl>
            <p><a href="/billing/add-credits">{t("payments-add-credits-link")}</a></p>
        </section>
        {page.can_withdraw.then(|| view! {
            <section class="card form-card" aria-labelledby="bank-heading">
                <h2 id="bank-heading">{t("withdraw-bank-heading")}</h2>
                <p class="muted">{if currency == Currency::Inr { t("withdraw-bank-explain-inr") } else { t("withdraw-bank-explain-iban") }}</p>
                <ActionForm action=save>
                    <FormAlert error=form_level(save_error) />
                    <Field label=t("withdraw-holder-name") name="holder_name" id="bank-holder" value=bank.holder_name.clone()
                        server_error=field(save_error, "holder_name") />
                    <Field label=t("withdraw-bank-name") name="bank_name" id="bank-name" value=bank.bank_name.clone()
                        server_error=field(save_error, "bank_name") />
                    {if currency == Currency::Inr {
                        view! {
                            <Field label=t("withdraw-account-number") name="account_number" id="bank-account-number" value=bank.account_number.clone().unwrap_or_default()
                                server_error=field(save_error, "account_number") />
                            <Field label=t("withdraw-ifsc") name="ifsc" id="bank-ifsc" hint=t("withdraw-ifsc-hint") value=bank.ifsc.clone().unwrap_or_default()
                                server_error=field(save_error, "ifsc") />
                        }.into_any()
                    } else {
                        view! {
                            <Field label=t("withdraw-iban") name="iban" id="bank-iban" value=bank.iban.clone().unwrap_or_default()
                                server_error=field(save_error, "iban") />
                            <Field label=t("withdraw-bic") name="bic" id="bank-bic" hint=t("withdraw-bic-hint") value=bank.bic.clone().unwrap_or_default()
                                server_error=field(save_error, "bic") />
                        }.into_any()
                    }}
                    <div class="form-actions">
                        <button type="submit" class="button">{t("withdraw-save-bank")}</button>
                    </div>
                </ActionForm>
            </section>
            <section class="card form-card" aria-labelledby="withdraw-heading">
                <h2 id="withdraw-heading">{t("withdraw-heading")}</h2>
                {(!has_bank).then(|| view! { <p class="alert alert-info">{t("withdraw-needs-bank")}</p> })}
                <ActionForm action=withdraw>
                    <FormAlert error=form_level(withdraw_error) />
                    <input type="hidden" name="form_token" value=page.form_token.clone() />
                    <Field label=t_args("payments-amount-in", &[("currency", currency.as_str().into())]) name="amount" id="withdraw-amount"
                        hint=t_args("withdraw-amount-hint", &[("available", money(page.balance_minor).into())])
                        server_error=field(withdraw_error, "amount") />
                    <div class="form-actions">
                        <button type="submit" class="button button-primary">{t("withdraw-submit")}</button>
                    </div>
                </ActionForm>
            </section>
        })}
        <section class="card" aria-labelledby="withdrawals-heading">
            <h2 id="withdrawals-heading">{t("withdraw-list-heading")}</h2>
            {if page.withdrawals.is_empty() {
                view! { <p class="empty">{t("withdraw-none")}</p> }.into_any()
            } else {
                view! {
                    <Table label=t("withdraw-list-heading") cards=true columns=vec![t("payments-col-amount"), t("payments-col-status"), t("payments-col-when")]>
                        {page.withdrawals.clone().into_iter().map(|w| {
                            let detail = w.reason.clone().map(|r| t_args("payments-reason-was", &[("reason", r.into())]));
                            view! {
                                <tr data-testid="withdrawal-row">
                                    <td data-label=t("payments-col-amount")>{money(w.amount_minor)}</td>
                                    <td data-label=t("payments-col-status")><Badge tone=tone(w.status) text=t(w.status.label_key()) />{detail.map(|d| view! { <p class="muted">{d}</p> })}</td>
                                    <td data-label=t("payments-col-when")>{w.created.text(lang)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </Table>
                }.into_any()
            }}
        </section>
    }
}
