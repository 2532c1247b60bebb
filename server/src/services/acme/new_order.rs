//! newOrder (RFC 8555 section 7.4): the identifiers become an ordinary order of the bound
//! account, for the bound product and group, placed by the bound user through the same
//! `OrderService::place` as the portal's wizard (priced, paid or sent for approval,
//! audited), marked as coming from ACME. Each name gets an authorization: valid at once
//! when the account's domain validation already covers it (the reuse the BRs allow),
//! otherwise pending with its challenges. The profile the client names
//! (draft-ietf-acme-profiles; without one `classic`, or the profile of the order it
//! replaces) sets the certificate profile and validity on the order row, which finalize
//! issues with. The portal order, its charge, the ACME order and its authorizations are
//! written in one transaction.

use app::model::{
    acme::{AcmeAuthzStatus, AcmeChallengeKind, AcmeProfile},
    dns_name,
    orders::{Contact, KeySource, OrderSource, PlaceOrder, tag_list},
};
use chrono::Duration;
use serde::Deserialize;

use super::{AcmeError, AcmeService, OrderView, order::status_of, profile};
use crate::{
    failpoint,
    store::{
        acme::{self, AcmeAccountRow},
        acme_renewal, orders,
    },
};

/// How long a client has to complete an order and its authorizations.
pub(super) const ORDER_LIFETIME: Duration = Duration::days(7);

/// The challenge types offered for a name (wildcards prove control by DNS only, RFC 8737
/// section 3 forbids TLS-ALPN-01 for them; a persistent record then needs
/// `policy=wildcard`).
pub(super) fn challenge_kinds(wildcard: bool) -> &'static [AcmeChallengeKind] {
    if wildcard {
        &[AcmeChallengeKind::Dns01, AcmeChallengeKind::DnsPersist01]
    } else {
        &[
            AcmeChallengeKind::Http01,
            AcmeChallengeKind::Dns01,
            AcmeChallengeKind::TlsAlpn01,
            AcmeChallengeKind::DnsPersist01,
        ]
    }
}

