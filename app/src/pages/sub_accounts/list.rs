use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::{t, t_args};
use crate::{
    api::partners::{
        PriceListAssign, PriceListCreate, SUB_ACCOUNTS_PATH, SubAccountActFor, SubAccountCreate,
        SubAccountOrderAnswer, SubAccountStatus, price_list_page, sub_accounts_overview,
    },
    components::{
        badge::{Badge, Tone},
        field::{Field, FieldRule},
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
        organization_fields::CountrySelect,
        portal::Portal,
        table::Table,
    },
    error::AppError,
    model::{
        AccountStatus, Currency, Permission,
        sub_accounts::{
            GroupChoice, ParentApprovalRow, PriceListSummary, SubAccountOrderRow,
            SubAccountSummary, SubAccountsPage as Page,
        },
    },
};

#[component]
pub fn SubAccountsPage() -> impl IntoView {
    view! { <Portal title="page-sub-accounts" needs=Permission::ManageSubAccounts refusal="refusal-sub-accounts" page=|_| view! { <SubAccounts /> } /> }
}

/// The notices a post comes back with, by the key in the address.
const NOTICES: [(&str, &str); 7] = [
    ("created", "sub-accounts-created"),
    ("suspended", "sub-accounts-suspended"),
    ("reactivated", "sub-accounts-reactivated"),
    ("assigned", "sub-accounts-assigned"),
    ("approved", "sub-accounts-approved"),
    ("rejected", "sub-accounts-rejected"),
    ("saved", "sub-accounts-saved"),
];

#[component]
fn SubAccounts() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |()| sub_accounts_overview());
    let notice = use_query_map().with_untracked(|q| {
        NOTICES
            .iter()
            .find(|(k, _)| q.get(k).is_some())
            .map(|(_, key)| *key)
    });
    view! {
        <p class="lead">{t("sub-accounts-lead")}</p>
        {notice.map(|key| view! { <Notice>{t(key)}</Notice> })}
        <Loaded resource=data let:page>
            <Sections page=page />
        </Loaded>
    }
}

#[component]
fn Sections(page: Page) -> impl IntoView {
    let Page {
        can_create,
        can_price,
        can_approve,
        sub_accounts,
        price_lists,
        groups,
        waiting,
        orders,
    } = page;
    let lists_for_rows = price_lists.clone();
    let report_choices: Vec<(i32, String)> = sub_accounts
        .iter()
        .map(|s| (s.id, s.name.clone()))
        .collect();
    view! {
        <Waiting rows=waiting can_approve=can_approve />
        <section class="card" aria-labelledby="sub-accounts-heading">
            <h2 id="sub-accounts-heading">{t("sub-accounts-heading")}</h2>
            {if sub_accounts.is_empty() {
                view! { <p class="empty">{t("sub-accounts-none")}</p> }.into_any()
            } else {
                view! {
                    <Table label=t("sub-accounts-heading") cards=true columns=vec![t("sub-accounts-col-name"), t("orders-col-status"), t("sub-accounts-col-currency"), t("sub-accounts-col-price-list"), t("sub-accounts-col-administrator"), t("sub-accounts-col-orders"), t("sub-accounts-col-actions")]>
                        {sub_accounts.into_iter().map(|s| view! { <SubAccountRow sub=s lists=lists_for_rows.clone() can_create=can_create can_price=can_price /> }).collect_view()}
                    </Table>
                }.into_any()
            }}
        </section>
        {can_create.then(|| view! { <NewSubAccount lists=price_lists.clone() groups=groups /> })}
        {can_price.then(|| view! { <PriceLists lists=price_lists /> })}
        <LatestOrders rows=orders />
        <OrdersReport subs=report_choices />
    }
}

