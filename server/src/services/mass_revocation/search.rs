//! The operator's search over every account's certificates, with what the revocation form
//! needs beside the results: how many of all matches are still valid, the choices of the
//! filters, a one-use form token, and the recent batches.

use app::i18n::Msg;
use app::model::{
    CertificateId, Day, Moment,
    certificate_status::CertificateState,
    revocations::{
        BatchSummary, CertificateSearch, Choice, FoundCertificate, NameMatch, RevocationSearchPage,
        SEARCH_PAGE_SIZE, ValidSearch,
    },
};
use chrono::{DateTime, Utc};

use super::{MassRevocationError, MassRevocationService, invalid};
use crate::{
    services::identity::Caller,
    store::{AuthorityRow, CertificateRow, accounts, authorities, revocation_batches},
};

/// Batches the search page lists.
const RECENT_BATCHES: u64 = 10;

impl MassRevocationService {
    pub async fn search_certificates(
        &self,
        caller: &Caller,
        query: &CertificateSearch,
    ) -> Result<RevocationSearchPage, MassRevocationError> {
        caller.require_operator()?;
        let search = self.checked(query).await?;
        let now = self.clock.now();
        let (rows, total) =
            revocation_batches::search_for_operator(&self.store, &search, now, SEARCH_PAGE_SIZE)
                .await?;
        let revocable =
            revocation_batches::count_revocable_for_operator(&self.store, &search, now).await?;
        let cas = authorities::list(&self.store).await?;
        let certificates = self.found(rows, &cas, now).await?;
        let products = revocation_batches::products_for_operator(&self.store).await?;
        let recent = revocation_batches::recent(&self.store, RECENT_BATCHES)
            .await?
            .into_iter()
            .map(|b| BatchSummary {
                id: app::model::ids::RevocationBatchId(b.id),
                created: Moment::from(b.created_at),
                operator: b.operator,
                reason: b.reason.as_str().to_owned(),
                total: u64::try_from(b.total).unwrap_or_default(),
                finished: b.finished_at.is_some(),
            })
            .collect();
        Ok(RevocationSearchPage {
            certificates,
            page: search.page,
            pages: total.div_ceil(SEARCH_PAGE_SIZE).max(1),
            total,
            revocable,
            narrowed: search.narrows(),
            form_token: self.new_form_token(),
            cas: cas
                .iter()
                // Roots sign CA certificates only, which this page does not revoke.
                .filter(|c| c.parent_id.is_some())
                .map(|c| Choice {
                    value: c.id.to_string(),
                    label: c.name.clone(),
                })
                .collect(),
            profiles: crate::ca::PROFILES
                .iter()
                .map(|p| Choice {
                    value: p.name.to_owned(),
                    label: p.name.to_owned(),
                })
                .collect(),
            products: products
                .into_iter()
                .map(|(id, name)| Choice {
                    value: id.to_string(),
                    label: name,
                })
                .collect(),
            recent,
        })
    }

    /// The search checked against what exists (a profile the CA knows), with the key index
    /// brought up to date when the search reads it.
    pub(super) async fn checked(
        &self,
        query: &CertificateSearch,
    ) -> Result<ValidSearch, MassRevocationError> {
        let search = query.validate().map_err(MassRevocationError::Invalid)?;
        if let Some(p) = &search.profile
            && crate::ca::profile(p).is_none()
        {
            return Err(invalid(
                "profile",
                Msg::new("err-revocations-choose-profile"),
            ));
        }
        if search.key.is_some() {
            self.index_keys().await?;
        }
        Ok(search)
    }

