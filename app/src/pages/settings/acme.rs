//! Settings > ACME APIs (INT-2): External Account Binding credentials that let an ACME client
//! (certbot, lego, …) order for a user, a group and a product of the account. The HMAC key is
//! shown once, right after it is made.

use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::{
    api::acme::{AcmeCredentialCreate, AcmeCredentialRevoke, acme_credentials},
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
        acme::{AcmeCredentialCreated, AcmeCredentialView, AcmeCredentialsPage, Choice},
    },
};

#[component]
pub fn AcmeCredentialsSettingsPage() -> impl IntoView {
    view! { <Portal title="page-acme-apis" needs=Permission::ManageSettings refusal="refusal-acme" page=|_| view! { <Credentials /> } /> }
}

#[component]
fn Credentials() -> impl IntoView {
    let revoked = crate::components::query_flag("revoked")();
    view! { <CredentialsLive revoked=revoked /> }
}

/// The list and the form as the browser keeps them: a new secret is shown once, in the page
/// that made it, and the list reloads under it. An island.
#[island(lazy)]
fn CredentialsLive(revoked: bool) -> impl IntoView {
    let create = ServerAction::<AcmeCredentialCreate>::new();
    let revoke = ServerAction::<AcmeCredentialRevoke>::new();
    let reload = Signal::derive(move || create.version().get() + revoke.version().get());
    view! {
        <NoticePage flag="revoked" flagged=revoked notice=t("acme-revoked") load=acme_credentials reload=reload
            intro=move || view! {
                <p class="lead">{t("acme-lead")}</p>
                {move || create.value().get().and_then(Result::ok).map(|c| view! { <Created created=c /> })}
            }
            let:p>
            <p>{t("acme-directory-url")}" " <code data-testid="acme-directory">{p.directory_url.clone()}</code></p>
            <CredentialList credentials=p.credentials.clone() revoke=revoke />
            <CreateCredential page=p create=create />
        </NoticePage>
    }
    .into_any()
}

/// The new credential with the command lines that use it; gone on the next page load.
#[component]
fn Created(created: AcmeCredentialCreated) -> impl IntoView {
    let lego = created.lego_command();
    let certbot = created.certbot_command();
    view! {
        <section class="card" aria-labelledby="created-heading" data-testid="acme-created">
            <h2 id="created-heading">{t("acme-created-heading")}</h2>
            <div class="alert alert-info" role="status">
                {t("acme-copy-now")}
            </div>
            <p>{t("acme-key-id-label")}" " <code class="secret" data-testid="acme-key-id">{created.key_id.clone()}</code></p>
            <p>{t("acme-hmac-key-label")}" " <code class="secret" data-testid="acme-hmac-key">{created.hmac_key.clone()}</code></p>
            <p>{t("acme-directory-url")}" " <code>{created.directory_url.clone()}</code></p>
            <h3>"lego"</h3>
            <pre class="command"><code data-testid="acme-lego">{lego}</code></pre>
            <h3>"certbot"</h3>
            <pre class="command"><code data-testid="acme-certbot">{certbot}</code></pre>
            <p class="field-hint">{t("acme-replace-hint")}</p>
        </section>
    }
}

#[component]
fn CredentialList(
    credentials: Vec<AcmeCredentialView>,
    revoke: ServerAction<AcmeCredentialRevoke>,
) -> impl IntoView {
    let error = Signal::derive(move || revoke.value().get().and_then(Result::err));
    view! {
        <FormAlert error=error />
        {if credentials.is_empty() {
            view! { <p class="empty">{t("acme-none")}</p> }.into_any()
        } else {
            view! {
                <Table label=t("acme-table") columns=vec![t("acme-key-id"), t("acme-user"), t("acme-group"), t("acme-product"), t("acme-tags"), t("acme-created"), t("acme-bound"), t("acme-revoked-col"), t("acme-actions")]>
                    {credentials.into_iter().map(|c| view! { <CredentialRow credential=c revoke=revoke /> }).collect_view()}
                </Table>
            }
            .into_any()
        }}
    }
}

