use leptos::prelude::*;

use crate::i18n::t;
use crate::{
    api::access::{UserAdd, role_options},
    components::{form_alert::FormAlert, portal::Portal, user_fields::UserFields},
    error::AppError,
    model::{Permission, UserForm},
};

#[component]
pub fn UserNewPage() -> impl IntoView {
    view! { <Portal title="page-add-user" needs=Permission::ManageUsers refusal="refusal-users" page=|_| view! { <UserNew /> } /> }
}

#[component]
fn UserNew() -> impl IntoView {
    let action = ServerAction::<UserAdd>::new();
    let roles = Resource::new_blocking(|| (), |_| role_options());
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
        <section class="card form-card" aria-labelledby="add-user-heading">
            <h2 id="add-user-heading">{t("users-new")}</h2>
            <p class="lead">{t("users-new-lead")}</p>
            <ActionForm action=action>
                <FormAlert error=form_error />
                <Suspense fallback=|| view! { <p class="loading">{t("common-loading")}</p> }>
                    {move || Suspend::new(async move {
                        let roles = roles.await.unwrap_or_default();
                        view! { <UserFields initial=UserForm::default() roles=roles editing=false field_error=field_error /> }
                    })}
                </Suspense>
                <div class="form-actions">
                    <button type="submit" class="button button-primary" disabled=move || action.pending().get()>
                        {move || if action.pending().get() { t("users-adding") } else { t("page-add-user") }}
                    </button>
                    <a class="button button-quiet" href="/users">{t("users-cancel")}</a>
                </div>
            </ActionForm>
        </section>
    }
    .into_any()
}
