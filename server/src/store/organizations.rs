//! Organizations, their representatives and registration documents. Every call names the
//! account: another account's organization is not found (reads) and takes no change (writes).
//! Representatives and documents carry no account column; their queries go through
//! [`organizations_of`].

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set,
    Condition, PaginatorTrait, QueryOrder, QuerySelect,
    entity::prelude::*,
    sea_query::{Expr, ExprTrait, Query, SelectStatement},
};

use app::model::{
    AccountId, ContactId, OrganizationDocumentId, OrganizationId, UserId,
    organization_form::{ValidContact, ValidOrganization},
    organizations::{ContactRole, DocumentType, OrganizationStatus, StatusFilter},
};

use super::{
    Db, StoreError,
    entities::{
        organization_contacts, organization_document_contents, organization_documents,
        organizations,
    },
    stored::Stored,
};

pub use organization_contacts::Model as ContactRow;
pub use organization_documents::Model as DocumentRow;
pub use organizations::Model as OrganizationRow;

/// The ids of the account's organizations, as a subquery.
fn organizations_of(account: AccountId) -> SelectStatement {
    Query::select()
        .column(organizations::Column::Id)
        .from(organizations::Entity)
        .and_where(organizations::Column::AccountId.eq(account.get()))
        .to_owned()
}

fn one_of(account: AccountId, id: OrganizationId) -> Condition {
    Condition::all()
        .add(organizations::Column::Id.eq(id.get()))
        .add(organizations::Column::AccountId.eq(account.get()))
}

/// What the list's search matches: names and registration number, lower-cased here so case
/// is ignored beyond ASCII on SQLite as on PostgreSQL.
fn search_text(v: &ValidOrganization) -> String {
    let mut text = v.legal_name.to_lowercase();
    for part in [v.trade_name.as_deref(), v.registration_number.as_deref()]
        .into_iter()
        .flatten()
    {
        text.push('\n');
        text.push_str(&part.to_lowercase());
    }
    text.chars().take(400).collect()
}

fn record_columns(a: &mut organizations::ActiveModel, v: &ValidOrganization) {
    a.legal_name = Set(v.legal_name.clone());
    a.trade_name = Set(v.trade_name.clone());
    a.org_type = Set(Stored(v.org_type));
    a.registration_number = Set(v.registration_number.clone());
    a.registration_agency = Set(v.registration_agency.clone());
    a.jurisdiction_country = Set(v.jurisdiction.country.clone());
    a.jurisdiction_state = Set(v.jurisdiction.state.clone());
    a.jurisdiction_locality = Set(v.jurisdiction.locality.clone());
    a.street = Set(v.address.street.clone());
    a.city = Set(v.address.city.clone());
    a.state_province = Set(v.address.state.clone());
    a.postal_code = Set(v.address.postal_code.clone());
    a.country = Set(v.address.country.clone());
    a.phone = Set(v.phone.clone());
    a.search_text = Set(search_text(v));
}

/// Adds a draft organization and its representative.
pub async fn insert(
    db: &impl Db,
    account: AccountId,
    v: &ValidOrganization,
    by: UserId,
    at: DateTime<Utc>,
) -> Result<OrganizationRow, StoreError> {
    let mut a = organizations::ActiveModel {
        account_id: Set(account.get()),
        status: Set(Stored(OrganizationStatus::Draft)),
        rejection_reason: Set(None),
        verified_until: Set(None),
        created_by: Set(by.get()),
        created_at: Set(at),
        updated_at: Set(at),
        submitted_at: Set(None),
        ..Default::default()
    };
    record_columns(&mut a, v);
    let row = a.insert(db.conn()).await.map_err(StoreError::from_db)?;
    add_contact(
        db,
        account,
        OrganizationId(row.id),
        ContactRole::Representative,
        &v.representative,
        at,
    )
    .await?;
    Ok(row)
}

