//! dns-persist-01 (draft-ietf-acme-dns-persist, TLS BR 3.2.2.4.22): the client publishes
//! `_validation-persist.<name>` naming one of this CA's issuer domain names and its account
//! URL as `accounturi`; the check and its corroboration are the validation service's, the
//! same the portal's persistent record goes through.

use app::model::corroboration::CorroboratedCheck;

use super::{AcmeError, AcmeService, Failure};
use crate::{
    domain::{caa::acme_account_uri, persist_record::PersistGrant},
    services::validation::{PersistCheck, refusal_text},
    store::acme::AcmeAccountRow,
};

impl AcmeService {
    /// The issuer domain names a dns-persist-01 record may name (the challenge object's
    /// `issuer-domain-names`, the directory's `issuerDomainNames`).
    pub fn issuer_domain_names(&self) -> &[String] {
        self.validation.issuer_domain_names()
    }

    /// The URI `accounturi` must hold for `account`: its account URL (RFC 8657 section 3).
    pub fn account_uri(&self, account: &AcmeAccountRow) -> String {
        acme_account_uri(self.validation.public_url(), account.id)
    }

    /// Checks the record for `name` (a wildcard's base name with `wildcard`, which then
    /// needs `policy=wildcard`), at the primary and the remote perspectives.
    pub(super) async fn check_dns_persist(
        &self,
        account: &AcmeAccountRow,
        name: &str,
        wildcard: bool,
    ) -> Result<Result<PersistGrant, Failure>, AcmeError> {
        let account_uri = self.account_uri(account);
        let outcome = self
            .validation
            .check_persist(PersistCheck {
                account_id: account.account_id,
                name,
                account_uri: &account_uri,
                wildcard,
                kind: CorroboratedCheck::AcmeDnsPersist01,
            })
            .await
            .map_err(|e| AcmeError::Internal(e.to_string()))?;
        Ok(outcome.map_err(|why| {
            let detail = refusal_text(&why);
            let (kind, detail) = match why.key() {
                "err-dcv-check-failed" => ("dns", detail),
                "err-dcv-persist-malformed" => ("malformed", detail),
                "err-mpic-refused" | "err-mpic-too-few" => (
                    "unauthorized",
                    format!("during multi-perspective corroboration: {detail}"),
                ),
                _ => ("unauthorized", detail),
            };
            Failure {
                kind: kind.into(),
                detail,
            }
        }))
    }
}
