//! The account's private CAs: a root made with the first, and issuing CAs for private products.

use leptos::prelude::*;

use crate::{
    api::catalog::{PrivateCaCreate, private_cas},
    components::{
        field::Field,
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
        portal::Portal,
        query_flag,
    },
    model::Permission,
};

#[component]
pub fn PrivateCasPage() -> impl IntoView {
    view! { <Portal title="Private CAs" needs=Permission::ManageCas refusal="Your role does not allow you to manage private CAs." page=|_| view! { <PrivateCas /> } /> }
}

#[component]
fn PrivateCas() -> impl IntoView {
    let created = query_flag("created");
    let list = Resource::new_blocking(created, |_| private_cas());
    let action = ServerAction::<PrivateCaCreate>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        {move || created().then(|| view! { <Notice>"The private CA was created."</Notice> })}
        <Loaded resource=list let:data>
            {match data {
                cas if cas.is_empty() => view! {
                    <p>"Your account has no private CA yet. The first one also makes your account's private root CA."</p>
                }
                .into_any(),
                cas => view! {
                    <div class="table-wrap">
                        <table class="table" aria-label="Private CAs">
                            <thead><tr><th>"Name"</th><th>"Subject"</th><th>"Role"</th><th>"Valid until"</th></tr></thead>
                            <tbody>
                                {cas.into_iter().map(|ca| view! {
                                    <tr>
                                        <td>{ca.name}</td>
                                        <td>{ca.subject}</td>
                                        <td>{if ca.is_root { "Root (signs the issuing CAs)" } else { "Issuing CA" }}</td>
                                        <td>{ca.not_after}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any(),
            }}
        </Loaded>
        <section class="card form-card" aria-labelledby="create-ca-heading">
            <h2 id="create-ca-heading">"Create a private CA"</h2>
            <ActionForm action=action>
                <FormAlert error=error />
                <Field label="CA name" name="name" id="private-ca-name"
                    hint="Letters, digits, spaces and dashes, e.g. Intranet."
                    server_error=Signal::derive(move || error.get().and_then(|e| e.field("name"))) />
                <div class="form-actions">
                    <button type="submit" class="button button-primary">"Create CA"</button>
                </div>
            </ActionForm>
        </section>
    }
    .into_any()
}
