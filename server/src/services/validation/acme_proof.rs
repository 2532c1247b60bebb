//! Control shown through an ACME challenge (TLS BR 3.2.2.4.19 HTTP-01, 3.2.2.4.7 DNS-01,
//! 3.2.2.4.20 TLS-ALPN-01, 3.2.2.4.22 DNS-PERSIST-01) is recorded as the account's
//! validation of the domain, under the same reuse period as the portal's methods, so the
//! order's issuance check sees it.

use app::model::domains::DcvMethod;
use chrono::{DateTime, Utc};

use super::{ValidationError, ValidationService};
use crate::{
    domain::{br_rules::BrMethod, persist_record::PersistGrant},
    store::domains::{self, NewDomain},
};

/// The ACME challenge types (as stored with each challenge); the portal method whose
/// coverage rules each shares is `method`.
pub use app::model::acme::AcmeChallengeKind as AcmeProof;

/// DNS-01 shows control of the domain's zone (covers sub-domains and wildcards, as a
/// DNS TXT record does); HTTP-01 and TLS-ALPN-01 show control of one host only.
fn method(proof: AcmeProof) -> DcvMethod {
    match proof {
        AcmeProof::Dns01 => DcvMethod::DnsTxt,
        AcmeProof::Http01 | AcmeProof::TlsAlpn01 => DcvMethod::HttpFile,
        // What the record granted is recorded by `record_acme_persist`; the exact name is
        // the narrower reading.
        AcmeProof::DnsPersist01 => DcvMethod::DnsPersist { wildcard: false },
    }
}

impl ValidationService {
    /// Records that the account controls `name` as the challenge showed; until when.
    pub async fn record_acme_proof(
        &self,
        account_id: i32,
        name: &str,
        proof: AcmeProof,
    ) -> Result<DateTime<Utc>, ValidationError> {
        self.record_acme(
            account_id,
            name,
            method(proof),
            BrMethod::of_acme(proof),
            None,
        )
        .await
    }

    /// Records what an ACME dns-persist-01 record granted (BR 3.2.2.4.22): sub-domains with
    /// `policy=wildcard`, and no longer than its `persistUntil`.
    pub async fn record_acme_persist(
        &self,
        account_id: i32,
        name: &str,
        grant: PersistGrant,
    ) -> Result<DateTime<Utc>, ValidationError> {
        self.record_acme(
            account_id,
            name,
            DcvMethod::DnsPersist {
                wildcard: grant.wildcard,
            },
            BrMethod::AcmeDnsPersist01,
            grant.persist_until,
        )
        .await
    }

    async fn record_acme(
        &self,
        account_id: i32,
        name: &str,
        method: DcvMethod,
        by: BrMethod,
        not_after: Option<DateTime<Utc>>,
    ) -> Result<DateTime<Utc>, ValidationError> {
        let now = self.clock.now();
        let row = match domains::by_name(&self.store, account_id, name).await? {
            Some(d) => d,
            None => {
                let value = self.random_value();
                domains::insert(
                    &self.store,
                    account_id,
                    NewDomain {
                        name,
                        method,
                        random_value: &value,
                    },
                    now,
                )
                .await?
            }
        };
        self.record_validation(
            super::record_validation::Validated {
                account_id,
                domain_id: row.id,
                name,
                authorization_domain: &row.name,
                method,
                by,
                not_after,
            },
            now,
        )
        .await
    }
}
