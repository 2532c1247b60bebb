//! Settings > REST APIs (INT-1): access keys that act as one user of the account. A new key
//! is shown once, right after it is made; the list shows only its public id.

use leptos::prelude::*;

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
    view! { <Portal title="REST APIs" needs=Permission::ManageSettings refusal="Your role does not allow you to manage API access keys." page=|_| view! { <Keys /> } /> }
}

#[component]
fn Keys() -> impl IntoView {
    let create = ServerAction::<ApiKeyCreate>::new();
    let revoke = ServerAction::<ApiKeyRevoke>::new();
    let reload = Signal::derive(move || create.version().get() + revoke.version().get());
    view! {
        <NoticePage flag="revoked" notice="The key was revoked: requests with it are refused from now on."
            load=api_keys reload=reload
            intro=move || view! {
                <p class="lead">
                    "An access key lets a program use the "
                    <a href="/api/v1/docs">"REST API"</a>
                    " as one user of this account: it gets that user's permissions and IP restrictions, and what it does is recorded under that user."
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
        "curl -H 'Authorization: Bearer {}' {}/api/v1/orders",
        created.key, "https://<this portal>"
    );
    view! {
        <section class="card" aria-labelledby="new-key-heading" data-testid="new-api-key">
            <h2 id="new-key-heading">"Your new access key"</h2>
            <div class="alert alert-warning" role="status">
                "Copy it now: it is shown only this once. Rootline keeps only a digest of it."
            </div>
            <div class="field">
                <label for="new-api-key">"Access key"</label>
                <input id="new-api-key" readonly value=created.key class="mono" />
            </div>
            <p>"Use it like this:"</p>
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
            view! { <p class="empty">"No access keys yet."</p> }.into_any()
        } else {
            view! {
                <Table label="Access keys" columns=&["Key ID", "Acts as", "Description", "Created", "Last used", "State", "Actions"]>
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
        Some(at) => format!("Revoked {at}"),
        None => "Active".to_owned(),
    };
    let active = key.revoked_at.is_none();
    view! {
        <tr>
            <td><code>{key.key_id}</code></td>
            <td>{key.user_email}</td>
            <td>{key.description}</td>
            <td>{key.created_at}</td>
            <td>{key.last_used_at.unwrap_or_else(|| "Never".to_owned())}</td>
            <td>{state}</td>
            <td class="row-actions">
                {active.then(|| view! {
                    <ActionForm action=revoke>
                        <input type="hidden" name="id" value=id.clone() />
                        <label class="inline-check" for=confirm_id.clone()>
                            // No name: the box only makes the browser ask before revoking.
                            <input type="checkbox" id=confirm_id.clone() required />
                            " Yes, revoke"
                        </label>
                        <button type="submit" class="button button-quiet">"Revoke"</button>
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
        <FormCard heading_id="create-key-heading" heading="Create an access key">
            <SubmitForm action=create alert=form_level(error) submit="Create key">
                <div class="field" class:field-invalid=move || user_error.get().is_some()>
                    <label for="field-user_id">"Acts as"</label>
                    <select id="field-user_id" name="user_id" required>
                        {page.users.into_iter().map(|u| view! { <option value=u.id.to_string()>{u.label}</option> }).collect_view()}
                    </select>
                    <p class="field-error" role="alert">{move || user_error.get()}</p>
                </div>
                <Field label="Description" name="description" hint="What uses the key, e.g. \"Deploy pipeline\"." server_error=field("description") />
            </SubmitForm>
        </FormCard>
    }
}
