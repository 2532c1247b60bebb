//! Settings > REST APIs (INT-1): access keys that act as one user of the account. A new key
//! is shown once, right after it is made; the list shows only its public id.

use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::{
    api::access::{ApiKeyCreate, ApiKeyRevoke, api_keys},
    components::{
        field::Field,
        form_alert::FormAlert,
        form_card::{FormCard, SubmitForm, field_error, form_level},
        loaded::NoticePage,
        portal::Portal,
        table::Table,
    },
    model::{
        Permission,
        api_keys::{ApiKeyCreated, ApiKeyView, ApiKeysPage},
    },
};

#[component]
pub fn ApiKeysSettingsPage() -> impl IntoView {
    view! { <Portal title="page-rest-apis" needs=Permission::ManageSettings refusal="refusal-api-keys" page=|_| view! { <Keys /> } /> }
}

#[component]
fn Keys() -> impl IntoView {
    let revoked = crate::components::query_flag("revoked")();
    view! { <KeysLive revoked=revoked /> }
}

/// The list and the form as the browser keeps them: a new secret is shown once, in the page
/// that made it, and the list reloads under it. An island.
#[island(lazy)]
fn KeysLive(revoked: bool) -> impl IntoView {
    let create = ServerAction::<ApiKeyCreate>::new();
    let revoke = ServerAction::<ApiKeyRevoke>::new();
    let reload = Signal::derive(move || create.version().get() + revoke.version().get());
    view! {
        <NoticePage flag="revoked" flagged=revoked notice=t("api-keys-revoked")
            load=api_keys reload=reload
            intro=move || view! {
                <p class="lead">
                    {t("api-keys-lead-before")}" "
                    <a href="/api/v1/docs">{t("api-keys-rest-api")}</a>
                    " "{t("api-keys-lead-after")}
                </p>
                {move || create.value().get().and_then(Result::ok).map(|k| view! { <NewKey created=k /> })}
            }
            let:p>
            <KeyList page=p.clone() revoke=revoke /> <CreateKey page=p create=create />
        </NoticePage>
    }
    .into_any()
}

#[component]
fn NewKey(created: ApiKeyCreated) -> impl IntoView {
    let example = format!(
        "curl -H 'Authorization: Bearer {}' https://<{}>/api/v1/orders",
        created.key,
        t("api-keys-this-portal")
    );
    view! {
        <section class="card" aria-labelledby="new-key-heading" data-testid="new-api-key">
            <h2 id="new-key-heading">{t("api-keys-new-heading")}</h2>
            <div class="alert alert-warning" role="status">
                {t("api-keys-copy-now")}
            </div>
            <div class="field">
                <label for="new-api-key">{t("api-keys-access-key")}</label>
                <input id="new-api-key" readonly value=created.key class="mono" />
            </div>
            <p>{t("api-keys-use-it")}</p>
            <pre><code>{example}</code></pre>
        </section>
    }
}

#[component]
fn KeyList(page: ApiKeysPage, revoke: ServerAction<ApiKeyRevoke>) -> impl IntoView {
    let error = Signal::derive(move || revoke.value().get().and_then(Result::err));
    view! {
        <FormAlert error=error />
        {if page.keys.is_empty() {
            view! { <p class="empty">{t("api-keys-none")}</p> }.into_any()
        } else {
            view! {
                <Table label=t("api-keys-table") columns=vec![t("api-keys-key-id"), t("api-keys-acts-as"), t("api-keys-description"), t("api-keys-created"), t("api-keys-last-used"), t("api-keys-state"), t("api-keys-actions")]>
                    {page.keys.into_iter().map(|k| view! { <KeyRow key=k revoke=revoke /> }).collect_view()}
                </Table>
            }
            .into_any()
        }}
    }
}

#[component]
fn KeyRow(key: ApiKeyView, revoke: ServerAction<ApiKeyRevoke>) -> impl IntoView {
    let id = key.id.to_string();
    let confirm_id = format!("revoke-confirm-{}", key.id);
    let state = match &key.revoked_at {
        Some(at) => t_args(
            "api-keys-revoked-at",
            &[("at", at.text(crate::i18n::use_lang()).into())],
        ),
        None => t("api-keys-active"),
    };
    let active = key.revoked_at.is_none();
    view! {
        <tr>
            <td><code>{key.key_id}</code></td>
            <td>{key.user_email}</td>
            <td>{key.description}</td>
            <td>{key.created_at.text(crate::i18n::use_lang())}</td>
            <td>{key.last_used_at.map_or_else(|| t("api-keys-never"), |at| at.text(crate::i18n::use_lang()))}</td>
            <td>{state}</td>
            <td class="row-actions">
                {active.then(|| view! {
                    <ActionForm action=revoke>
                        <input type="hidden" name="id" value=id.clone() />
                        <label class="inline-check" for=confirm_id.clone()>
                            // No name: the box only makes the browser ask before revoking.
                            <input type="checkbox" id=confirm_id.clone() required />
                            " "{t("api-keys-yes-revoke")}
                        </label>
                        <button type="submit" class="button button-quiet">{t("api-keys-revoke")}</button>
                    </ActionForm>
                })}
            </td>
        </tr>
    }
}

#[component]
fn CreateKey(page: ApiKeysPage, create: ServerAction<ApiKeyCreate>) -> impl IntoView {
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    let field = move |name| field_error(error, name);
    let user_error = field("user_id");
    view! {
        <FormCard heading_id="create-key-heading" heading=t("api-keys-create-heading")>
            <SubmitForm action=create alert=form_level(error) submit=t("api-keys-create-submit")>
                <div class="field" class:field-invalid=move || user_error.get().is_some()>
                    <label for="field-user_id">{t("api-keys-acts-as")}</label>
                    <select id="field-user_id" name="user_id" required>
                        {page.users.into_iter().map(|u| view! { <option value=u.id.to_string()>{u.label}</option> }).collect_view()}
                    </select>
                    <p class="field-error" role="alert">{move || user_error.get()}</p>
                </div>
                <Field label=t("api-keys-description") name="description" hint=t("api-keys-description-hint") server_error=field("description") />
            </SubmitForm>
        </FormCard>
    }
}
