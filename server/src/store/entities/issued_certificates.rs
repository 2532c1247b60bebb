use app::model::certificate_status::CertificateStatus;

use crate::domain::revocation::RevocationReason;
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "issued_certificates")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub serial_hex: String,
    pub ca_id: i32,
    pub profile: String,
    pub status: Stored<CertificateStatus>,
    pub subject: String,
    pub names: String,
    pub not_before: DateTimeUtc,
    pub not_after: DateTimeUtc,
    pub tbs_der: Vec<u8>,
    pub cert_der: Option<Vec<u8>>,
    pub created_at: DateTimeUtc,
    pub signing_at: Option<DateTimeUtc>,
    pub issued_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
    pub revocation_reason: Option<Stored<RevocationReason>>,
    /// The CRL shard that lists the certificate once revoked, and that its CRL distribution
    /// point names; 0 is the CA's whole-CA CRL (every certificate issued before sharding).
    pub crl_shard: i32,
    /// The signed precertificate of a certificate submitted to Certificate Transparency
    /// logs, kept before submission.
    pub precert_der: Option<Vec<u8>>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
