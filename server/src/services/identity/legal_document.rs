//! Anyone reads the version in force of the terms of service or the subscriber agreement.

use app::model::legal::{LegalDocumentKind, LegalDocumentView};

use super::{IdentityError, IdentityService};
use crate::store::legal::{self, LegalDocument};

impl IdentityService {
    /// The version in force of `kind`; none only if no version was ever published.
    pub async fn legal_document(
        &self,
        kind: LegalDocumentKind,
    ) -> Result<Option<LegalDocumentView>, IdentityError> {
        Ok(legal::current(&self.store, kind).await?.map(|d| view(&d)))
    }
}

/// A stored version as pages show it.
pub fn view(document: &LegalDocument) -> LegalDocumentView {
    LegalDocumentView {
        kind: document.kind,
        version: document.version,
        title: document.title.clone(),
        body: document.body.clone(),
        published: app::model::Day::from(document.published_at),
    }
}

#[cfg(test)]
mod tests {
    use app::model::legal::LegalDocumentKind;

    use crate::services::identity::test_support::harness;

    #[tokio::test]
    async fn a_fresh_database_has_version_one_of_both_documents() {
        let h = harness().await;
        for kind in LegalDocumentKind::ALL {
            let document = h.service.legal_document(kind).await.unwrap().unwrap();
            assert_eq!(document.version, 1);
            assert_eq!(document.kind, kind);
            assert!(!document.paragraphs().is_empty());
        }
    }
}
