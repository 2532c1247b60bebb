//! The terms of service and the subscriber agreement: published versions and who accepted
//! which. The documents belong to the operator, not to an account, so nothing here is scoped
//! by account; acceptances are read only by their user.

use app::model::{UserId, legal::LegalDocumentKind};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

use super::{
    Db, StoreError,
    entities::{legal_acceptances, legal_documents},
};

/// One version of a document, its kind read once from the database text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegalDocument {
    pub id: i32,
    pub kind: LegalDocumentKind,
    pub version: i32,
    pub title: String,
    pub body: String,
    pub published_at: DateTime<Utc>,
}

impl TryFrom<legal_documents::Model> for LegalDocument {
    type Error = StoreError;

    fn try_from(row: legal_documents::Model) -> Result<Self, StoreError> {
        let kind = LegalDocumentKind::parse(&row.kind).ok_or_else(|| {
            StoreError::Inconsistent(format!("legal document kind {:?}", row.kind))
        })?;
        Ok(Self {
            id: row.id,
            kind,
            version: row.version,
            title: row.title,
            body: row.body,
            published_at: row.published_at,
        })
    }
}

/// The version in force: the highest published.
pub async fn current(
    db: &impl Db,
    kind: LegalDocumentKind,
) -> Result<Option<LegalDocument>, StoreError> {
    legal_documents::Entity::find()
        .filter(legal_documents::Column::Kind.eq(kind.as_str()))
        .order_by_desc(legal_documents::Column::Version)
        .one(db.conn())
        .await?
        .map(LegalDocument::try_from)
        .transpose()
}

/// Publishes the next version of `kind`. Two publications racing for the same number make
/// one of them fail with `Duplicate` (a unique index), never two versions with one number.
pub async fn publish(
    db: &impl Db,
    kind: LegalDocumentKind,
    title: &str,
    body: &str,
    by: UserId,
    at: DateTime<Utc>,
) -> Result<LegalDocument, StoreError> {
    let version = current(db, kind).await?.map_or(1, |d| d.version + 1);
    let row = legal_documents::ActiveModel {
        kind: Set(kind.as_str().to_owned()),
        version: Set(version),
        title: Set(title.to_owned()),
        body: Set(body.to_owned()),
        published_at: Set(at),
        published_by: Set(Some(by.get())),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    LegalDocument::try_from(row)
}

/// Records that `user` accepted the document version `document_id`.
pub async fn record_acceptance(
    db: &impl Db,
    user: UserId,
    document_id: i32,
    at: DateTime<Utc>,
    ip: Option<String>,
) -> Result<(), StoreError> {
    legal_acceptances::ActiveModel {
        user_id: Set(user.get()),
        document_id: Set(document_id),
        accepted_at: Set(at),
        ip: Set(ip),
        ..Default::default()
    }
    .insert(db.conn())
    .await?;
    Ok(())
}

/// The documents `user` accepted, oldest first, as (kind, version).
pub async fn accepted_by(
    db: &impl Db,
    user: UserId,
) -> Result<Vec<(LegalDocumentKind, i32)>, StoreError> {
    let ids: Vec<i32> = legal_acceptances::Entity::find()
        .filter(legal_acceptances::Column::UserId.eq(user.get()))
        .order_by_asc(legal_acceptances::Column::Id)
        .all(db.conn())
        .await?
        .into_iter()
        .map(|a| a.document_id)
        .collect();
    let mut accepted = Vec::with_capacity(ids.len());
    for id in ids {
        let document = legal_documents::Entity::find_by_id(id)
            .one(db.conn())
            .await?
            .ok_or_else(|| StoreError::Inconsistent(format!("accepted document {id}")))?;
        let document = LegalDocument::try_from(document)?;
        accepted.push((document.kind, document.version));
    }
    Ok(accepted)
}
