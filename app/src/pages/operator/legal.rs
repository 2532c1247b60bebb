//! The operator's legal documents: the terms of service and the subscriber agreement in
//! force, and the form that publishes the next version of either.

use leptos::prelude::*;

use crate::i18n::t;
use crate::{
    api::operator::{PublishLegalDocument, operator_legal_documents},
    components::{
        field::{Field, TextArea},
        form_card::{FormCard, SubmitForm, field_error, form_level},
        loaded::NoticePage,
        portal::Portal,
    },
    model::legal::{LegalDocumentKind, LegalDocumentView},
    pages::legal::LegalText,
};

#[component]
pub fn OperatorLegalPage() -> impl IntoView {
    view! { <Portal title="page-legal-documents" operator=true refusal="refusal-operator-legal" page=|_| view! { <Documents /> } /> }
}

#[component]
fn Documents() -> impl IntoView {
    let intro = || {
        view! {
            <p class="lead">
                {t("legal-admin-intro")}
            </p>
        }
    };
    view! {
        <NoticePage flag="published" notice=t("legal-admin-published") load=operator_legal_documents intro=intro let:page>
            {page.documents.into_iter().map(|d| view! { <InForce document=d /> }).collect_view()}
            <Publish />
        </NoticePage>
    }
    .into_any()
}

/// One document in force, its text behind a disclosure.
#[component]
fn InForce(document: LegalDocumentView) -> impl IntoView {
    let kind = document.kind;
    let heading_id = format!("legal-{}", kind.as_str());
    let labelled_by = heading_id.clone();
    view! {
        <section class="card" aria-labelledby=labelled_by>
            <h2 id=heading_id>{kind.label()}</h2>
            <dl class="details">
                <dt>{t("legal-admin-version")}</dt>
                <dd>{document.version}</dd>
                <dt>{t("legal-admin-published-on")}</dt>
                <dd>{document.published.text(crate::i18n::use_lang())}</dd>
                <dt>{t("legal-admin-address")}</dt>
                <dd><a href=kind.path()>{kind.path()}</a></dd>
            </dl>
            <details class="action">
                <summary>{t("legal-admin-read")}</summary>
                <div class="legal-document">
                    <LegalText document=document />
                </div>
            </details>
        </section>
    }
}

/// The form for the next version of either document.
#[component]
fn Publish() -> impl IntoView {
    let action = ServerAction::<PublishLegalDocument>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let body_error = field_error(error, "body");
    let kind_error = field_error(error, "kind");
    view! {
        <FormCard heading_id="publish-legal" heading=t("legal-admin-publish-heading")>
            <p class="field-hint">
                {t("legal-admin-publish-hint")}
            </p>
            <SubmitForm action=action alert=form_level(error) submit=t("legal-admin-publish")>
                <div class="field" class:field-invalid=move || kind_error.get().is_some()>
                    <label for="field-kind">{t("legal-admin-document")}</label>
                    <select id="field-kind" name="kind" aria-describedby="field-kind-error">
                        {LegalDocumentKind::ALL
                            .into_iter()
                            .map(|k| view! { <option value=k.as_str()>{k.label()}</option> })
                            .collect_view()}
                    </select>
                    <p class="field-error" id="field-kind-error" role="alert">{move || kind_error.get()}</p>
                </div>
                <Field label=t("legal-admin-title") name="title" id="field-title" server_error=field_error(error, "title") />
                <TextArea label=t("legal-admin-text") id="field-body" name="body" rows=12 />
                <p class="field-error" id="field-body-error" role="alert">{move || body_error.get()}</p>
            </SubmitForm>
        </FormCard>
    }
}
