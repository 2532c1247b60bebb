//! The documents a user accepts at sign-up: the terms of service and the subscriber agreement.
//! The operator publishes new versions; each acceptance names the version the user read.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

use super::FieldErrors;

/// Which document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LegalDocumentKind {
    Terms,
    SubscriberAgreement,
}

impl LegalDocumentKind {
    pub const ALL: [LegalDocumentKind; 2] = [Self::Terms, Self::SubscriberAgreement];

    /// The name stored in the database and posted by forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Terms => "terms",
            Self::SubscriberAgreement => "subscriber_agreement",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// Where anyone reads the version in force.
    pub fn path(self) -> &'static str {
        match self {
            Self::Terms => "/terms",
            Self::SubscriberAgreement => "/subscriber-agreement",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Terms => "Terms of service",
            Self::SubscriberAgreement => "Subscriber agreement",
        }
    }

    /// The catalogue key of the document's name as it reads inside a sentence.
    pub fn noun_key(self) -> &'static str {
        match self {
            Self::Terms => "err-doc-terms",
            Self::SubscriberAgreement => "err-doc-subscriber-agreement",
        }
    }
}

/// One published version of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalDocumentView {
    pub kind: LegalDocumentKind,
    pub version: i32,
    pub title: String,
    /// Plain text; a blank line separates paragraphs. Never rendered as HTML.
    pub body: String,
    /// UTC date of publication.
    pub published: super::Day,
}

impl LegalDocumentView {
    /// The body's paragraphs, for rendering each as text.
    pub fn paragraphs(&self) -> Vec<String> {
        self.body
            .replace("\r\n", "\n")
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

/// The operator's page: the version in force of every document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalDocumentsPage {
    pub documents: Vec<LegalDocumentView>,
}

/// A new version as the operator submits it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishLegalForm {
    pub kind: String,
    pub title: String,
    pub body: String,
}

/// A new version that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidLegalDocument {
    pub kind: LegalDocumentKind,
    pub title: String,
    pub body: String,
}

pub const TITLE_MAX: usize = 200;
pub const BODY_MAX: usize = 100_000;

impl PublishLegalForm {
    pub fn validate(&self) -> Result<ValidLegalDocument, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = LegalDocumentKind::parse(self.kind.trim());
        if kind.is_none() {
            errors.add(
                "kind",
                Msg::new("err-choose-terms-service-subscriber-agreement"),
            );
        }
        let title = self.title.trim();
        if title.is_empty() {
            errors.add("title", Msg::new("err-give-document-title"));
        } else if title.chars().count() > TITLE_MAX {
            errors.add(
                "title",
                Msg::new("err-keep-title-title-max-characters").arg("title_max", TITLE_MAX),
            );
        } else if title.chars().any(char::is_control) {
            errors.add("title", Msg::new("err-title-must-one-line-text"));
        }
        let body = self.body.trim();
        if body.is_empty() {
            errors.add("body", Msg::new("err-write-text-document"));
        } else if body.chars().count() > BODY_MAX {
            errors.add(
                "body",
                Msg::new("err-keep-text-body-max-characters").arg("body_max", BODY_MAX),
            );
        }
        match kind {
            Some(kind) if errors.is_empty() => Ok(ValidLegalDocument {
                kind,
                title: title.to_owned(),
                body: body.to_owned(),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(kind: &str, title: &str, body: &str) -> PublishLegalForm {
        PublishLegalForm {
            kind: kind.into(),
            title: title.into(),
            body: body.into(),
        }
    }

    #[test]
    fn a_new_version_needs_a_known_kind_a_one_line_title_and_a_body() {
        assert!(form("terms", "Terms", "Be nice.").validate().is_ok());
        let errors = form("privacy", "", "  ").validate().unwrap_err();
        for field in ["kind", "title", "body"] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
        let errors = form("terms", "Two\nlines", "x").validate().unwrap_err();
        assert!(errors.get("title").is_some());
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_empty_ones_are_dropped() {
        let doc = LegalDocumentView {
            kind: LegalDocumentKind::Terms,
            version: 1,
            title: "T".into(),
            body: "One\r\nstill one\r\n\r\n\r\n\r\nTwo\n\n  \n\nThree".into(),
            published: crate::model::Day::new(2026, 12, 5).unwrap(),
        };
        assert_eq!(doc.paragraphs(), ["One\nstill one", "Two", "Three"]);
    }

    #[test]
    fn every_kind_reads_back_from_its_name() {
        for kind in LegalDocumentKind::ALL {
            assert_eq!(LegalDocumentKind::parse(kind.as_str()), Some(kind));
        }
    }
}
