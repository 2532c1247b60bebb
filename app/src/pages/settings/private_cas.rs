//! The account's private CAs: a root made with the first, and issuing CAs for private products.

use leptos::prelude::*;

use crate::i18n::t;
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
    view! { <Portal title="page-private-cas" needs=Permission::ManageCas refusal="refusal-private-cas" page=|_| view! { <PrivateCas /> } /> }
}

#[component]
fn PrivateCas() -> impl IntoView {
    let action = ServerAction::<PrivateCaCreate>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <NoticePage flag="created" notice=t("private-cas-created") load=private_cas let:data>
            {match data {
                cas if cas.is_empty() => view! {
                    <p>{t("private-cas-none")}</p>
                }
                .into_any(),
                cas => view! {
                    <div class="table-wrap" tabindex="0">
                        <table class="table" aria-label=t("private-cas-table")>
                            <thead><tr><th>{t("private-cas-name-col")}</th><th>{t("private-cas-subject")}</th><th>{t("private-cas-role")}</th><th>{t("private-cas-valid-until")}</th></tr></thead>
                            <tbody>
                                {cas.into_iter().map(|ca| view! {
                                    <tr>
                                        <td>{ca.name}</td>
                                        <td>{ca.subject}</td>
                                        <td>{if ca.is_root { t("private-cas-root") } else { t("private-cas-issuing") }}</td>
                                        <td>{ca.not_after.text(crate::i18n::use_lang())}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any(),
            }}
        </NoticePage>
        <FormCard heading_id="create-ca-heading" heading=t("private-cas-create-heading")>
            <SubmitForm action=action alert=error submit=t("private-cas-create-submit")>
                <Field label=t("private-cas-name") name="name" id="private-ca-name"
                    hint=t("private-cas-name-hint")
                    server_error=field_error(error, "name") />
            </SubmitForm>
        </FormCard>
    }
    .into_any()
}
