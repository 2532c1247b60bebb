//! Mass revocation (TLS BR 4.9.1.1, ballot SC-089): an operator revokes a selection of
//! certificates across accounts in one action. The batch records who asked, why and for what;
//! each item the outcome for one certificate, so the batch can be resumed after a restart and
//! its page can show progress. `certificate_keys` is the index of each certificate's public
//! key (SHA-256 of its SubjectPublicKeyInfo) the search by key reads; it is filled as searches
//! need it, from the to-be-signed bytes the CA stored, so issuance does not change.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum IssuedCertificates {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Orders {
    Table,
    CertificateId,
    InterimCertificateId,
}

#[derive(DeriveIden)]
enum RevocationBatches {
    Table,
    Id,
    CreatedBy,
    Operator,
    Reason,
    Comment,
    FormToken,
    Criteria,
    Total,
    CreatedAt,
    FinishedAt,
}

#[derive(DeriveIden)]
enum RevocationBatchItems {
    Table,
    Id,
    BatchId,
    CertificateId,
    Outcome,
    Detail,
    DoneAt,
}

#[derive(DeriveIden)]
enum CertificateKeys {
    Table,
    CertificateId,
    SpkiSha256,
}

const ORDERS_CERTIFICATE_INDEX: &str = "idx_orders_certificate";
const ORDERS_INTERIM_INDEX: &str = "idx_orders_interim_certificate";

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(RevocationBatches::Table)
                .col(pk_auto(RevocationBatches::Id))
                .col(integer(RevocationBatches::CreatedBy))
                // The operator as the audit log names them ("name <address>"), kept with the
                // batch so the record reads the same if the user is renamed.
                .col(text(RevocationBatches::Operator))
                // An RFC 5280 reason name (`keyCompromise`, …).
                .col(string_len(RevocationBatches::Reason, 32))
                .col(text(RevocationBatches::Comment))
                // The search page's one-use token: a retried post finds its batch.
                .col(string_len(RevocationBatches::FormToken, 64).unique_key())
                // What the operator searched for, in words, for the record.
                .col(text(RevocationBatches::Criteria))
                .col(integer(RevocationBatches::Total))
                .col(timestamp_with_time_zone(RevocationBatches::CreatedAt))
                // Set once every item has its outcome and the subscribers' mail is queued.
                .col(timestamp_with_time_zone_null(RevocationBatches::FinishedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(RevocationBatches::Table, RevocationBatches::CreatedBy)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RevocationBatchItems::Table)
                .col(pk_auto(RevocationBatchItems::Id))
                .col(integer(RevocationBatchItems::BatchId))
                .col(integer(RevocationBatchItems::CertificateId))
                // `pending`, `revoking` (claimed by a runner), `revoked`, `already_revoked`,
                // `failed`.
                .col(string_len(RevocationBatchItems::Outcome, 16))
                // Why it failed, for the operator.
                .col(text_null(RevocationBatchItems::Detail))
                .col(timestamp_with_time_zone_null(RevocationBatchItems::DoneAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(RevocationBatchItems::Table, RevocationBatchItems::BatchId)
                        .to(RevocationBatches::Table, RevocationBatches::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            RevocationBatchItems::Table,
                            RevocationBatchItems::CertificateId,
                        )
                        .to(IssuedCertificates::Table, IssuedCertificates::Id),
                )
                .to_owned(),
        )
        .await?;
        // A certificate is in a batch once; the runner and the page read a batch's items by
        // outcome.
        m.create_index(
            Index::create()
                .name("idx_revocation_batch_items_certificate")
                .table(RevocationBatchItems::Table)
                .col(RevocationBatchItems::BatchId)
                .col(RevocationBatchItems::CertificateId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_revocation_batch_items_outcome")
                .table(RevocationBatchItems::Table)
                .col(RevocationBatchItems::BatchId)
                .col(RevocationBatchItems::Outcome)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CertificateKeys::Table)
                .col(integer(CertificateKeys::CertificateId).primary_key())
                // Lower-case hex.
                .col(string_len(CertificateKeys::SpkiSha256, 64))
                .foreign_key(
                    ForeignKey::create()
                        .from(CertificateKeys::Table, CertificateKeys::CertificateId)
                        .to(IssuedCertificates::Table, IssuedCertificates::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_certificate_keys_spki")
                .table(CertificateKeys::Table)
                .col(CertificateKeys::SpkiSha256)
                .to_owned(),
        )
        .await?;
        // The search shows each certificate's order and account, and filters by product and
        // account through the orders: look orders up by the certificate they hold.
        m.create_index(
            Index::create()
                .name(ORDERS_CERTIFICATE_INDEX)
                .table(Orders::Table)
                .col(Orders::CertificateId)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name(ORDERS_INTERIM_INDEX)
                .table(Orders::Table)
                .col(Orders::InterimCertificateId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for index in [ORDERS_INTERIM_INDEX, ORDERS_CERTIFICATE_INDEX] {
            m.drop_index(Index::drop().name(index).table(Orders::Table).to_owned())
                .await?;
        }
        m.drop_table(Table::drop().table(CertificateKeys::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(RevocationBatchItems::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(RevocationBatches::Table).to_owned())
            .await
    }
}