    /// Certificates as the pages show them: with their CA, order, account and product.
    pub(super) async fn found(
        &self,
        rows: Vec<CertificateRow>,
        cas: &[AuthorityRow],
        now: DateTime<Utc>,
    ) -> Result<Vec<FoundCertificate>, MassRevocationError> {
        let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
        let orders = revocation_batches::orders_holding_for_operator(&self.store, &ids).await?;
        let account_ids: Vec<i32> = orders.iter().map(|o| o.account_id).collect();
        let accounts = accounts::find_many(&self.store, &account_ids).await?;
        Ok(rows
            .into_iter()
            .map(|c| {
                let order = orders.iter().find(|o| {
                    o.certificate_id == Some(c.id) || o.interim_certificate_id == Some(c.id)
                });
                let state = if c.revoked_at.is_some() {
                    CertificateState::Revoked
                } else if c.not_after <= now {
                    CertificateState::Expired
                } else {
                    CertificateState::Valid
                };
                FoundCertificate {
                    id: CertificateId(c.id),
                    ca: cas
                        .iter()
                        .find(|a| a.id == c.ca_id)
                        .map(|a| a.name.clone())
                        .unwrap_or_default(),
                    profile: c.profile.clone(),
                    names: names_of(&c),
                    not_before: Day::from(c.not_before),
                    not_after: Day::from(c.not_after),
                    state,
                    revocation_reason: c.revocation_reason.map(|r| r.as_str().to_owned()),
                    account: order.and_then(|o| {
                        accounts
                            .iter()
                            .find(|a| a.id == o.account_id)
                            .map(|a| a.name.clone())
                    }),
                    order: order.map(|o| o.id),
                    product: order.map(|o| o.product_name.clone()),
                    serial: c.serial_hex,
                }
            })
            .collect())
    }

    /// A new one-use token for the revocation form: 256 random bits, URL-safe.
    fn new_form_token(&self) -> String {
        let mut bytes = [0u8; 32];
        self.random.fill(&mut bytes);
        base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, bytes)
    }
}

/// The certificate's DNS names and mailboxes, as the CA recorded them.
pub(super) fn names_of(c: &CertificateRow) -> Vec<String> {
    c.names
        .split(',')
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The search in words, for the batch's record (English, as the audit log is).
pub(super) fn describe(s: &ValidSearch, cas: &[AuthorityRow]) -> String {
    let mut parts = Vec::new();
    if let Some(ca) = s.ca {
        let name = cas
            .iter()
            .find(|c| c.id == ca)
            .map_or_else(|| format!("#{ca}"), |c| c.name.clone());
        parts.push(format!("issuing CA {name}"));
    }
    match (&s.serial_from, &s.serial_to) {
        (Some(f), Some(t)) => parts.push(format!("serial {f} to {t}")),
        (Some(f), None) => parts.push(format!("serial from {f}")),
        (None, Some(t)) => parts.push(format!("serial to {t}")),
        (None, None) => {}
    }
    if let Some(k) = &s.key {
        parts.push(format!("public key SHA-256 {k}"));
    }
    match &s.name {
        Some(NameMatch::Exact(n)) => parts.push(format!("name {n}")),
        Some(NameMatch::Suffix(n)) => parts.push(format!("name {n} and names under it")),
        None => {}
    }
    if let Some(p) = &s.profile {
        parts.push(format!("profile {p}"));
    }
    if let Some(p) = s.product {
        parts.push(format!("product #{p}"));
    }
    if let Some(p) = s.acme_profile {
        parts.push(format!("ACME profile {}", p.as_str()));
    }
    let day = |d: Option<Day>| d.map(|d| d.text(app::i18n::Lang::En));
    if let Some(d) = day(s.issued_from) {
        parts.push(format!("notBefore from {d}"));
    }
    if let Some(d) = day(s.issued_to) {
        parts.push(format!("notBefore to {d}"));
    }
    if let Some(d) = day(s.expires_from) {
        parts.push(format!("notAfter from {d}"));
    }
    if let Some(d) = day(s.expires_to) {
        parts.push(format!("notAfter to {d}"));
    }
    if parts.is_empty() {
        "every certificate".to_owned()
    } else {
        parts.join("; ")
    }
}
