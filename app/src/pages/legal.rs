//! The terms of service and the subscriber agreement, as anyone reads them: the version in
//! force, its number and date. The text is plain, rendered paragraph by paragraph as text.

use leptos::prelude::*;

use crate::{
    api::auth::legal_document,
    components::loaded::Loaded,
    i18n::{t, t_args},
    model::legal::{LegalDocumentKind, LegalDocumentView},
};

#[component]
pub fn TermsPage() -> impl IntoView {
    view! { <LegalDocumentPage kind=LegalDocumentKind::Terms /> }
}

#[component]
pub fn SubscriberAgreementPage() -> impl IntoView {
    view! { <LegalDocumentPage kind=LegalDocumentKind::SubscriberAgreement /> }
}

#[component]
fn LegalDocumentPage(kind: LegalDocumentKind) -> impl IntoView {
    let document = Resource::new_blocking(
        move || kind,
        |kind| legal_document(kind.as_str().to_owned()),
    );
    // The tab's title in the page's language (the model's `label` is English).
    let title = match kind {
        LegalDocumentKind::Terms => t("page-terms"),
        LegalDocumentKind::SubscriberAgreement => t("page-subscriber-agreement"),
    };
    view! {
        <leptos_meta::Title text=format!("{title} · Rootline") />
        <div class="track-page">
            <a class="brand brand-large" href="/">
                <span class="brand-mark" aria-hidden="true"></span>
                "Rootline"
            </a>
            <main class="card track-card legal-document">
                <Loaded resource=document let:d>
                    <LegalText document=d />
                </Loaded>
            </main>
        </div>
    }
}

/// A document's heading, version line and paragraphs.
#[component]
pub fn LegalText(document: LegalDocumentView) -> impl IntoView {
    let paragraphs = document.paragraphs();
    view! {
        <h1>{document.title.clone()}</h1>
        <p class="field-hint" data-testid="legal-version">
            {t_args("legal-version", &[
                // As text: a number, not an amount to format or to pick a plural for.
                ("version", document.version.to_string().into()),
                ("date", document.published.text(crate::i18n::use_lang()).into()),
            ])}
        </p>
        {paragraphs.into_iter().map(|p| view! { <p class="legal-paragraph">{p}</p> }).collect_view()}
    }
}
