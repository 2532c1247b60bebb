use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::{
    api::access::{GroupAdd, GroupUpdate, groups_list},
    components::{
        field::Field,
        form_card::{FormCard, SubmitForm, field_error, form_level},
        loaded::NoticePage,
        portal::Portal,
    },
    error::AppError,
    model::{
        Permission,
        groups::{GroupForm, GroupView},
    },
};

#[component]
pub fn GroupsPage() -> impl IntoView {
    view! { <Portal title="page-groups" needs=Permission::ManageGroups refusal="refusal-groups" page=|_| view! { <Groups /> } /> }
}

#[component]
fn Groups() -> impl IntoView {
    view! {
        <NoticePage flag="saved" notice=t("groups-saved") load=groups_list let:p>
            <ul class="account-list" aria-label=t("groups-list")>
                {p.groups.into_iter().map(|g| view! { <GroupItem group=g /> }).collect_view()}
            </ul>
            {if p.can_add {
                view! { <AddGroup /> }.into_any()
            } else {
                view! {
                    <p class="field-hint">{t("groups-one-group")}</p>
                }
                .into_any()
            }}
        </NoticePage>
    }
    .into_any()
}

/// The group fields, shared by the add form and each group's edit form. Ids carry `prefix` so
/// several forms can share a page.
#[component]
fn GroupFields(
    prefix: String,
    initial: GroupForm,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let field = move |name| field_error(error, name);
    let mode_id = format!("{prefix}-finance");
    let mode_for = mode_id.clone();
    let group_mode = initial.finance_mode == "group";
    let restricted_id = format!("{prefix}-restricted");
    view! {
        <Field label=t("group-name") name="name" id=format!("{prefix}-name") value=initial.name.clone()
            server_error=field("name") />
        <Field label=t("group-description") name="description" id=format!("{prefix}-description") required=false
            value=initial.description.clone() server_error=field("description") />
        <div class="field">
            <label for=mode_for>{t("group-finance-mode")}</label>
            <select id=mode_id name="finance_mode">
                <option value="account" selected=!group_mode>{t("group-from-account")}</option>
                <option value="group" selected=group_mode>{t("group-from-group")}</option>
            </select>
        </div>
        <Field label=t("group-spend-limit") name="spend_limit" id=format!("{prefix}-spend_limit") required=false
            value=initial.spend_limit.clone() hint=t("group-spend-limit-hint")
            server_error=field("spend_limit") />
        <Field label=t("group-renewal-emails") name="renewal_emails" id=format!("{prefix}-renewal_emails")
            required=false value=initial.renewal_emails.clone() hint=t("group-renewal-emails-hint")
            server_error=field("renewal_emails") />
        <div class="inline-check">
            <input type="checkbox" id=restricted_id.clone() name="restricted" checked=initial.restricted />
            <label for=restricted_id>{t("group-restricted")}</label>
        </div>
    }
}

#[component]
fn GroupItem(group: GroupView) -> impl IntoView {
    let action = ServerAction::<GroupUpdate>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let heading = format!("group-{}", group.id);
    let labelled = heading.clone();
    let id = group.id.to_string();
    let limit = match group.spend_limit_text() {
        text if text.is_empty() => t("billing-no-limit"),
        text => text,
    };
    view! {
        <li class="card account-item" aria-labelledby=labelled>
            <h2 id=heading>
                {group.logo_url.clone().map(|url| view! { <img class="group-logo group-logo-small" src=url alt="" /> })}
                {group.name.clone()}{group.is_default.then(|| format!(" ({})", t("group-default")))}
            </h2>
            <dl class="facts">
                <dt>{t("group-finance-mode")}</dt><dd>{t(group.finance_mode.key())}</dd>
                <dt>{t("group-spend-limit")}</dt><dd>{limit}</dd>
                <dt>{t("group-renewal-emails-fact")}</dt><dd>{group.renewal_emails.join(", ")}</dd>
                <dt>{t("group-domains")}</dt><dd>{if group.domains.is_empty() { t("group-all-domains") } else { group.domains.join(", ") }}</dd>
                <dt>{t("group-used-by")}</dt><dd>{if group.restricted { t("group-used-by-members") } else { t("group-used-by-everyone") }}</dd>
            </dl>
            <p><a href=format!("/groups/{}", group.id)>{t_args("group-details-link", &[("name", group.name.clone().into())])}</a></p>
            <details>
                <summary>{t("group-edit")}</summary>
                <SubmitForm action=action alert=form_level(error) submit=t("group-save-submit")>
                    <input type="hidden" name="id" value=id.clone() />
                    <GroupFields prefix=format!("edit-{id}") initial=group.form() error=error />
                </SubmitForm>
            </details>
        </li>
    }
}

#[component]
fn AddGroup() -> impl IntoView {
    let action = ServerAction::<GroupAdd>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <FormCard heading_id="add-group-heading" heading=t("groups-add-heading")>
            <SubmitForm action=action alert=form_level(error) submit=t("groups-add-submit")>
                <GroupFields prefix="add".to_owned() initial=GroupForm::default() error=error />
            </SubmitForm>
        </FormCard>
    }
}
