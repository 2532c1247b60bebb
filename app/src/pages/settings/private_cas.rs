//! The account's private CAs: a root made with the first, and issuing CAs for private products.

use leptos::prelude::*;

use crate::{
    api::catalog::{PrivateCaCreate, private_cas},
    components::{
        field::Field,
        form_card::{FormCard, SubmitForm, field_error},
        loaded::NoticePage,
        portal::Portal,
    },
    model::Permission,
};

#[component]
pub fn PrivateCasPage() -> impl IntoView {
    view! { <Portal title="Private CAs" needs=Permission::ManageCas refusal="Your role does not allow you to manage private CAs." page=|_| view! { <PrivateCas /> } /> }
}

#[component]
fn PrivateCas() -> impl IntoView {
    let action = ServerAction::<PrivateCaCreate>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <NoticePage flag="created" notice="The private CA was created." load=private_cas let:data>
            {match data {
                cas if cas.is_empty() => view! {
                    <p>"Your account has no private CA yet. The first one also makes your account's private root CA."</p>
                }
                .into_any(),
                cas => view! {
                    <div class="table-wrap" tabindex="0">
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
        </NoticePage>
        <FormCard heading_id="create-ca-heading" heading="Create a private CA">
            <SubmitForm action=action alert=error submit="Create CA">
                <Field label="CA name" name="name" id="private-ca-name"
                    hint="Letters, digits, spaces and dashes, e.g. Intranet."
                    server_error=field_error(error, "name") />
            </SubmitForm>
        </FormCard>
    }
    .into_any()
}
