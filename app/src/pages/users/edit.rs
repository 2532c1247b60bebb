use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::i18n::t;
use crate::{
    api::access::{UserDeactivate, UserUpdate, role_options, user_get},
    components::{form_alert::FormAlert, loaded::Loaded, portal::Portal, user_fields::UserFields},
    error::AppError,
    model::{Permission, UserSummary, users::MemberStatus},
};

#[component]
pub fn UserEditPage() -> impl IntoView {
    view! { <Portal title="page-edit-user" needs=Permission::ManageUsers refusal="refusal-users" page=|_| view! { <UserEdit /> } /> }
}

#[component]
fn UserEdit() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok())));
    let user = Resource::new_blocking(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => Ok((user_get(id).await?, role_options().await?)),
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Loaded resource=user let:data>
            <EditForm user=data.0 roles=data.1 />
        </Loaded>
    }
    .into_any()
}

#[component]
fn EditForm(user: UserSummary, roles: Vec<crate::model::roles::RoleOption>) -> impl IntoView {
    let update = ServerAction::<UserUpdate>::new();
    let deactivate = ServerAction::<UserDeactivate>::new();
    let error = Signal::derive(move || update.value().get().and_then(Result::err));
    let form_error = Signal::derive(move || {
        error
            .get()
            .filter(|e| !matches!(e, AppError::Validation(_)))
    });
    let deactivate_error = Signal::derive(move || deactivate.value().get().and_then(Result::err));
    let field_error = Callback::new(move |name: &'static str| {
        Signal::derive(move || error.get().and_then(|e| e.field(name)))
    });
    let id = user.id.to_string();
    let deactivate_id = id.clone();
    let can_deactivate =
        user.can_manage && !user.is_you && user.status != MemberStatus::Deactivated;
    if !user.can_manage {
        return view! {
            <section class="card form-card" aria-labelledby="edit-user-heading">
                <h2 id="edit-user-heading">{user.name.clone()}</h2>
                <dl class="facts">
                    <dt>{t("field-email")}</dt><dd>{user.email.clone()}</dd>
                    <dt>{t("field-role")}</dt><dd>{user.role_label.text(crate::i18n::use_lang())}</dd>
                    <dt>{t("orders-col-status")}</dt><dd>{t(user.status.key())}</dd>
                </dl>
                <p class="alert alert-info" role="status">
                    {t("users-cannot-change")}
                </p>
                <a class="button button-quiet" href="/users">{t("users-back")}</a>
            </section>
        }
        .into_any();
    }
    let shared = user.shared;
    view! {
        <section class="card form-card" aria-labelledby="edit-user-heading">
            <h2 id="edit-user-heading">{user.name.clone()}</h2>
            <dl class="facts">
                <dt>{t("field-email")}</dt><dd>{user.email.clone()}</dd>
                <dt>{t("orders-col-status")}</dt><dd>{t(user.status.key())}</dd>
                {shared.then(|| view! {
                    <dt>{t("field-mobile")}</dt><dd>{user.mobile.clone()}</dd>
                    <dt>{t("field-designation")}</dt><dd>{if user.designation.is_empty() { "—".to_owned() } else { user.designation.clone() }}</dd>
                })}
            </dl>
            {shared.then(|| view! {
                <p class="field-hint">
                    {t("users-shared")}
                </p>
            })}
            <ActionForm action=update>
                <FormAlert error=form_error />
                <input type="hidden" name="id" value=id.clone() />
                <UserFields initial=user.form() roles=roles editing=true personal=!shared field_error=field_error />
                <div class="form-actions">
                    <button type="submit" class="button button-primary" disabled=move || update.pending().get()>
                        {t("edit-save")}
                    </button>
                    <a class="button button-quiet" href="/users">{t("users-cancel")}</a>
                </div>
            </ActionForm>
        </section>
        {can_deactivate.then(|| view! {
            <section class="card danger-zone" aria-labelledby="deactivate-heading">
                <h2 id="deactivate-heading">{t("toggle-deactivate")}</h2>
                <p>{t("users-deactivate-explain")}</p>
                <ActionForm action=deactivate>
                    <FormAlert error=deactivate_error />
                    <input type="hidden" name="id" value=deactivate_id.clone() />
                    <button type="submit" class="button button-danger">{t("users-deactivate")}</button>
                </ActionForm>
            </section>
        })}
    }
    .into_any()
}