/// Replaces the record's fields and its representative, and sets its status; `NotInAccount`
/// when it is not the account's.
pub async fn update(
    db: &impl Db,
    account: AccountId,
    id: OrganizationId,
    v: &ValidOrganization,
    status: OrganizationStatus,
    submitted_at: Option<DateTime<Utc>>,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let existing = get(db, account, id)
        .await?
        .ok_or(StoreError::NotInAccount)?;
    let mut a: organizations::ActiveModel = existing.into();
    record_columns(&mut a, v);
    a.status = Set(Stored(status));
    a.updated_at = Set(at);
    if submitted_at.is_some() {
        a.submitted_at = Set(submitted_at);
    }
    a.update(db.conn()).await.map_err(StoreError::from_db)?;
    let c = &v.representative;
    organization_contacts::Entity::update_many()
        .col_expr(
            organization_contacts::Column::Name,
            Expr::value(c.name.clone()),
        )
        .col_expr(
            organization_contacts::Column::Email,
            Expr::value(c.email.as_str().to_owned()),
        )
        .col_expr(
            organization_contacts::Column::Phone,
            Expr::value(c.phone.clone()),
        )
        .col_expr(
            organization_contacts::Column::Designation,
            Expr::value(c.designation.clone()),
        )
        .filter(organization_contacts::Column::OrganizationId.eq(id.get()))
        .filter(organization_contacts::Column::Role.eq(Stored(ContactRole::Representative)))
        .filter(
            organization_contacts::Column::OrganizationId.in_subquery(organizations_of(account)),
        )
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Moves the organization to `status` (sent for vetting: with the time it was sent; a reason
/// when refused); `NotInAccount` when it is not the account's.
pub async fn set_status(
    db: &impl Db,
    account: AccountId,
    id: OrganizationId,
    status: OrganizationStatus,
    submitted_at: Option<DateTime<Utc>>,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut update = organizations::Entity::update_many()
        .col_expr(organizations::Column::Status, Expr::value(status.as_str()))
        .col_expr(organizations::Column::UpdatedAt, Expr::value(at));
    if let Some(sent) = submitted_at {
        update = update
            .col_expr(organizations::Column::SubmittedAt, Expr::value(sent))
            .col_expr(
                organizations::Column::RejectionReason,
                Expr::value(Option::<String>::None),
            );
    }
    let done = update.filter(one_of(account, id)).exec(db.conn()).await?;
    if done.rows_affected == 1 {
        Ok(())
    } else {
        Err(StoreError::NotInAccount)
    }
}

/// The organizations `account` may name: its own, and those another account's representative
/// consented to share with it.
fn own_or_granted(account: AccountId) -> Condition {
    Condition::any()
        .add(organizations::Column::AccountId.eq(account.get()))
        .add(
            organizations::Column::Id
                .in_subquery(super::organization_consents::granted_to(account)),
        )
}

/// An organization `account` may name in an order: its own, or one shared with it by
/// consent (whose record stays its owner's).
pub async fn get_usable(
    db: &impl Db,
    account: AccountId,
    id: OrganizationId,
) -> Result<Option<OrganizationRow>, StoreError> {
    Ok(organizations::Entity::find()
        .filter(organizations::Column::Id.eq(id.get()))
        .filter(own_or_granted(account))
        .one(db.conn())
        .await?)
}

/// The organizations other accounts shared with `account`, by legal name.
pub async fn shared_with(
    db: &impl Db,
    account: AccountId,
) -> Result<Vec<OrganizationRow>, StoreError> {
    Ok(organizations::Entity::find()
        .filter(
            organizations::Column::Id
                .in_subquery(super::organization_consents::granted_to(account)),
        )
        .filter(organizations::Column::AccountId.ne(account.get()))
        .order_by_asc(organizations::Column::LegalName)
        .all(db.conn())
        .await?)
}

/// Other accounts' organizations whose representative has the address `email` (lower-cased).
pub async fn represented_by(
    db: &impl Db,
    email: &str,
    not_of: AccountId,
) -> Result<Vec<OrganizationRow>, StoreError> {
    let represented = Query::select()
        .column(organization_contacts::Column::OrganizationId)
        .from(organization_contacts::Entity)
        .and_where(organization_contacts::Column::Email.eq(email))
        .and_where(organization_contacts::Column::Role.eq(Stored(ContactRole::Representative)))
        .to_owned();
    Ok(organizations::Entity::find()
        .filter(organizations::Column::Id.in_subquery(represented))
        .filter(organizations::Column::AccountId.ne(not_of.get()))
        .order_by_asc(organizations::Column::Id)
        .all(db.conn())
        .await?)
}

/// An organization by id whatever its account (for a consent link, whose token is the key).
pub async fn find_any(
    db: &impl Db,
    id: OrganizationId,
) -> Result<Option<OrganizationRow>, StoreError> {
    Ok(organizations::Entity::find_by_id(id.get())
        .one(db.conn())
        .await?)
}

/// The account's organization.
pub async fn get(
    db: &impl Db,
    account: AccountId,
    id: OrganizationId,
) -> Result<Option<OrganizationRow>, StoreError> {
    Ok(organizations::Entity::find()
        .filter(one_of(account, id))
        .one(db.conn())
        .await?)
}

/// The account's organizations verified at some level whose vetting has not aged out at
/// `now`, by legal name.
pub async fn usable(
    db: &impl Db,
    account: AccountId,
    now: DateTime<Utc>,
) -> Result<Vec<OrganizationRow>, StoreError> {
    Ok(organizations::Entity::find()
        .filter(organizations::Column::AccountId.eq(account.get()))
        .filter(verified())
        .filter(organizations::Column::VerifiedUntil.gt(now))
        .order_by_asc(organizations::Column::LegalName)
        .all(db.conn())
        .await?)
}

/// Every organization of the account, `(id, legal name)` by name (the choices of a group's
/// "Specific" organizations).
pub async fn names(
    db: &impl Db,
    account: AccountId,
) -> Result<Vec<(OrganizationId, String)>, StoreError> {
    Ok(organizations::Entity::find()
        .filter(organizations::Column::AccountId.eq(account.get()))
        .order_by_asc(organizations::Column::LegalName)
        .all(db.conn())
        .await?
        .into_iter()
        .map(|row| (OrganizationId(row.id), row.legal_name))
        .collect())
}

/// Every account's verified organizations whose vetting ages out after `from` and by `to`
/// (the reminders' window), soonest first.
pub async fn expiring_for_all_accounts(
    db: &impl Db,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<OrganizationRow>, StoreError> {
    Ok(organizations::Entity::find()
        .filter(verified())
        .filter(organizations::Column::VerifiedUntil.gt(from))
        .filter(organizations::Column::VerifiedUntil.lte(to))
        .order_by_asc(organizations::Column::VerifiedUntil)
        .all(db.conn())
        .await?)
}

/// Claims the reminder `offset_days` before `verified_until` of the organization; `false`
/// when it was claimed before (by this server or another).
pub async fn claim_reminder(
    db: &impl Db,
    id: OrganizationId,
    verified_until: DateTime<Utc>,
    offset_days: i32,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    use super::entities::organization_reminders;
    match (organization_reminders::ActiveModel {
        organization_id: Set(id.get()),
        verified_until: Set(verified_until),
        offset_days: Set(offset_days),
        sent_at: Set(at),
        ..Default::default()
    })
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
    {
        Ok(_) => Ok(true),
        Err(StoreError::Duplicate) => Ok(false),
        Err(e) => Err(e),
    }
}

/// The organizations an order may name at `now`: `usable` ones, and those sent for vetting
/// (their orders wait for the desk), by legal name.
pub async fn orderable(
    db: &impl Db,
    account: AccountId,
    now: DateTime<Utc>,
) -> Result<Vec<OrganizationRow>, StoreError> {
    let vetted_and_current = Condition::all()
        .add(verified())
        .add(organizations::Column::VerifiedUntil.gt(now));
    let in_vetting = Condition::any()
        .add(organizations::Column::Status.eq(Stored(OrganizationStatus::Submitted)))
        .add(organizations::Column::Status.eq(Stored(OrganizationStatus::InValidation)));
    Ok(organizations::Entity::find()
        .filter(own_or_granted(account))
        .filter(Condition::any().add(vetted_and_current).add(in_vetting))
        .order_by_asc(organizations::Column::LegalName)
        .all(db.conn())
        .await?)
}

/// What the list asks for.
pub struct Search<'a> {
    pub account: AccountId,
    /// Lower-cased by the store.
    pub text: Option<&'a str>,
    pub status: Option<StatusFilter>,
    /// Whether a vetting has aged out is decided at this instant.
    pub now: DateTime<Utc>,
}

fn verified() -> Condition {
    Condition::any()
        .add(organizations::Column::Status.eq(Stored(OrganizationStatus::VerifiedOv)))
        .add(organizations::Column::Status.eq(Stored(OrganizationStatus::VerifiedEv)))
}

fn condition(s: &Search<'_>) -> Condition {
    let mut c = Condition::all().add(organizations::Column::AccountId.eq(s.account.get()));
    if let Some(text) = s.text.filter(|t| !t.trim().is_empty()) {
        c = c.add(
            Expr::col(organizations::Column::SearchText).like(super::like_contains(text.trim())),
        );
    }
    match s.status {
        None => {}
        Some(StatusFilter::Expired) => {
            c = c
                .add(verified())
                .add(organizations::Column::VerifiedUntil.lt(s.now));
        }
        Some(StatusFilter::Is(status)) => {
            c = c.add(organizations::Column::Status.eq(Stored(status)));
            if status.verified_level().is_some() {
                c = c.add(
                    Condition::any()
                        .add(organizations::Column::VerifiedUntil.is_null())
                        .add(organizations::Column::VerifiedUntil.gte(s.now)),
                );
            }
        }
    }
    c
}

/// One page of the account's organizations, most recently changed first, with the total.
pub async fn search(
    db: &impl Db,
    s: &Search<'_>,
    page: u64,
    per_page: u64,
) -> Result<(Vec<OrganizationRow>, u64), StoreError> {
    let q = organizations::Entity::find().filter(condition(s));
    let total = q.clone().count(db.conn()).await?;
    let rows = q
        .order_by_desc(organizations::Column::UpdatedAt)
        .order_by_desc(organizations::Column::Id)
        .offset(page.saturating_sub(1).saturating_mul(per_page))
        .limit(per_page)
        .all(db.conn())
        .await?;
    Ok((rows, total))
}

/// The organization's representative and alternates, the representative first.
pub async fn contacts(
    db: &impl Db,
    account: AccountId,
    id: OrganizationId,
) -> Result<Vec<ContactRow>, StoreError> {
    let mut rows = organization_contacts::Entity::find()
        .filter(organization_contacts::Column::OrganizationId.eq(id.get()))
        .filter(
            organization_contacts::Column::OrganizationId.in_subquery(organizations_of(account)),
        )
        .order_by_asc(organization_contacts::Column::Id)
        .all(db.conn())
        .await?;
    rows.sort_by_key(|r| *r.role != ContactRole::Representative);
    Ok(rows)
}

/// Adds a representative or an alternate; `NotInAccount` when the organization is not the
/// account's.
pub async fn add_contact(
    db: &impl Db,
    account: AccountId,
    id: OrganizationId,
    role: ContactRole,
    c: &ValidContact,
    at: DateTime<Utc>,
) -> Result<ContactRow, StoreError> {
    get(db, account, id)
        .await?
        .ok_or(StoreError::NotInAccount)?;
    organization_contacts::ActiveModel {
        organization_id: Set(id.get()),
        role: Set(Stored(role)),
        name: Set(c.name.clone()),
        email: Set(c.email.as_str().to_owned()),
        phone: Set(c.phone.clone()),
        designation: Set(c.designation.clone()),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

/// Removes an alternate representative (never the representative); false when there was no
/// such alternate of the account's organization.
pub async fn remove_alternate(
    db: &impl Db,
    account: AccountId,
    id: OrganizationId,
    contact: ContactId,
) -> Result<bool, StoreError> {
    Ok(organization_contacts::Entity::delete_many()
        .filter(organization_contacts::Column::Id.eq(contact.get()))
        .filter(organization_contacts::Column::OrganizationId.eq(id.get()))
        .filter(organization_contacts::Column::Role.eq(Stored(ContactRole::Alternate)))
        .filter(
            organization_contacts::Column::OrganizationId.in_subquery(organizations_of(account)),
        )
        .exec(db.conn())
        .await?
        .rows_affected
        == 1)
}

/// The organization's documents, oldest first, without their bytes.
pub async fn documents(
    db: &impl Db,
    account: AccountId,
    id: OrganizationId,
) -> Result<Vec<DocumentRow>, StoreError> {
    Ok(organization_documents::Entity::find()
        .filter(organization_documents::Column::OrganizationId.eq(id.get()))
        .filter(
            organization_documents::Column::OrganizationId.in_subquery(organizations_of(account)),
        )
        .order_by_asc(organization_documents::Column::Id)
        .all(db.conn())
        .await?)
}

/// A document to keep.
pub struct NewDocument<'a> {
    pub file_name: &'a str,
    pub content_type: DocumentType,
    pub sha256: &'a str,
    pub bytes: Vec<u8>,
    pub by: UserId,
}

/// Keeps a document, its bytes apart from its row; `NotInAccount` when the organization is not
/// the account's.
pub async fn add_document(
    db: &impl Db,
    account: AccountId,
    id: OrganizationId,
    d: NewDocument<'_>,
    at: DateTime<Utc>,
) -> Result<DocumentRow, StoreError> {
    get(db, account, id)
        .await?
        .ok_or(StoreError::NotInAccount)?;
    let row = organization_documents::ActiveModel {
        organization_id: Set(id.get()),
        file_name: Set(d.file_name.to_owned()),
        content_type: Set(Stored(d.content_type)),
        size_bytes: Set(i64::try_from(d.bytes.len()).unwrap_or(i64::MAX)),
        sha256: Set(d.sha256.to_owned()),
        uploaded_by: Set(d.by.get()),
        uploaded_at: Set(at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    organization_document_contents::ActiveModel {
        document_id: Set(row.id),
        bytes: Set(d.bytes),
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(row)
}

/// A document of the account's organization with its bytes.
pub async fn document(
    db: &impl Db,
    account: AccountId,
    id: OrganizationId,
    document: OrganizationDocumentId,
) -> Result<Option<(DocumentRow, Vec<u8>)>, StoreError> {
    let Some(row) = organization_documents::Entity::find_by_id(document.get())
        .filter(organization_documents::Column::OrganizationId.eq(id.get()))
        .filter(
            organization_documents::Column::OrganizationId.in_subquery(organizations_of(account)),
        )
        .one(db.conn())
        .await?
    else {
        return Ok(None);
    };
    let bytes = organization_document_contents::Entity::find_by_id(row.id)
        .one(db.conn())
        .await?
        .map(|c| c.bytes)
        .ok_or_else(|| StoreError::Inconsistent(format!("document {} has no bytes", row.id)))?;
    Ok(Some((row, bytes)))
}

/// Removes a document and its bytes; false when the account's organization has no such one.
pub async fn remove_document(
    db: &impl Db,
    account: AccountId,
    id: OrganizationId,
    document: OrganizationDocumentId,
) -> Result<bool, StoreError> {
    organization_document_contents::Entity::delete_many()
        .filter(
            organization_document_contents::Column::DocumentId.in_subquery(
                Query::select()
                    .column(organization_documents::Column::Id)
                    .from(organization_documents::Entity)
                    .and_where(organization_documents::Column::Id.eq(document.get()))
                    .and_where(organization_documents::Column::OrganizationId.eq(id.get()))
                    .and_where(
                        organization_documents::Column::OrganizationId
                            .in_subquery(organizations_of(account)),
                    )
                    .to_owned(),
            ),
        )
        .exec(db.conn())
        .await?;
    Ok(organization_documents::Entity::delete_many()
        .filter(organization_documents::Column::Id.eq(document.get()))
        .filter(organization_documents::Column::OrganizationId.eq(id.get()))
        .filter(
            organization_documents::Column::OrganizationId.in_subquery(organizations_of(account)),
        )
        .exec(db.conn())
        .await?
        .rows_affected
        == 1)
}

/// Sets the last instant the organization's vetting backs a certificate (the vetting desk's,
/// which acts across accounts).
pub async fn set_verified_until(
    db: &impl Db,
    id: OrganizationId,
    until: Option<DateTime<Utc>>,
) -> Result<(), StoreError> {
    organizations::Entity::update_many()
        .col_expr(organizations::Column::VerifiedUntil, Expr::value(until))
        .filter(organizations::Column::Id.eq(id.get()))
        .exec(db.conn())
        .await?;
    Ok(())
}
