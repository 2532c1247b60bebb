//! The operator publishes the terms of service and the subscriber agreement. A new version
//! applies to sign-ups from then on; the versions users accepted stay as they were.

use app::i18n::Msg;
use app::model::legal::{LegalDocumentKind, LegalDocumentsPage, PublishLegalForm};

use super::{AccessError, AccessService};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::{Caller, legal_document_view},
    },
    store::{StoreError, legal},
};

impl AccessService {
    /// The version in force of every document, for the operator's page.
    pub async fn legal_documents(
        &self,
        operator: &Caller,
    ) -> Result<LegalDocumentsPage, AccessError> {
        operator.require_operator()?;
        let mut documents = Vec::new();
        for kind in LegalDocumentKind::ALL {
            if let Some(document) = legal::current(&self.store, kind).await? {
                documents.push(legal_document_view(&document));
            }
        }
        Ok(LegalDocumentsPage { documents })
    }

    /// Publishes the next version of a document; returns its number.
    pub async fn publish_legal_document(
        &self,
        operator: &Caller,
        form: &PublishLegalForm,
        ip: Option<String>,
    ) -> Result<i32, AccessError> {
        operator.require_operator()?;
        let valid = form.validate().map_err(AccessError::Invalid)?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let published = legal::publish(
            &tx,
            valid.kind,
            &valid.title,
            &valid.body,
            operator.user.id.into(),
            now,
        )
        .await
        .map_err(|e| match e {
            StoreError::Duplicate => {
                AccessError::Refused(Msg::new("err-another-operator-published-version-same"))
            }
            e => e.into(),
        })?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(operator.account.id),
                user_id: Some(operator.user.id),
                ip,
                module: "operator",
                action: "publish_legal_document",
                summary: format!(
                    "Published version {} of the {}",
                    published.version,
                    valid.kind.label().to_lowercase()
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(published.version)
    }
}

#[cfg(test)]
mod tests {
    use app::model::legal::{LegalDocumentKind, PublishLegalForm};

    use crate::services::{
        access::{AccessError, AccessService},
        identity::{
            Caller,
            test_support::{Harness, harness},
        },
    };

    fn agreement(body: &str) -> PublishLegalForm {
        PublishLegalForm {
            kind: "subscriber_agreement".into(),
            title: "Subscriber agreement".into(),
            body: body.into(),
        }
    }

    async fn operator(h: &Harness) -> Caller {
        let token = h.signed_in_operator().await;
        h.service.caller(&token).await.unwrap().unwrap()
    }

    async fn agreement_version(h: &Harness) -> i32 {
        h.service
            .legal_document(LegalDocumentKind::SubscriberAgreement)
            .await
            .unwrap()
            .unwrap()
            .version
    }

    #[tokio::test]
    async fn an_operator_publishes_the_next_version_and_everyone_reads_it() {
        let h = harness().await;
        let access = AccessService::for_harness(&h);
        let operator = operator(&h).await;
        let version = access
            .publish_legal_document(&operator, &agreement("Keep your key safe."), None)
            .await
            .unwrap();
        assert_eq!(version, 2);
        let read = h
            .service
            .legal_document(LegalDocumentKind::SubscriberAgreement)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (read.version, read.body.as_str()),
            (2, "Keep your key safe.")
        );
        let page = access.legal_documents(&operator).await.unwrap();
        assert_eq!(
            page.documents
                .iter()
                .map(|d| (d.kind, d.version))
                .collect::<Vec<_>>(),
            [
                (LegalDocumentKind::Terms, 1),
                (LegalDocumentKind::SubscriberAgreement, 2)
            ],
            "the other document is untouched"
        );
    }

    #[tokio::test]
    async fn a_customer_administrator_can_neither_publish_nor_list_the_documents() {
        let h = harness().await;
        let access = AccessService::for_harness(&h);
        let token = h.signed_in("asha@example.com").await;
        let admin = h.service.caller(&token).await.unwrap().unwrap();
        let refused = access
            .publish_legal_document(&admin, &agreement("Mine now."), None)
            .await
            .unwrap_err();
        assert!(matches!(refused, AccessError::OperatorOnly), "{refused:?}");
        assert!(matches!(
            access.legal_documents(&admin).await,
            Err(AccessError::OperatorOnly)
        ));
        assert_eq!(agreement_version(&h).await, 1);
    }

    #[tokio::test]
    async fn an_empty_text_is_refused_and_publishes_nothing() {
        let h = harness().await;
        let access = AccessService::for_harness(&h);
        let operator = operator(&h).await;
        let refused = access
            .publish_legal_document(&operator, &agreement("   "), None)
            .await
            .unwrap_err();
        let AccessError::Invalid(errors) = refused else {
            panic!("{refused:?}")
        };
        assert!(errors.get("body").is_some());
        assert_eq!(agreement_version(&h).await, 1);
    }
}
