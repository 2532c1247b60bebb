use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::i18n::{t, t_args};
use crate::{
    api::{
        access::{GroupMemberAdd, GroupMemberRemove, group_page},
        billing::{AllocateCredits, group_credits},
    },
    components::{
        field::Field,
        form_alert::{FormAlert, Notice},
        loaded::{Loaded, refused},
        portal::Portal,
        statement::StatementTable,
        table::Table,
    },
    error::AppError,
    model::{
        Permission, SessionView, billing::GroupFinance, group_members::GroupDetail,
        groups::FinanceMode,
    },
    pages::groups::settings::{GroupDomains, GroupLogo, GroupOrganizations},
};

#[component]
pub fn GroupViewPage() -> impl IntoView {
    view! { <Portal title="page-group" page=|s: SessionView| view! { <GroupView session=s /> } /> }
}

#[component]
fn GroupView(session: SessionView) -> impl IntoView {
    let manage = session.can(Permission::ManageGroups);
    let finance = session.can(Permission::ViewFinance);
    let can_allocate = session.can(Permission::AllocateCredits);
    if !manage && !finance {
        return refused("refusal-groups");
    }
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok())));
    // Each action redirects here with what it did, which also reloads the group.
    let changed = move || {
        query.with(|q| {
            ["member", "domain", "organization", "logo"]
                .into_iter()
                .find_map(|k| q.get(k).map(|v| format!("{k}={v}")))
        })
    };
    let detail = Resource::new_blocking(
        move || (id.get(), changed(), manage),
        |(id, _, manage)| async move {
            match id {
                Some(id) if manage => group_page(id).await.map(Some),
                Some(_) => Ok(None),
                None => Err(AppError::NotFound),
            }
        },
    );
    let credits = move || query.with(|q| q.get("credits"));
    let history = move || query.with(|q| q.get("history").and_then(|p| p.parse::<u64>().ok()));
    let money = Resource::new_blocking(
        move || (id.get(), credits(), history(), finance),
        |(id, _, page, finance)| async move {
            match id {
                Some(id) if finance => group_credits(id, page).await.map(Some),
                Some(_) => Ok(None),
                None => Err(AppError::NotFound),
            }
        },
    );
    let notice = move || match (changed().as_deref(), credits().as_deref()) {
        (Some("member=added"), _) => Some("group-member-added"),
        (Some("member=removed"), _) => Some("group-member-removed"),
        (Some("domain=added"), _) => Some("group-domain-added"),
        (Some("domain=removed"), _) => Some("group-domain-removed"),
        (Some("organization=added"), _) => Some("group-organization-added"),
        (Some("organization=removed"), _) => Some("group-organization-removed"),
        (Some("logo=set"), _) => Some("group-logo-saved"),
        (Some("logo=removed"), _) => Some("group-logo-removed"),
        (_, Some("allocate")) => Some("group-credits-allocated"),
        (_, Some("deallocate")) => Some("group-credits-returned"),
        _ => None,
    };
    view! {
        {move || notice().map(|key| view! { <Notice>{t(key)}</Notice> })}
        <Loaded resource=detail let:data>
            {match data {
                Some(d) => view! { <Detail detail=d /> }.into_any(),
                None => ().into_any(),
            }}
        </Loaded>
        // A sibling of the members' Suspense, not inside it: each waits for its own resource.
        <Suspense fallback=|| view! { <p class="loading">{t("common-loading")}</p> }>
            {move || Suspend::new(async move {
                match money.await {
                    Ok(Some(f)) => view! { <Credits finance=f can_allocate=can_allocate /> }.into_any(),
                    Ok(None) => ().into_any(),
                    // The members' section already says what is wrong.
                    Err(_) if manage => ().into_any(),
                    Err(e) => view! { <div class="alert alert-error" role="alert">{e.text(crate::i18n::use_lang())}</div> }.into_any(),
                }
            })}
        </Suspense>
        <p><a href="/groups">{t("groups-all")}</a></p>
    }
    .into_any()
}