/// The partner's orders report (every sub-account order, with both prices and the margin) as
/// Excel: a plain GET form to the file's route, so it works without script.
#[component]
fn OrdersReport(subs: Vec<(i32, String)>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="sub-report-heading">
            <h2 id="sub-report-heading">{t("sub-accounts-report-heading")}</h2>
            <p class="muted">{t("sub-accounts-report-explain")}</p>
            <form class="filters" method="get" action="/sub-accounts/orders.xlsx" aria-label=t("sub-accounts-report-heading")>
                <div class="field">
                    <label for="sub-report-account">{t("sub-accounts-report-account")}</label>
                    <select id="sub-report-account" name="account">
                        <option value="">{t("sub-accounts-report-all")}</option>
                        {subs.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="sub-report-order">{t("sub-accounts-report-order")}</label>
                    <input id="sub-report-order" name="order" type="text" inputmode="numeric" autocomplete="off" />
                </div>
                <div class="filters-actions">
                    <button type="submit" class="button">{t("sub-accounts-report-download")}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn SubAccountRow(
    sub: SubAccountSummary,
    lists: Vec<PriceListSummary>,
    can_create: bool,
    can_price: bool,
) -> impl IntoView {
    let status_action = ServerAction::<SubAccountStatus>::new();
    let act_for = ServerAction::<SubAccountActFor>::new();
    let assign = ServerAction::<PriceListAssign>::new();
    let tone = match sub.status {
        AccountStatus::Active => Tone::Success,
        AccountStatus::Suspended | AccountStatus::Rejected | AccountStatus::Expired => Tone::Danger,
        AccountStatus::PendingActivation | AccountStatus::PendingApproval => Tone::Warning,
    };
    let suspend = match sub.status {
        AccountStatus::Active => Some(("suspend", "sub-accounts-suspend")),
        AccountStatus::Suspended => Some(("reactivate", "sub-accounts-reactivate")),
        _ => None,
    };
    let id = sub.id.to_string();
    let (id_assign, id_act, id_status) = (id.clone(), id.clone(), id);
    let name_label = sub.name.clone();
    let order_for = t_args(
        "sub-accounts-order-for",
        &[("name", sub.name.clone().into())],
    );
    let select_id = format!("price-list-{}", sub.id);
    let list_label = sub
        .price_list
        .clone()
        .unwrap_or_else(|| t("sub-accounts-operator-prices"));
    view! {
        <tr data-testid="sub-account-row">
            <td data-label=t("sub-accounts-col-name")><strong>{sub.name.clone()}</strong>
                {sub.parent_approval.then(|| view! { <br /><span class="muted">{t("sub-accounts-needs-approval")}</span> })}
                {sub.group.clone().map(|g| view! { <br /><span class="muted">{t_args("sub-accounts-looked-after-by", &[("group", g.into())])}</span> })}
            </td>
            <td data-label=t("orders-col-status")><Badge tone=tone text=t(sub.status.key()) test_id="sub-account-status" /></td>
            <td data-label=t("sub-accounts-col-currency")>{sub.currency.as_str()}</td>
            <td data-label=t("sub-accounts-col-price-list")>
                {if can_price {
                    let current = sub.price_list_id;
                    view! {
                        <ActionForm action=assign attr:class="inline-form">
                            <input type="hidden" name="sub_account_id" value=id_assign />
                            <label class="visually-hidden" for=select_id.clone()>{t_args("sub-accounts-price-list-of", &[("name", name_label.into())])}</label>
                            <select id=select_id name="price_list_id">
                                <option value="" selected=current.is_none()>{t("sub-accounts-operator-prices")}</option>
                                {lists.into_iter().map(|l| view! { <option value=l.id.to_string() selected=current == Some(l.id)>{l.name}</option> }).collect_view()}
                            </select>
                            <button type="submit" class="button button-quiet">{t("sub-accounts-assign")}</button>
                        </ActionForm>
                    }.into_any()
                } else {
                    view! { <span>{list_label}</span> }.into_any()
                }}
            </td>
            <td data-label=t("sub-accounts-col-administrator")>{sub.administrator.clone()}</td>
            <td data-label=t("sub-accounts-col-orders")>{sub.orders}</td>
            <td data-label=t("sub-accounts-col-actions")>
                {(sub.status == AccountStatus::Active).then(|| view! {
                    <ActionForm action=act_for>
                        <input type="hidden" name="sub_account_id" value=id_act />
                        <button type="submit" class="button button-primary">{order_for}</button>
                    </ActionForm>
                })}
                {can_price.then(|| view! {
                    <a class="button button-quiet" href=format!("/billing/statement?account={}", sub.id)>{t_args("sub-accounts-statement-of", &[("name", sub.name.clone().into())])}</a>
                })}
                {(can_create).then(|| suspend.map(|(action, label)| view! {
                    <ActionForm action=status_action>
                        <input type="hidden" name="sub_account_id" value=id_status.clone() />
                        <input type="hidden" name="action" value=action />
                        <button type="submit" class=if action == "suspend" { "button button-danger" } else { "button" }>{t(label)}</button>
                    </ActionForm>
                }))}
                <FormAlert error=Signal::derive(move || status_action.value().get().and_then(Result::err).or_else(|| assign.value().get().and_then(Result::err)).or_else(|| act_for.value().get().and_then(Result::err))) />
            </td>
        </tr>
    }
}

#[component]
fn Waiting(rows: Vec<ParentApprovalRow>, can_approve: bool) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    view! {
        <section class="card" id="waiting" aria-labelledby="waiting-heading">
            <h2 id="waiting-heading">{t("sub-accounts-waiting-heading")}</h2>
            {if rows.is_empty() {
                view! { <p class="empty">{t("sub-accounts-waiting-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="card-list" data-testid="waiting-orders">
                        {rows.into_iter().map(|r| {
                            let names = r.names.join(", ");
                            view! {
                                <li class="card" data-testid="waiting-order">
                                    <h3>{t_args("sub-accounts-waiting-order", &[("id", r.order_id.into()), ("name", r.sub_account.clone().into())])}</h3>
                                    <dl class="facts">
                                        <dt>{t("ev-approvals-product")}</dt><dd>{r.product.clone()}</dd>
                                        <dt>{t("sub-accounts-names")}</dt><dd>{names}</dd>
                                        <dt>{t("sub-accounts-validity")}</dt><dd>{t_args("sub-accounts-days", &[("days", r.validity_days.into())])}</dd>
                                        <dt>{t("ev-link-requester")}</dt><dd>{r.requester.clone()}</dd>
                                        <dt>{t("ev-approvals-placed")}</dt><dd>{r.placed_at.text(lang)}</dd>
                                        <dt>{t("sub-accounts-sub-price")}</dt><dd data-testid="sub-price">{r.sub_account_price.text(lang)}</dd>
                                        <dt>{t("sub-accounts-partner-price")}</dt><dd data-testid="partner-price">{r.partner_price.text(lang)}</dd>
                                    </dl>
                                    {can_approve.then(|| view! { <AnswerOrder order_id=r.order_id /> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn AnswerOrder(order_id: i32) -> impl IntoView {
    let action = ServerAction::<SubAccountOrderAnswer>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let reason_id = format!("reject-reason-{order_id}");
    view! {
        <FormAlert error=error />
        <div class="form-actions">
            <ActionForm action=action>
                <input type="hidden" name="order_id" value=order_id.to_string() />
                <input type="hidden" name="answer" value="approve" />
                <button type="submit" class="button button-primary">{t("sub-accounts-approve-pay")}</button>
            </ActionForm>
        </div>
        <ActionForm action=action>
            <input type="hidden" name="order_id" value=order_id.to_string() />
            <input type="hidden" name="answer" value="reject" />
            <div class="field">
                <label for=reason_id.clone()>{t("sub-accounts-reject-reason")}</label>
                <input id=reason_id type="text" name="reason" maxlength="500" />
            </div>
            <button type="submit" class="button button-danger">{t("sub-accounts-reject")}</button>
        </ActionForm>
    }
}

#[component]
fn NewSubAccount(lists: Vec<PriceListSummary>, groups: Vec<GroupChoice>) -> impl IntoView {
    let action = ServerAction::<SubAccountCreate>::new();
    let kept = crate::api::refill::take(SUB_ACCOUNTS_PATH);
    let value = move |name: &str| crate::api::refill::value(&kept, name).unwrap_or_default();
    let approval_kept = value("parent_approval");
    let anything_kept = !value("organization").is_empty() || !value("admin_email").is_empty();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let form_error = Signal::derive(move || {
        error
            .get()
            .filter(|e| !matches!(e, AppError::Validation(_)))
    });
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    let chosen_currency = value("currency");
    let chosen_list = value("price_list_id");
    let chosen_group = value("group_id");
    let (organization, admin_name, admin_email, country) = (
        value("organization"),
        value("admin_name"),
        value("admin_email"),
        value("country"),
    );
    // Ticked unless a refused post came back without it.
    let approval = !anything_kept || !approval_kept.is_empty();
    view! {
        <section class="card form-card" aria-labelledby="new-sub-account-heading">
            <h2 id="new-sub-account-heading">{t("sub-accounts-new-heading")}</h2>
            <p class="muted">{t("sub-accounts-new-lead")}</p>
            <ActionForm action=action>
                <FormAlert error=form_error />
                <Field label=t("sub-accounts-organization") name="organization" value=organization server_error=field("organization") />
                <CountrySelect name="country" label=t("sub-accounts-country") selected=country error=field("country") />
                <div class="field" class:field-invalid=move || field("currency").get().is_some()>
                    <label for="field-currency">{t("sub-accounts-currency")}</label>
                    <select id="field-currency" name="currency" required=true aria-describedby="field-currency-error">
                        {Currency::ALL.into_iter().map(|c| view! { <option value=c.as_str() selected=chosen_currency == c.as_str()>{c.as_str()}</option> }).collect_view()}
                    </select>
                    <p class="field-error" id="field-currency-error" role="alert">{move || field("currency").get()}</p>
                </div>
                <Field label=t("sub-accounts-admin-name") name="admin_name" value=admin_name server_error=field("admin_name") validate=FieldRule::PersonName />
                <Field label=t("sub-accounts-admin-email") name="admin_email" input_type="email" value=admin_email server_error=field("admin_email") validate=FieldRule::Email />
                <div class="field" class:field-invalid=move || field("price_list_id").get().is_some()>
                    <label for="field-price_list_id">{t("sub-accounts-col-price-list")}</label>
                    <select id="field-price_list_id" name="price_list_id" aria-describedby="field-price_list_id-error">
                        <option value="">{t("sub-accounts-operator-prices")}</option>
                        {lists.into_iter().map(|l| { let v = l.id.to_string(); let sel = v == chosen_list; view! { <option value=v selected=sel>{l.name}</option> } }).collect_view()}
                    </select>
                    <p class="field-error" id="field-price_list_id-error" role="alert">{move || field("price_list_id").get()}</p>
                </div>
                <div class="field" class:field-invalid=move || field("group_id").get().is_some()>
                    <label for="field-group_id">{t("sub-accounts-group")}</label>
                    <select id="field-group_id" name="group_id" aria-describedby="field-group_id-error">
                        {groups.into_iter().map(|g| { let v = g.id.to_string(); let sel = v == chosen_group; view! { <option value=v selected=sel>{g.name}</option> } }).collect_view()}
                    </select>
                    <p class="muted">{t("sub-accounts-group-hint")}</p>
                    <p class="field-error" id="field-group_id-error" role="alert">{move || field("group_id").get()}</p>
                </div>
                <div class="field field-check">
                    <input id="field-parent_approval" type="checkbox" name="parent_approval" value="yes" checked=approval />
                    <label for="field-parent_approval">{t("sub-accounts-parent-approval")}</label>
                </div>
                <div class="form-actions">
                    <button type="submit" class="button button-primary">{t("sub-accounts-create")}</button>
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
fn PriceLists(lists: Vec<PriceListSummary>) -> impl IntoView {
    let action = ServerAction::<PriceListCreate>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let name_error = Signal::derive(move || error.get().and_then(|e| e.field("name")));
    view! {
        <section class="card" aria-labelledby="price-lists-heading">
            <h2 id="price-lists-heading">{t("sub-accounts-price-lists")}</h2>
            <p class="muted">{t("sub-accounts-price-lists-lead")}</p>
            {if lists.is_empty() {
                view! { <p class="empty">{t("sub-accounts-price-lists-none")}</p> }.into_any()
            } else {
                view! {
                    <Table label=t("sub-accounts-price-lists") cards=true columns=vec![t("sub-accounts-col-name"), t("sub-accounts-col-prices"), t("sub-accounts-heading")]>
                        {lists.into_iter().map(|l| view! {
                            <tr>
                                <td data-label=t("sub-accounts-col-name")><a href=price_list_page(l.id)>{l.name}</a></td>
                                <td data-label=t("sub-accounts-col-prices")>{l.prices}</td>
                                <td data-label=t("sub-accounts-heading")>{l.sub_accounts}</td>
                            </tr>
                        }).collect_view()}
                    </Table>
                }.into_any()
            }}
            <ActionForm action=action>
                <FormAlert error=Signal::derive(move || error.get().filter(|e| e.field("name").is_none())) />
                <div class="field" class:field-invalid=move || name_error.get().is_some()>
                    <label for="field-list-name">{t("sub-accounts-list-name")}</label>
                    <input id="field-list-name" name="name" type="text" maxlength="80" required=true aria-describedby="field-list-name-error" />
                    <p class="field-error" id="field-list-name-error" role="alert">{move || name_error.get()}</p>
                </div>
                <button type="submit" class="button">{t("sub-accounts-list-create")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn LatestOrders(rows: Vec<SubAccountOrderRow>) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    view! {
        <section class="card" aria-labelledby="sub-orders-heading">
            <h2 id="sub-orders-heading">{t("sub-accounts-orders-heading")}</h2>
            {if rows.is_empty() {
                view! { <p class="empty">{t("sub-accounts-orders-none")}</p> }.into_any()
            } else {
                view! {
                    <Table label=t("sub-accounts-orders-heading") cards=true columns=vec![t("sub-accounts-col-order"), t("sub-accounts-col-name"), t("ev-approvals-product"), t("orders-col-status"), t("sub-accounts-sub-price"), t("sub-accounts-partner-price"), t("sub-accounts-margin")]>
                        {rows.into_iter().map(|r| view! {
                            <tr data-testid="sub-account-order">
                                <td data-label=t("sub-accounts-col-order")>{format!("#{}", r.order_id)}</td>
                                <td data-label=t("sub-accounts-col-name")>{r.sub_account}</td>
                                <td data-label=t("ev-approvals-product")>{r.product}</td>
                                <td data-label=t("orders-col-status")>{t(r.status.key())}</td>
                                <td data-label=t("sub-accounts-sub-price")>{r.sub_account_price.text(lang)}</td>
                                <td data-label=t("sub-accounts-partner-price")>{r.partner_price.text(lang)}</td>
                                <td data-label=t("sub-accounts-margin") data-testid="margin">{r.margin.map_or_else(|| "—".to_owned(), |m| m.text(lang))}</td>
                            </tr>
                        }).collect_view()}
                    </Table>
                }.into_any()
            }}
        </section>
    }
}
