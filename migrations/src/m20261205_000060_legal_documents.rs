//! The terms of service and the subscriber agreement become documents: the operator publishes
//! numbered versions, anyone reads the one in force, and each sign-up records which versions
//! its user accepted. Version 1 of each is a neutral starting text the operator replaces.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum LegalDocuments {
    Table,
    Id,
    Kind,
    Version,
    Title,
    Body,
    PublishedAt,
    PublishedBy,
}

#[derive(DeriveIden)]
enum LegalAcceptances {
    Table,
    Id,
    UserId,
    DocumentId,
    AcceptedAt,
    Ip,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

const TERMS: &str = "These terms govern the use of this certificate portal and its services.\n\n\
Use the portal only for certificates you are entitled to request, and keep your sign-in \
details to yourself. The operator may suspend an account that breaks these terms or the law.\n\n\
The operator publishes a new version of these terms here before it takes effect. The version \
each user accepted is recorded with their sign-up.";

const AGREEMENT: &str = "This agreement binds everyone who requests, accepts or uses a \
certificate issued through this portal (the subscriber).\n\n\
The subscriber gives accurate information, protects the private key of each certificate, uses \
each certificate only for the names and purposes it was issued for, and asks for revocation at \
once when the key may be compromised or the information in the certificate is no longer \
accurate.\n\n\
The certificate authority may revoke a certificate when the rules it follows (the CA/Browser \
Forum requirements and its own certificate policy) require it.";

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(LegalDocuments::Table)
                .col(pk_auto(LegalDocuments::Id))
                .col(string_len(LegalDocuments::Kind, 32))
                .col(integer(LegalDocuments::Version))
                .col(string_len(LegalDocuments::Title, 200))
                .col(text(LegalDocuments::Body))
                .col(timestamp_with_time_zone(LegalDocuments::PublishedAt))
                .col(integer_null(LegalDocuments::PublishedBy))
                .foreign_key(
                    ForeignKey::create()
                        .from(LegalDocuments::Table, LegalDocuments::PublishedBy)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        // Two operators publishing at once cannot both make version N + 1.
        m.create_index(
            Index::create()
                .name("legal_documents_kind_version")
                .table(LegalDocuments::Table)
                .col(LegalDocuments::Kind)
                .col(LegalDocuments::Version)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(LegalAcceptances::Table)
                .col(pk_auto(LegalAcceptances::Id))
                .col(integer(LegalAcceptances::UserId))
                .col(integer(LegalAcceptances::DocumentId))
                .col(timestamp_with_time_zone(LegalAcceptances::AcceptedAt))
                .col(string_len_null(LegalAcceptances::Ip, 64))
                .foreign_key(
                    ForeignKey::create()
                        .from(LegalAcceptances::Table, LegalAcceptances::UserId)
                        .to(Users::Table, Users::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(LegalAcceptances::Table, LegalAcceptances::DocumentId)
                        .to(LegalDocuments::Table, LegalDocuments::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("legal_acceptances_user")
                .table(LegalAcceptances::Table)
                .col(LegalAcceptances::UserId)
                .to_owned(),
        )
        .await?;
        for (kind, title, body) in [
            ("terms", "Terms of service", TERMS),
            ("subscriber_agreement", "Subscriber agreement", AGREEMENT),
        ] {
            m.exec_stmt(
                Query::insert()
                    .into_table(LegalDocuments::Table)
                    .columns([
                        LegalDocuments::Kind,
                        LegalDocuments::Version,
                        LegalDocuments::Title,
                        LegalDocuments::Body,
                        LegalDocuments::PublishedAt,
                    ])
                    .values_panic([
                        kind.into(),
                        1.into(),
                        title.into(),
                        body.into(),
                        Expr::current_timestamp(),
                    ])
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(LegalAcceptances::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(LegalDocuments::Table).to_owned())
            .await
    }
}
