use leptos::prelude::*;

use crate::i18n::t;
use crate::{
    api::organizations::OrganizationAdd,
    components::{
        form_alert::FormAlert,
        organization_fields::{OrganizationFields, refilled},
        portal::Portal,
    },
    error::AppError,
    model::{
        Permission,
        organization_form::OrganizationForm,
        organizations::{ORGANIZATIONS_NEW_PATH, ORGANIZATIONS_PATH},
    },
};

#[component]
pub fn OrganizationNewPage() -> impl IntoView {
    view! { <Portal title="page-add-organization" needs=Permission::ManageOrganizations refusal="refusal-manage-organizations" page=|_| view! { <OrganizationNew /> } /> }
}

#[component]
fn OrganizationNew() -> impl IntoView {
    let action = ServerAction::<OrganizationAdd>::new();
    // What a refused plain post kept (without script the page renders afresh).
    let initial = refilled(
        &crate::api::refill::take(ORGANIZATIONS_NEW_PATH),
        OrganizationForm::default(),
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
    view! {
        <section class="card form-card" aria-labelledby="add-organization-heading">
            <h2 id="add-organization-heading">{t("page-add-organization")}</h2>
            <p class="lead">{t("organizations-new-lead")}</p>
            <ActionForm action=action>
                <FormAlert error=form_error />
                <OrganizationFields initial=initial field_error=field_error />
                <div class="form-actions">
                    <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                        {t("organizations-save-draft")}
                    </button>
                    <a class="button button-quiet" href=ORGANIZATIONS_PATH>{t("users-cancel")}</a>
                </div>
            </ActionForm>
        </section>
    }
}
