//! Organizations an account has vetted for OV and EV certificates (VAL-3): the record the
//! customer keeps, its representatives, and its registration documents. A document's bytes sit
//! in a table of their own so lists and the desk's queue never read them.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
    AccountId,
    LegalName,
    TradeName,
    OrgType,
    RegistrationNumber,
    RegistrationAgency,
    JurisdictionCountry,
    JurisdictionState,
    JurisdictionLocality,
    Street,
    City,
    StateProvince,
    PostalCode,
    Country,
    Phone,
    Status,
    RejectionReason,
    VerifiedUntil,
    SearchText,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    SubmittedAt,
}

#[derive(DeriveIden)]
enum OrganizationContacts {
    Table,
    Id,
    OrganizationId,
    Role,
    Name,
    Email,
    Phone,
    Designation,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OrganizationDocuments {
    Table,
    Id,
    OrganizationId,
    FileName,
    ContentType,
    SizeBytes,
    Sha256,
    UploadedBy,
    UploadedAt,
}

#[derive(DeriveIden)]
enum OrganizationDocumentContents {
    Table,
    DocumentId,
    Bytes,
}

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Organizations::Table)
                .col(pk_auto(Organizations::Id))
                .col(integer(Organizations::AccountId))
                .col(string_len(Organizations::LegalName, 64))
                .col(string_len_null(Organizations::TradeName, 64))
                .col(string_len(Organizations::OrgType, 32))
                .col(string_len_null(Organizations::RegistrationNumber, 64))
                .col(string_len_null(Organizations::RegistrationAgency, 128))
                .col(string_len(Organizations::JurisdictionCountry, 2))
                .col(string_len_null(Organizations::JurisdictionState, 128))
                .col(string_len_null(Organizations::JurisdictionLocality, 128))
                .col(string_len(Organizations::Street, 200))
                .col(string_len(Organizations::City, 128))
                .col(string_len_null(Organizations::StateProvince, 128))
                .col(string_len_null(Organizations::PostalCode, 16))
                .col(string_len(Organizations::Country, 2))
                .col(string_len(Organizations::Phone, 20))
                .col(string_len(Organizations::Status, 32))
                .col(text_null(Organizations::RejectionReason))
                // The last instant the vetting backs a certificate: the earliest end of its
                // checked items' reuse periods, written when the desk approves.
                .col(timestamp_with_time_zone_null(Organizations::VerifiedUntil))
                // Names and registration number in lower case, for a search that ignores case
                // the same way on SQLite and PostgreSQL.
                .col(string_len(Organizations::SearchText, 400))
                .col(integer(Organizations::CreatedBy))
                .col(timestamp_with_time_zone(Organizations::CreatedAt))
                .col(timestamp_with_time_zone(Organizations::UpdatedAt))
                .col(timestamp_with_time_zone_null(Organizations::SubmittedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Organizations::Table, Organizations::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Organizations::Table, Organizations::CreatedBy)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("organizations_account")
                .table(Organizations::Table)
                .col(Organizations::AccountId)
                .col(Organizations::Id)
                .to_owned(),
        )
        .await?;
        // The vetting desk's queue: waiting organizations, oldest first.
        m.create_index(
            Index::create()
                .name("organizations_status_submitted")
                .table(Organizations::Table)
                .col(Organizations::Status)
                .col(Organizations::SubmittedAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OrganizationContacts::Table)
                .col(pk_auto(OrganizationContacts::Id))
                .col(integer(OrganizationContacts::OrganizationId))
                // `representative` (one) or `alternate`.
                .col(string_len(OrganizationContacts::Role, 32))
                .col(string_len(OrganizationContacts::Name, 100))
                .col(string_len(OrganizationContacts::Email, 254))
                .col(string_len(OrganizationContacts::Phone, 20))
                .col(string_len(OrganizationContacts::Designation, 100))
                .col(timestamp_with_time_zone(OrganizationContacts::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            OrganizationContacts::Table,
                            OrganizationContacts::OrganizationId,
                        )
                        .to(Organizations::Table, Organizations::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("organization_contacts_organization")
                .table(OrganizationContacts::Table)
                .col(OrganizationContacts::OrganizationId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OrganizationDocuments::Table)
                .col(pk_auto(OrganizationDocuments::Id))
                .col(integer(OrganizationDocuments::OrganizationId))
                .col(string_len(OrganizationDocuments::FileName, 200))
                .col(string_len(OrganizationDocuments::ContentType, 64))
                .col(big_integer(OrganizationDocuments::SizeBytes))
                .col(string_len(OrganizationDocuments::Sha256, 64))
                .col(integer(OrganizationDocuments::UploadedBy))
                .col(timestamp_with_time_zone(OrganizationDocuments::UploadedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            OrganizationDocuments::Table,
                            OrganizationDocuments::OrganizationId,
                        )
                        .to(Organizations::Table, Organizations::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            OrganizationDocuments::Table,
                            OrganizationDocuments::UploadedBy,
                        )
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("organization_documents_organization")
                .table(OrganizationDocuments::Table)
                .col(OrganizationDocuments::OrganizationId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OrganizationDocumentContents::Table)
                .col(integer(OrganizationDocumentContents::DocumentId).primary_key())
                .col(blob(OrganizationDocumentContents::Bytes))
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            OrganizationDocumentContents::Table,
                            OrganizationDocumentContents::DocumentId,
                        )
                        .to(OrganizationDocuments::Table, OrganizationDocuments::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(
            Table::drop()
                .table(OrganizationDocumentContents::Table)
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(OrganizationDocuments::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(OrganizationContacts::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(Organizations::Table).to_owned())
            .await
    }
}