#[derive(Debug, Deserialize)]
pub struct Identifier {
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewOrderRequest {
    pub identifiers: Vec<Identifier>,
    #[serde(default)]
    pub not_before: Option<String>,
    #[serde(default)]
    pub not_after: Option<String>,
    /// RFC 9773: the certID of the certificate this order renews.
    #[serde(default)]
    pub replaces: Option<String>,
    /// draft-ietf-acme-profiles: the certificate profile asked for.
    #[serde(default)]
    pub profile: Option<String>,
}

impl AcmeService {
    pub async fn new_order(
        &self,
        account: &AcmeAccountRow,
        request: &NewOrderRequest,
    ) -> Result<OrderView, AcmeError> {
        if request.not_before.is_some() || request.not_after.is_some() {
            return Err(AcmeError::Malformed(
                "notBefore and notAfter are not supported; the product decides the validity".into(),
            ));
        }
        if request.identifiers.is_empty() {
            return Err(AcmeError::Malformed(
                "the order names no identifiers".into(),
            ));
        }
        let mut names: Vec<String> = Vec::with_capacity(request.identifiers.len());
        for i in &request.identifiers {
            if i.kind != "dns" {
                return Err(AcmeError::RejectedIdentifier(format!(
                    "identifiers of type \"{}\" are not supported; use \"dns\"",
                    i.kind
                )));
            }
            let name = dns_name::normalize(&i.value);
            let wildcard = name.starts_with("*.");
            let name = dns_name::parse_public(&name, wildcard)
                .map_err(|e| AcmeError::RejectedIdentifier(format!("{}: {e}", i.value)))?;
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let asked = request.profile.as_deref().map(profile::parse).transpose()?;
        // An account made while bindings were optional orders no more once they are required.
        if account.eab_id.is_none() && self.eab_required {
            return Err(AcmeError::ExternalAccountRequired);
        }
        let replaced = match &request.replaces {
            Some(cert_id) => self.check_replaces(account, cert_id, &names).await?,
            None => None,
        };
        let profile = profile::chosen(asked, replaced);
        let caller = self.caller(account).await?;
        let product = self
            .catalog
            .product_for_order(
                account.account_id,
                account.product_id,
                caller.account.currency.as_str(),
            )
            .await
            .map_err(|e| {
                AcmeError::Unauthorized(format!(
                    "the product this account orders is not available: {e}"
                ))
            })?;
        let issuance = profile::issuance(profile, product.profile)?;
        // Priced and paid as the product's longest validity, whatever the profile: the
        // product is what the account buys; the profile only shapes the certificate.
        let validity_days = product.offer.validity_days.last().copied().ok_or_else(|| {
            AcmeError::Unauthorized("the product has no validity that can be ordered".into())
        })?;
        let binding = match account.eab_id {
            Some(_) => self.binding(account).await?,
            None => None,
        };
        let tags = binding
            .as_ref()
            .map(|e| tag_list(&e.tags))
            .unwrap_or_default();
        // A credential bound to a verified organization orders OV for it; the order's own
        // checks refuse it once the organization's vetting has aged out.
        let organization_id = binding
            .as_ref()
            .and_then(|e| e.organization_id)
            .map(app::model::OrganizationId);
        let form = PlaceOrder {
            product_id: account.product_id,
            validity_days,
            names: names.clone(),
            key_source: Some(KeySource::Later),
            requester: Contact {
                name: caller.user.name.clone(),
                email: caller.user.email.clone(),
            },
            tags,
            remarks: format!("Placed through ACME (account #{})", account.id),
            group_id: Some(account.group_id),
            organization_id,
            ..Default::default()
        };
        let now = self.clock.now();
        let expires = now + ORDER_LIFETIME;
        let identifiers = serde_json::to_string(
            &request
                .identifiers
                .iter()
                .map(
                    |i| serde_json::json!({"type": i.kind, "value": dns_name::normalize(&i.value)}),
                )
                .collect::<Vec<_>>(),
        )
        .map_err(|e| AcmeError::Internal(e.to_string()))?;
        let checked = self
            .orders
            .check_order(&caller, &form, account.eab_id.is_none())
            .await?;
        // One transaction for the portal order (with its charge) and the ACME order with its
        // authorizations: a crash at any point leaves either all of them or none, never a
        // paid order no ACME client can see.
        let tx = self.store.begin().await?;
        let stored = self
            .orders
            .store_order(&tx, &caller, checked, None, OrderSource::Acme)
            .await?;
        failpoint::hit("acme-new-order-after-portal-order");
        let coverage = self
            .validation
            .coverage_in(&tx, account.account_id, &names)
            .await
            .map_err(|e| AcmeError::Internal(e.to_string()))?;
        if let Some(i) = issuance {
            let days = i32::try_from(i.validity_days).unwrap_or(i32::MAX);
            acme::set_order_issuance(&tx, account.account_id, stored.id, i.ca_profile, days)
                .await?;
        }
        let order = acme::insert_order(
            &tx,
            acme::NewAcmeOrder {
                acme_account_id: account.id,
                order_id: stored.id,
                identifiers: &identifiers,
                expires_at: expires,
                replaces: request.replaces.as_deref(),
                profile,
            },
            now,
        )
        .await?;
        failpoint::hit("acme-new-order-after-acme-order");
        for c in &coverage {
            let wildcard = c.name.starts_with("*.");
            let status = if c.is_covered() {
                AcmeAuthzStatus::Valid
            } else {
                AcmeAuthzStatus::Pending
            };
            let authz = acme::insert_authz(
                &tx,
                order.id,
                dns_name::base_of(&c.name),
                wildcard,
                status,
                expires,
            )
            .await?;
            for kind in challenge_kinds(wildcard) {
                acme::insert_challenge(&tx, authz.id, *kind, &self.random_b64(32)).await?;
            }
        }
        failpoint::hit("acme-new-order-before-commit");
        tx.commit().await?;
        failpoint::hit("acme-new-order-after-commit");
        self.orders.placed(stored).await?;
        self.order_view(account, order.id).await
    }

    /// RFC 9773 section 5: a `replaces` certID must name a certificate of an order of the
    /// same portal account that shares a name with the new order (else `malformed`), and
    /// no other order that has not failed may already replace it (else `alreadyReplaced`).
    /// The replaced order's ACME profile, when it was an ACME order.
    async fn check_replaces(
        &self,
        account: &AcmeAccountRow,
        cert_id: &str,
        names: &[String],
    ) -> Result<Option<AcmeProfile>, AcmeError> {
        let not_ours = || {
            AcmeError::Malformed(format!(
                "replaces: {cert_id} is not a certificate of this account"
            ))
        };
        let cert = match self.certificate_by_cert_id(cert_id).await {
            Ok(c) => c,
            Err(AcmeError::NotFound) => return Err(not_ours()),
            Err(e) => return Err(e),
        };
        let replaced = acme_renewal::order_of_certificate(&self.store, account.account_id, cert.id)
            .await?
            .ok_or_else(not_ours)?;
        let old_names = orders::names(&self.store, replaced.id).await?;
        if !names.iter().any(|n| old_names.contains(n)) {
            return Err(AcmeError::Malformed(format!(
                "replaces: {cert_id} shares no name with this order"
            )));
        }
        for other in acme_renewal::orders_replacing(&self.store, cert_id).await? {
            let Some(row) = orders::get(&self.store, account.account_id, other.order_id).await?
            else {
                continue;
            };
            let authzs = acme::authzs_of_order(&self.store, other.id).await?;
            if status_of(&row, &authzs) != "invalid" {
                return Err(AcmeError::AlreadyReplaced(format!(
                    "{cert_id} is already replaced by order {}",
                    other.id
                )));
            }
        }
        Ok(acme::order_of_order_row(&self.store, replaced.id)
            .await?
            .map(|o| *o.profile))
    }

    /// The tags of the credential the account was bound with, for the order's reports.
    /// The credential that bound the account: its tags and organization go on its orders.
    async fn binding(
        &self,
        account: &AcmeAccountRow,
    ) -> Result<Option<crate::store::acme::EabRow>, AcmeError> {
        let rows = acme::eabs_for_account(&self.store, account.account_id).await?;
        Ok(rows.into_iter().find(|e| Some(e.id) == account.eab_id))
    }
}
