//! A registration document opened from the desk.

use app::model::{AccountId, OrganizationDocumentId, OrganizationId};

use super::{VettingError, VettingService};
use crate::{
    services::{identity::Caller, organizations::DocumentFile},
    store::organizations,
};

impl VettingService {
    pub async fn desk_document(
        &self,
        caller: &Caller,
        id: OrganizationId,
        document: OrganizationDocumentId,
    ) -> Result<DocumentFile, VettingError> {
        let org = self.case_row(caller, id).await?;
        let (row, bytes) =
            organizations::document(&self.store, AccountId(org.account_id), id, document)
                .await?
                .ok_or(VettingError::NotFound)?;
        Ok(DocumentFile {
            file_name: row.file_name,
            content_type: *row.content_type,
            bytes,
        })
    }
}
