use leptos::prelude::*;

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
    view! { <Portal title="Groups" needs=Permission::ManageGroups refusal="Your role does not allow you to manage groups." page=|_| view! { <Groups /> } /> }
}

#[component]
fn Groups() -> impl IntoView {
    view! {
        <NoticePage flag="saved" notice="The group was saved." load=groups_list let:p>
            <ul class="account-list" aria-label="Groups">
                {p.groups.into_iter().map(|g| view! { <GroupItem group=g /> }).collect_view()}
            </ul>
            {if p.can_add {
                view! { <AddGroup /> }.into_any()
            } else {
                view! {
                    <p class="field-hint">"Your account has one group. The Rootline operator can enable multiple groups."</p>
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
        <Field label="Group name" name="name" id=format!("{prefix}-name") value=initial.name.clone()
            server_error=field("name") />
        <Field label="Description" name="description" id=format!("{prefix}-description") required=false
            value=initial.description.clone() server_error=field("description") />
        <div class="field">
            <label for=mode_for>"Finance mode"</label>
            <select id=mode_id name="finance_mode">
                <option value="account" selected=!group_mode>"Deduct from the account balance"</option>
                <option value="group" selected=group_mode>"Deduct from the group balance"</option>
            </select>
        </div>
        <Field label="Spend limit" name="spend_limit" id=format!("{prefix}-spend_limit") required=false
            value=initial.spend_limit.clone() hint="e.g. 2500.00; empty for no limit."
            server_error=field("spend_limit") />
        <Field label="Renewal e-mail addresses" name="renewal_emails" id=format!("{prefix}-renewal_emails")
            required=false value=initial.renewal_emails.clone() hint="Separated by commas."
            server_error=field("renewal_emails") />
        <div class="inline-check">
            <input type="checkbox" id=restricted_id.clone() name="restricted" checked=initial.restricted />
            <label for=restricted_id>"Only users added to the group use it"</label>
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
        t if t.is_empty() => "No limit".to_owned(),
        t => t,
    };
    view! {
        <li class="card account-item" aria-labelledby=labelled>
            <h2 id=heading>
                {group.logo_url.clone().map(|url| view! { <img class="group-logo group-logo-small" src=url alt="" /> })}
                {group.name.clone()}{group.is_default.then_some(" (default)")}
            </h2>
            <dl class="facts">
                <dt>"Finance mode"</dt><dd>{group.finance_label()}</dd>
                <dt>"Spend limit"</dt><dd>{limit}</dd>
                <dt>"Renewal e-mails"</dt><dd>{group.renewal_emails.join(", ")}</dd>
                <dt>"Domains"</dt><dd>{if group.domains.is_empty() { "All domains of the account".to_owned() } else { group.domains.join(", ") }}</dd>
                <dt>"Used by"</dt><dd>{if group.restricted { "Users added to it" } else { "Every user with access to all groups, and users added to it" }}</dd>
            </dl>
            <p><a href=format!("/groups/{}", group.id)>{format!("Users, domains and logo of {}", group.name)}</a></p>
            <details>
                <summary>"Edit"</summary>
                <SubmitForm action=action alert=form_level(error) submit="Save group">
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
        <FormCard heading_id="add-group-heading" heading="Add a group">
            <SubmitForm action=action alert=form_level(error) submit="Add group">
                <GroupFields prefix="add".to_owned() initial=GroupForm::default() error=error />
            </SubmitForm>
        </FormCard>
    }
}