#[component]
fn CredentialRow(
    credential: AcmeCredentialView,
    revoke: ServerAction<AcmeCredentialRevoke>,
) -> impl IntoView {
    // Revoking stops every ACME account bound with the key, so it takes a second click.
    let confirming = RwSignal::new(false);
    let id = credential.id.to_string();
    let key_id = credential.key_id.clone();
    let active = credential.revoked.is_none();
    view! {
        <tr>
            <td><code>{credential.key_id}</code></td>
            <td>{credential.user}</td>
            <td>{credential.group}</td>
            <td>{credential.product}{(!credential.organization.is_empty()).then(|| view! { <br /><span class="muted">{credential.organization}</span> })}</td>
            <td>{credential.tags}</td>
            <td>{credential.created.text(crate::i18n::use_lang())}</td>
            <td>{credential.bound.map_or_else(|| t("acme-not-yet"), |at| at.text(crate::i18n::use_lang()))}</td>
            <td>{credential.revoked.map_or_else(|| "—".into(), |at| at.text(crate::i18n::use_lang()))}</td>
            <td class="row-actions">
                {move || {
                    let (id, key_id) = (id.clone(), key_id.clone());
                    match (active, confirming.get()) {
                    (false, _) => ().into_any(),
                    (true, false) => view! {
                        <button type="button" class="button button-quiet" on:click=move |_| confirming.set(true)>
                            {t("acme-revoke")}
                        </button>
                    }
                    .into_any(),
                    (true, true) => view! {
                        <ActionForm action=revoke>
                            <input type="hidden" name="id" value=id />
                            <p>{t_args("acme-revoke-confirm", &[("key", key_id.into())])}</p>
                            <button type="submit" class="button button-danger">{t("acme-yes-revoke")}</button>
                            <button type="button" class="button button-quiet" on:click=move |_| confirming.set(false)>
                                {t("users-cancel")}
                            </button>
                        </ActionForm>
                    }
                    .into_any(),
                }}}
            </td>
        </tr>
    }
}

fn options(choices: Vec<Choice>) -> impl IntoView {
    choices
        .into_iter()
        .map(|c| view! { <option value=c.value>{c.label}</option> })
        .collect_view()
}

#[component]
fn CreateCredential(
    page: AcmeCredentialsPage,
    create: ServerAction<AcmeCredentialCreate>,
) -> impl IntoView {
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    let field = move |name: &'static str| error.get().and_then(|e| e.field(name));
    let users = page
        .users
        .into_iter()
        .map(|u| Choice {
            value: u.clone(),
            label: u,
        })
        .collect::<Vec<_>>();
    view! {
        <FormCard heading_id="create-heading" heading=t("acme-create-heading")>
            <SubmitForm action=create alert=form_level(error) submit=t("acme-create-submit")>
                <div class="field" class:field-invalid=move || field("user").is_some()>
                    <label for="acme-user">{t("acme-user")}</label>
                    <select id="acme-user" name="user" aria-describedby="acme-user-error">{options(users)}</select>
                    <p class="field-error" id="acme-user-error" role="alert">{move || field("user")}</p>
                </div>
                <div class="field" class:field-invalid=move || field("group").is_some()>
                    <label for="acme-group">{t("acme-group")}</label>
                    <select id="acme-group" name="group" aria-describedby="acme-group-error">{options(page.groups)}</select>
                    <p class="field-error" id="acme-group-error" role="alert">{move || field("group")}</p>
                </div>
                <div class="field" class:field-invalid=move || field("product").is_some()>
                    <label for="acme-product">{t("acme-product")}</label>
                    <select id="acme-product" name="product" aria-describedby="acme-product-error">{options(page.products)}</select>
                    <p class="field-error" id="acme-product-error" role="alert">{move || field("product")}</p>
                </div>
                <div class="field" class:field-invalid=move || field("organization").is_some()>
                    <label for="acme-organization">{t("acme-organization")}</label>
                    <select id="acme-organization" name="organization" aria-describedby="acme-organization-hint acme-organization-error">
                        <option value="">{t("acme-organization-none")}</option>
                        {options(page.organizations)}
                    </select>
                    <p class="field-hint" id="acme-organization-hint">{t("acme-organization-hint")}</p>
                    <p class="field-error" id="acme-organization-error" role="alert">{move || field("organization")}</p>
                </div>
                <Field label=t("acme-tags") name="tags" required=false hint=t("acme-tags-hint")
                    server_error=field_error(error, "tags") />
            </SubmitForm>
        </FormCard>
    }
}