#[component]
fn Detail(detail: GroupDetail) -> impl IntoView {
    let add = ServerAction::<GroupMemberAdd>::new();
    let remove = ServerAction::<GroupMemberRemove>::new();
    let error = Signal::derive(move || {
        add.value()
            .get()
            .and_then(Result::err)
            .or_else(|| remove.value().get().and_then(Result::err))
    });
    let group = detail.group;
    let settings_group = group.clone();
    let logo_group = group.clone();
    let addable_domains = detail.addable_domains;
    let organizations = detail.organizations;
    let addable_organizations = detail.addable_organizations;
    let group_id = group.id.to_string();
    let add_group_id = group_id.clone();
    let has_addable = !detail.addable.is_empty();
    view! {
        <section class="card" aria-labelledby="group-heading">
            <h2 id="group-heading">{group.name.clone()}</h2>
            {(!group.description.is_empty()).then(|| view! { <p>{group.description.clone()}</p> })}
            <p class="muted">{if group.restricted {
                t("group-used-by-members-only")
            } else {
                t("group-used-by-all")
            }}</p>
            <FormAlert error=error />
            <Table label=t("group-users-table") columns=vec![t("group-user-name"), t("field-email"), t("field-role"), t("group-through"), t("group-actions")]>
                {detail.users.into_iter().map(|u| {
                    let group_id = group_id.clone();
                    let label = t_args("group-remove-from", &[("name", u.name.clone().into())]);
                    view! {
                        <tr>
                            <td>{u.name.clone()}</td>
                            <td>{u.email}</td>
                            <td>{u.role_label.text(crate::i18n::use_lang())}</td>
                            <td>{if u.member { t("group-through-member") } else { t("group-through-all") }}</td>
                            <td>{u.member.then(|| view! {
                                <ActionForm action=remove>
                                    <input type="hidden" name="group_id" value=group_id.clone() />
                                    <input type="hidden" name="membership_id" value=u.id />
                                    <button type="submit" class="button button-danger" aria-label=label.clone()>{t("group-remove")}</button>
                                </ActionForm>
                            })}</td>
                        </tr>
                    }
                }).collect_view()}
            </Table>
        </section>
        {has_addable.then(|| view! {
            <section class="card form-card" aria-labelledby="add-member-heading">
                <h2 id="add-member-heading">{t("group-add-member-heading")}</h2>
                <ActionForm action=add>
                    <input type="hidden" name="group_id" value=add_group_id.clone() />
                    <div class="field">
                        <label for="member-user">{t("group-user")}</label>
                        <select id="member-user" name="membership_id" required=true>
                            {detail.addable.into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button button-primary">{t("group-add-member")}</button>
                    </div>
                </ActionForm>
            </section>
        })}
        <GroupOrganizations group_id=settings_group.id chosen=organizations addable=addable_organizations />
        <GroupDomains group=settings_group addable=addable_domains />
        <GroupLogo group_id=logo_group.id name=logo_group.name.clone() logo_url=logo_group.logo_url.clone() />
    }
}

/// The group's credits: balance and limit, the allocation forms, and the history.
#[component]
fn Credits(finance: GroupFinance, can_allocate: bool) -> impl IntoView {
    let group = finance.group;
    let currency = finance.currency.clone();
    let lang = crate::i18n::use_lang();
    let money = move |m: i64| crate::i18n::money(lang, m, &currency);
    let pays_from_group = group.finance_mode == FinanceMode::Group;
    let can_deallocate = group.balance_minor > 0;
    let href_base = format!("/groups/{}?history=", group.group_id);
    let group_id = group.group_id;
    view! {
        <section class="card" aria-labelledby="credits-heading">
            <h2 id="credits-heading">{t("group-credits")}</h2>
            <dl class="facts">
                <dt>{t("billing-balance")}</dt>
                <dd data-testid="group-balance">{money(group.balance_minor)}</dd>
                <dt>{t("group-paid-from")}</dt>
                <dd>{if pays_from_group { t("billing-from-group") } else { t("billing-from-account") }}</dd>
                <dt>{t("billing-account-balance")}</dt>
                <dd data-testid="account-balance">{money(finance.account_balance_minor)}</dd>
                <dt>{t("billing-spent")}</dt>
                <dd>{money(group.spent_minor)}</dd>
                <dt>{t("billing-spend-limit")}</dt>
                <dd>{group.spend_limit_minor.map_or_else(|| t("billing-no-limit"), &money)}</dd>
            </dl>
            {(!pays_from_group).then(|| view! {
                <p class="muted">{t("group-paid-from-account-explain")}</p>
            })}
        </section>
        {(can_allocate && pays_from_group).then(|| view! {
            <AllocationForm group_id=group_id direction="allocate" heading=t("group-allocate")
                hint=t("group-allocate-hint") />
        })}
        {(can_allocate && can_deallocate).then(|| view! {
            <AllocationForm group_id=group_id direction="deallocate" heading=t("group-deallocate")
                hint=t("group-deallocate-hint") />
        })}
        <section class="card" aria-labelledby="history-heading">
            <h2 id="history-heading">{t("group-credit-history")}</h2>
            <StatementTable page=finance.history label=t("group-credit-history") href_base=href_base show_group=false />
        </section>
    }
}

/// One of the two allocation forms; ids carry `direction` so both can share the page.
#[component]
fn AllocationForm(
    group_id: i32,
    direction: &'static str,
    heading: String,
    hint: String,
) -> impl IntoView {
    let action = ServerAction::<AllocateCredits>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    let form_error = Signal::derive(move || {
        error
            .get()
            .filter(|e| e.field("amount").is_none() && e.field("remarks").is_none())
    });
    let heading_id = format!("{direction}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class="card form-card" aria-labelledby=labelled_by>
            <h2 id=heading_id>{heading.clone()}</h2>
            <ActionForm action=action>
                <FormAlert error=form_error />
                <input type="hidden" name="group_id" value=group_id />
                <input type="hidden" name="direction" value=direction />
                <Field label=t("group-amount") name="amount" id=format!("{direction}-amount") hint=hint
                    server_error=field("amount") />
                <Field label=t("wizard-remarks") name="remarks" id=format!("{direction}-remarks")
                    server_error=field("remarks") />
                <div class="form-actions">
                    <button type="submit" class="button button-primary">{heading}</button>
                </div>
            </ActionForm>
        </section>
    }
}
