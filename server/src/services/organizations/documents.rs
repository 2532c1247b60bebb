//! Registration documents: PDF, PNG or JPEG as their bytes say (the name and the type the
//! browser claims are not trusted), size-limited, kept apart from the organization's row, and
//! served only to the account's users (and, later, the vetting desk).

use app::i18n::Msg;
use app::model::{
    FieldErrors, OrganizationDocumentId, OrganizationId, Permission,
    organizations::{DOCUMENT_MAX_BYTES, DOCUMENTS_MAX, DocumentType, OrganizationStatus},
};
use sha2::{Digest, Sha256};

use super::{OrganizationError, OrganizationService, account, user};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::organizations::{self, NewDocument},
};

/// A file as posted.
#[derive(Debug, Clone, Default)]
pub struct Upload {
    /// The name the browser sent (any path in it is dropped).
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// A document to send to the browser.
#[derive(Debug, Clone)]
pub struct DocumentFile {
    pub file_name: String,
    pub content_type: DocumentType,
    pub bytes: Vec<u8>,
}

/// The longest file name kept.
const FILE_NAME_MAX: usize = 200;

fn refused(message: Msg) -> OrganizationError {
    OrganizationError::Invalid(FieldErrors::single("document", message))
}

/// The type the bytes have, when it is one a registration document may be.
fn document_type(bytes: &[u8]) -> Option<DocumentType> {
    infer::get(bytes).and_then(|kind| DocumentType::from_mime(kind.mime_type()))
}

/// The file's own name (no folders), without control or direction characters, at most
/// [`FILE_NAME_MAX`] characters; a name made from the type when nothing is left.
fn clean_file_name(raw: &str, kind: DocumentType) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let name: String = base
        .chars()
        .filter(|c| !c.is_control() && !app::model::text::is_hidden(*c))
        .take(FILE_NAME_MAX)
        .collect();
    let name = name.trim();
    if name.is_empty() || name.chars().all(|c| c == '.') {
        format!("document.{}", kind.label().to_lowercase())
    } else {
        name.to_owned()
    }
}

impl OrganizationService {
    /// Keeps a document. The same file again (a retried post) answers with the one kept.
    pub async fn add_document(
        &self,
        caller: &Caller,
        id: OrganizationId,
        upload: Upload,
        ip: Option<String>,
    ) -> Result<OrganizationDocumentId, OrganizationError> {
        caller.require(Permission::ManageOrganizations)?;
        let org = self.owned(caller, id).await?;
        if matches!(
            *org.status,
            OrganizationStatus::VerifiedOv
                | OrganizationStatus::VerifiedEv
                | OrganizationStatus::Suspended
        ) {
            return Err(OrganizationError::Refused(
                Msg::new("err-organization-documents-closed")
                    .arg("status", Msg::new(org.status.label_key())),
            ));
        }
        if upload.bytes.is_empty() {
            return Err(refused(Msg::new("err-document-choose-file")));
        }
        if upload.bytes.len() > DOCUMENT_MAX_BYTES {
            return Err(refused(
                Msg::new("err-document-too-large").arg("mib", DOCUMENT_MAX_BYTES / (1024 * 1024)),
            ));
        }
        let Some(kind) = document_type(&upload.bytes) else {
            return Err(refused(Msg::new("err-document-type")));
        };
        let sha256 = hex::encode(Sha256::digest(&upload.bytes));
        let existing = organizations::documents(&self.store, account(caller), id).await?;
        if let Some(same) = existing.iter().find(|d| d.sha256 == sha256) {
            return Ok(OrganizationDocumentId(same.id));
        }
        if existing.len() >= DOCUMENTS_MAX {
            return Err(refused(
                Msg::new("err-documents-max").arg("max", DOCUMENTS_MAX),
            ));
        }
        let file_name = clean_file_name(&upload.file_name, kind);
        let size = upload.bytes.len();
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let row = organizations::add_document(
            &tx,
            account(caller),
            id,
            NewDocument {
                file_name: &file_name,
                content_type: kind,
                sha256: &sha256,
                bytes: upload.bytes,
                by: user(caller),
            },
            now,
        )
        .await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "organizations",
                action: "organization_document_added",
                summary: format!(
                    "Document {file_name} ({}, {size} bytes, SHA-256 {sha256}) added to organization {} (#{id})",
                    kind.label(),
                    org.legal_name
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(OrganizationDocumentId(row.id))
    }

    /// A document to view or download.
    pub async fn document(
        &self,
        caller: &Caller,
        id: OrganizationId,
        document: OrganizationDocumentId,
    ) -> Result<DocumentFile, OrganizationError> {
        caller.require(Permission::RequestCertificates)?;
        let (row, bytes) = organizations::document(&self.store, account(caller), id, document)
            .await?
            .ok_or(OrganizationError::NotFound)?;
        Ok(DocumentFile {
            file_name: row.file_name,
            content_type: *row.content_type,
            bytes,
        })
    }

    /// Removes a document while the organization is still the customer's to change.
    pub async fn remove_document(
        &self,
        caller: &Caller,
        id: OrganizationId,
        document: OrganizationDocumentId,
        ip: Option<String>,
    ) -> Result<(), OrganizationError> {
        caller.require(Permission::ManageOrganizations)?;
        let org = self.owned(caller, id).await?;
        if !org.status.customer_may_edit() {
            return Err(OrganizationError::Refused(
                Msg::new("err-organization-documents-kept")
                    .arg("status", Msg::new(org.status.label_key())),
            ));
        }
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        if !organizations::remove_document(&tx, account(caller), id, document).await? {
            return Err(OrganizationError::NotFound);
        }
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "organizations",
                action: "organization_document_removed",
                summary: format!(
                    "Document #{document} removed from organization {} (#{id})",
                    org.legal_name
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_loses_its_folders_and_hidden_characters() {
        assert_eq!(
            clean_file_name("C:\\Users\\asha\\incorporation.pdf", DocumentType::Pdf),
            "incorporation.pdf"
        );
        assert_eq!(
            clean_file_name("../../etc/passwd\u{202e}fdp.png", DocumentType::Png),
            "passwdfdp.png"
        );
        assert_eq!(clean_file_name("..", DocumentType::Jpeg), "document.jpeg");
    }

    #[test]
    fn only_pdf_png_and_jpeg_bytes_are_documents_whatever_the_name() {
        assert_eq!(
            document_type(b"%PDF-1.7\n%\xe2\xe3"),
            Some(DocumentType::Pdf)
        );
        assert_eq!(
            document_type(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some(DocumentType::Png)
        );
        assert_eq!(
            document_type(b"\xff\xd8\xff\xe0\0\x10JFIF"),
            Some(DocumentType::Jpeg)
        );
        assert_eq!(document_type(b"GIF89a...."), None);
        assert_eq!(document_type(b"<html><script>alert(1)</script>"), None);
        assert_eq!(document_type(b"PK\x03\x04"), None);
    }
}
