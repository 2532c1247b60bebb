//! The operator's legal documents: the terms of service and the subscriber agreement in
//! force, and the form that publishes the next version of either.

use leptos::prelude::*;

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
    view! { <Portal title="Legal documents" operator=true refusal="Only operator users can publish the terms and the subscriber agreement." page=|_| view! { <Documents /> } /> }
}

#[component]
fn Documents() -> impl IntoView {
    let intro = || {
        view! {
            <p class="lead">
                "Every sign-up accepts the version in force of both documents, and Rootline records which versions each user accepted. A new version applies to sign-ups from the moment it is published; what users accepted before stays recorded as it was."
            </p>
        }
    };
    view! {
        <NoticePage flag="published" notice="The new version is published and in force." load=operator_legal_documents intro=intro let:page>
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
                <dt>"Version in force"</dt>
                <dd>{document.version}</dd>
                <dt>"Published"</dt>
                <dd>{document.published.clone()}</dd>
                <dt>"Public address"</dt>
                <dd><a href=kind.path()>{kind.path()}</a></dd>
            </dl>
            <details class="action">
                <summary>"Read the text"</summary>
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
        <FormCard heading_id="publish-legal" heading="Publish a new version">
            <p class="field-hint">
                "Write plain text; a blank line starts a new paragraph. The version number is the next one for the document you choose."
            </p>
            <SubmitForm action=action alert=form_level(error) submit="Publish">
                <div class="field" class:field-invalid=move || kind_error.get().is_some()>
                    <label for="field-kind">"Document"</label>
                    <select id="field-kind" name="kind" aria-describedby="field-kind-error">
                        {LegalDocumentKind::ALL
                            .into_iter()
                            .map(|k| view! { <option value=k.as_str()>{k.label()}</option> })
                            .collect_view()}
                    </select>
                    <p class="field-error" id="field-kind-error" role="alert">{move || kind_error.get()}</p>
                </div>
                <Field label="Title" name="title" id="field-title" server_error=field_error(error, "title") />
                <TextArea label="Text" id="field-body" name="body" rows=12 />
                <p class="field-error" id="field-body-error" role="alert">{move || body_error.get()}</p>
            </SubmitForm>
        </FormCard>
    }
}
