use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::i18n::t;
use crate::{
    api::organizations::{OrganizationUpdate, organization_get},
    components::{
        form_alert::FormAlert,
        loaded::Loaded,
        organization_fields::{OrganizationFields, refilled},
        portal::Portal,
    },
    error::AppError,
    model::{
        OrganizationId, Permission,
        organizations::{OrganizationDetail, organization_edit_page, organization_page},
    },
};

#[component]
pub fn OrganizationEditPage() -> impl IntoView {
    view! { <Portal title="page-edit-organization" needs=Permission::ManageOrganizations refusal="refusal-manage-organizations" page=|_| view! { <OrganizationEdit /> } /> }
}

#[component]
fn OrganizationEdit() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok())));
    let org = Resource::new_blocking(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => organization_get(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Loaded resource=org let:o>
            <EditForm org=o />
        </Loaded>
    }
    .into_any()
}

#[component]
fn EditForm(org: OrganizationDetail) -> impl IntoView {
    let action = ServerAction::<OrganizationUpdate>::new();
    let id: OrganizationId = org.id;
    let initial = refilled(
        &crate::api::refill::take(&organization_edit_page(id)),
        org.form.clone(),
    );
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let form_error = Signal::derive(move || {
        error
            .get()
            .filter(|e| !matches!(e, AppError::Validation(_)))
    });
    let field_error = Callback::new(move |name: &'static str| {
        Signal::derive(move || error.get().and_then(|e| e.field(name)))
    });
    let modification = org.status.edit_requests_modification();
    let editable = org.status.customer_may_edit() || modification;
    view! {
        <section class="card form-card" aria-labelledby="edit-organization-heading">
            <h2 id="edit-organization-heading">{org.form.legal_name.clone()}</h2>
            {modification.then(|| view! { <p class="alert alert-warning" role="status">{t("organizations-modification-warning")}</p> })}
            {(!editable).then(|| view! { <p class="alert alert-info" role="status">{t("organizations-not-editable")}</p> })}
            <ActionForm action=action>
                <FormAlert error=form_error />
                <input type="hidden" name="id" value=id.get() />
                <OrganizationFields initial=initial field_error=field_error />
                <div class="form-actions">
                    <button type="submit" class="button button-primary" disabled=move || !editable || action.pending().get()>
                        {if modification { t("organizations-request-modification") } else { t("organizations-save") }}
                    </button>
                    <a class="button button-quiet" href=organization_page(id)>{t("users-cancel")}</a>
                </div>
            </ActionForm>
        </section>
    }
}
