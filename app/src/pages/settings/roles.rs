use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::{
    api::access::{RoleAdd, RoleDelete, RoleUpdate, roles_list},
    components::{
        field::Field,
        form_alert::{FormAlert, Notice},
        form_card::{FormCard, SubmitForm, field_error, form_level},
        loaded::Loaded,
        portal::Portal,
        query_notice,
        table::Table,
    },
    error::AppError,
    model::{
        Permission, Role,
        roles::{CustomRoleView, RolesPage as Roles},
    },
};

#[component]
pub fn RolesPage() -> impl IntoView {
    view! { <Portal title="page-roles" needs=Permission::ManageRoles refusal="refusal-roles" page=|_| view! { <RolesView /> } /> }
}

#[component]
fn RolesView() -> impl IntoView {
    let notice = query_notice(&[("saved", "roles-saved"), ("deleted", "roles-deleted")]);
    let page = Resource::new_blocking(notice, |_| roles_list());
    view! {
        {move || notice().map(|key| view! { <Notice>{t(key)}</Notice> })}
        <Loaded resource=page let:p>
            <RoleLists page=p /> <AddRole />
        </Loaded>
    }
    .into_any()
}

#[component]
fn RoleLists(page: Roles) -> impl IntoView {
    let has_custom = !page.custom.is_empty();
    view! {
        <section class="card" aria-labelledby="custom-roles-heading">
            <h2 id="custom-roles-heading">{t("roles-custom")}</h2>
            {if has_custom {
                view! {
                    <ul class="account-list" aria-label=t("roles-custom")>
                        {page.custom.into_iter().map(|r| view! { <CustomRoleItem role=r /> }).collect_view()}
                    </ul>
                }
                .into_any()
            } else {
                view! { <p class="muted">{t("roles-none")}</p> }.into_any()
            }}
        </section>
        <section class="card" aria-labelledby="built-in-roles-heading">
            <h2 id="built-in-roles-heading">{t("roles-built-in")}</h2>
            <Table label=t("roles-built-in") columns=vec![t("roles-role"), t("roles-may")]>
                {page.built_in.into_iter().map(|r: Role| view! {
                    <tr>
                        <th scope="row">{t(r.key())}</th>
                        <td>{r.permissions().iter().map(|p| t(p.key())).collect::<Vec<_>>().join(", ")}</td>
                    </tr>
                }).collect_view()}
            </Table>
        </section>
    }
}

/// Name, description and one box per permission; ids carry `prefix` so several forms can
/// share the page.
#[component]
fn RoleFields(
    prefix: String,
    name: String,
    description: String,
    granted: Vec<Permission>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let field = move |name| field_error(error, name);
    let permissions_error = field("permissions");
    let error_id = format!("{prefix}-permissions-error");
    let described = error_id.clone();
    let boxes = Permission::ALL
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let id = format!("{prefix}-permission-{i}");
            view! {
                <div class="inline-check">
                    <input type="checkbox" id=id.clone() name=format!("permissions[{i}]") value=p.as_str()
                        checked=granted.contains(&p) />
                    <label for=id>{t(p.key())}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <Field label=t("roles-name") name="name" id=format!("{prefix}-name") value=name server_error=field("name") />
        <Field label=t("roles-description") name="description" id=format!("{prefix}-description") required=false
            value=description server_error=field("description") />
        <fieldset class="choice" aria-describedby=described>
            <legend>{t("roles-permissions")}</legend>
            {boxes}
            <p class="field-error" id=error_id role="alert">{move || permissions_error.get()}</p>
        </fieldset>
    }
}

#[component]
fn CustomRoleItem(role: CustomRoleView) -> impl IntoView {
    let update = ServerAction::<RoleUpdate>::new();
    let delete = ServerAction::<RoleDelete>::new();
    let error = Signal::derive(move || update.value().get().and_then(Result::err));
    let delete_error = Signal::derive(move || delete.value().get().and_then(Result::err));
    let heading = format!("role-{}", role.id);
    let labelled = heading.clone();
    let id = role.id.to_string();
    let delete_id = id.clone();
    let delete_label = t_args("roles-delete-label", &[("name", role.name.clone().into())]);
    let may = role
        .permissions
        .iter()
        .map(|p| t(p.key()))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <li class="card account-item" aria-labelledby=labelled>
            <h3 id=heading>{role.name.clone()}</h3>
            {(!role.description.is_empty()).then(|| view! { <p>{role.description.clone()}</p> })}
            <dl class="facts">
                <dt>{t("roles-may")}</dt><dd>{may}</dd>
                <dt>{t("roles-users")}</dt><dd>{role.holders}</dd>
            </dl>
            <FormAlert error=delete_error />
            <details>
                <summary>{t("roles-edit")}</summary>
                <SubmitForm action=update alert=form_level(error) submit=t("roles-save-submit")>
                    <input type="hidden" name="id" value=id.clone() />
                    <RoleFields prefix=format!("edit-{id}") name=role.name.clone() description=role.description.clone()
                        granted=role.permissions.clone() error=error />
                </SubmitForm>
            </details>
            <ActionForm action=delete>
                <input type="hidden" name="id" value=delete_id />
                <button type="submit" class="button button-danger" aria-label=delete_label>{t("roles-delete")}</button>
            </ActionForm>
        </li>
    }
}

#[component]
fn AddRole() -> impl IntoView {
    let action = ServerAction::<RoleAdd>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <FormCard heading_id="add-role-heading" heading=t("roles-add-heading")>
            <SubmitForm action=action alert=form_level(error) submit=t("roles-add-submit")>
                <RoleFields prefix="add".to_owned() name=String::new() description=String::new()
                    granted=Vec::new() error=error />
            </SubmitForm>
        </FormCard>
    }
}
