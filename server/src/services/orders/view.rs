//! The order page (ORD-6): the order, how each name's validation stands, its history, what
//! the caller may do; and the certificate downloads (PEM, DER, PKCS#7 chain).

use app::i18n::Msg;
use app::model::{
    Permission,
    money::Money,
    order_actions::{CreditNoteView, LinkedOrder, credit_note_number},
    order_status::OrderStatus,
    orders::{NameProgress, OrderEventView, OrderSource, OrderView},
};

use super::{
    OrderError, OrderService,
    certificate::{self, may_manage},
};
use crate::{
    ca::{pem_certificate, pkcs7_certs_only},
    services::{identity::Caller, validation},
    store::{OrderRow, acme_renewal, credit_notes, delegates, groups, order_links, orders, users},
};

/// A certificate file to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    pub file_name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// The formats an issued certificate downloads in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DownloadFormat {
    /// The leaf and its chain, PEM.
    Pem,
    /// The leaf alone, DER.
    Der,
    /// The leaf and its chain, PKCS#7 (DER).
    Pkcs7,
}

impl DownloadFormat {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "pem" => Some(Self::Pem),
            "der" | "cer" => Some(Self::Der),
            "p7b" | "pkcs7" => Some(Self::Pkcs7),
            _ => None,
        }
    }
}

impl OrderService {
    /// Each name of the order with the domain covering it or to validate.
    pub(super) async fn progress(&self, order: &OrderRow) -> Result<Vec<NameProgress>, OrderError> {
        let names = orders::names(&self.store, order.id).await?;
        if order.private_ca.is_some() {
            return Ok(names
                .into_iter()
                .map(|name| NameProgress {
                    name,
                    covered_by: None,
                    domain: None,
                    corroboration: None,
                })
                .collect());
        }
        let now = self.clock.now();
        let coverage = self.validation.coverage(order.account_id, &names).await?;
        // The domain that covers each name, or the one to validate: its newest corroboration.
        let domain_of = |c: &validation::NameCoverage| {
            c.covered_by
                .as_ref()
                .or(c.to_validate.as_ref())
                .map(|d| d.name.to_ascii_lowercase())
        };
        let domains: Vec<String> = coverage.iter().filter_map(domain_of).collect();
        let rounds = self
            .validation
            .corroboration_views(order.account_id, &domains)
            .await?;
        Ok(coverage
            .into_iter()
            .map(|c| {
                let corroboration = domain_of(&c).and_then(|d| rounds.get(&d).cloned());
                NameProgress {
                    name: c.name,
                    covered_by: c.covered_by.map(|d| d.name),
                    domain: c.to_validate.map(|d| self.validation.view_of(&d, now)),
                    corroboration,
                }
            })
            .collect())
    }

    pub async fn order_view(
        &self,
        caller: &Caller,
        order_id: i32,
    ) -> Result<OrderView, OrderError> {
        // Self-service: an order in the caller's reach, whatever their role.
        let o = self.visible(caller, order_id).await?;
        let status = *o.status;
        let group = groups::for_account(&self.store, o.account_id)
            .await?
            .into_iter()
            .find(|g| g.id == o.group_id)
            .map(|g| g.name)
            .unwrap_or_default();
        let placed_by = users::find(&self.store, o.placed_by)
            .await?
            .map(|u| u.name)
            .unwrap_or_default();
        let events = orders::events(&self.store, o.id)
            .await?
            .into_iter()
            .map(|e| OrderEventView {
                at: app::model::Stamp::from(e.at),
                actor: e.actor,
                action: e.action,
                detail: e.detail,
            })
            .collect();
        let approver = caller.can(Permission::ApproveOrders);
        let pending = matches!(
            status,
            OrderStatus::PendingApproval | OrderStatus::PendingParentApproval
        );
        // The product may have changed or gone since; the checklist is advice, not a gate.
        let checklist = if pending && o.private_ca.is_some() {
            self.catalog
                .product_for_order(o.account_id, o.product_id, o.currency.as_str())
                .await
                .map(|p| p.checklist)
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let now = self.clock.now();
        let certificate_row = self.certificate_of(&o).await?;
        let certificate = match &certificate_row {
            Some(c) => {
                let chain = match self.download_of(&o, DownloadFormat::Pem).await {
                    Ok(d) => String::from_utf8(d.bytes).unwrap_or_default(),
                    Err(_) => String::new(),
                };
                Some(certificate::view(c, chain, now))
            }
            None => None,
        };
        let live = status == OrderStatus::Fulfilled
            && certificate_row
                .as_ref()
                .is_some_and(|c| c.revoked_at.is_none() && c.not_after > now);
        let manager = may_manage(caller, &o).is_ok();
        let smime = super::is_smime(&o);
        let link = |l: order_links::OrderLinkRow, other: i32| LinkedOrder {
            order_id: other,
            kind: *l.kind,
            reason: l.reason,
        };
        let origin = order_links::origin(&self.store, o.id).await?.map(|l| {
            let other = l.origin_order_id;
            link(l, other)
        });
        let successor_rows = order_links::successors(&self.store, o.id).await?;
        let renewed = successor_rows.iter().any(|l| l.renewal_of.is_some());
        let successors: Vec<LinkedOrder> = successor_rows
            .into_iter()
            .map(|l| {
                let other = l.order_id;
                link(l, other)
            })
            .collect();
        let renewal_open = certificate_row
            .as_ref()
            .is_some_and(|c| now >= certificate::renewable_from(c.not_after));
        // A sub-account's order is paid by its partner: its document is the partner's
        // statement, numbered after the order.
        let invoice_number = crate::store::ledger::order_transaction(
            &self.store,
            o.partner_account_id.unwrap_or(o.account_id),
            o.id,
            crate::domain::ledger::Kind::OrderCharge,
        )
        .await?
        .map(|(t, _)| match o.partner_account_id {
            Some(_) => super::invoice::partner_statement_number(o.id),
            None => super::invoice::invoice_number(t.id),
        });
        // Charges since invoices were numbered per financial year carry their tax invoice.
        let invoice_number = match (invoice_number, o.partner_account_id) {
            (Some(old), None) => Some(
                crate::store::tax_invoices::for_order(&self.store, o.account_id, o.id)
                    .await?
                    .map_or(old, |t| t.number),
            ),
            (other, _) => other,
        };
        let credit_notes = credit_notes::for_order(&self.store, o.account_id, o.id)
            .await?
            .into_iter()
            .map(|n| CreditNoteView {
                id: n.id,
                number: credit_note_number(n.id),
                amount: Money::new(n.amount_minor, *n.currency),
                remarks: n.remarks,
                created_at: app::model::Stamp::from(n.created_at),
            })
            .collect();
        let delegate_email = delegates::find(&self.store, o.id).await?.map(|d| d.email);
        // RFC 9773: ACME clients asking for renewal information renew a marked certificate.
        let renewal_mark = match &certificate_row {
            Some(c) => acme_renewal::mark(&self.store, c.id).await?,
            None => None,
        };
        let acme_profile = match *o.source {
            OrderSource::Acme => crate::store::acme::order_of_order_row(&self.store, o.id)
                .await?
                .map(|a| *a.profile),
            _ => None,
        };
        let tracking_url = self.requester_link(&self.store, &o).await?;
        let change_names_price = if manager
            && live
            && o.private_ca.is_none()
            && caller.can(Permission::RequestCertificates)
            && o.product_kind.is_multi_domain()
        {
            self.price_per_added_name(&o).await
        } else {
            None
        };
        let organization_row = match o.organization_id {
            Some(id) => {
                crate::store::organizations::get_usable(&self.store, o.account_id.into(), id.into())
                    .await?
            }
            None => None,
        };
        let organization_in_vetting = o.certificate_id.is_none()
            && !status.is_final()
            && organization_row
                .as_ref()
                .is_some_and(|row| row.status.in_vetting());
        let organization =
            organization_row.map(|row| (app::model::OrganizationId(row.id), row.legal_name));
        Ok(OrderView {
            id: o.id,
            product: o.product_name.clone(),
            organization,
            organization_in_vetting,
            ev_steps: self.ev_steps_of(&self.store, &o).await?,
            interim_dv: self.interim_dv(&o).await?,
            private: o.private_ca.is_some(),
            validity_days: i64::from(o.validity_days),
            status,
            price: Money::new(o.price_minor, *o.currency),
            group,
            placed_by,
            requester_name: o.requester_name.clone(),
            requester_email: o.requester_email.clone(),
            names: self.progress(&o).await?,
            has_csr: o.csr_pem.is_some(),
            key_source: *o.key_source,
            tags: split(&o.tags),
            remarks: o.remarks.clone(),
            auto_renew: o.auto_renew,
            reason: o.reason.clone(),
            issue_error: o.issue_error.clone(),
            tracking_url,
            certificate_serial: certificate_row.as_ref().map(|c| c.serial_hex.clone()),
            created_at: app::model::Stamp::from(o.created_at),
            events,
            can_approve: approver && pending,
            checklist,
            can_cancel: !status.is_final() && (approver || o.placed_by == caller.user.id),
            can_pay: status == OrderStatus::OnHold && caller.can(Permission::RequestCertificates),
            tech_name: o.tech_name.clone(),
            tech_email: o.tech_email.clone(),
            extra_emails: split(&o.extra_emails),
            delegate_email,
            certificate,
            origin,
            can_revoke: manager && live,
            can_reissue: manager && live && !smime && caller.can(Permission::RequestCertificates),
            can_renew: manager
                && live
                && !smime
                && renewal_open
                && caller.can(Permission::RequestCertificates)
                && !renewed,
            can_edit: manager && !matches!(status, OrderStatus::Cancelled | OrderStatus::Rejected),
            change_names_price,
            can_renew_early: approver
                && live
                && *o.source == OrderSource::Acme
                && renewal_mark.is_none(),
            renewal_marked: renewal_mark.map(|m| app::model::Moment::from(m.marked_at)),
            acme_profile,
            successors,
            credit_notes,
            invoice_number,
        })
    }

    /// The issued certificate of an order in the format asked for.
    pub(super) async fn download_of(
        &self,
        o: &OrderRow,
        format: DownloadFormat,
    ) -> Result<Download, OrderError> {
        let Some(cert_id) = o.certificate_id else {
            return Err(OrderError::Refused(Msg::new(
                "err-certificate-not-issued-yet",
            )));
        };
        self.certificate_file(cert_id, &format!("order-{}", o.id), format)
            .await
    }

    /// Certificate `cert_id` with its chain as a file named after `stem`.
    pub(super) async fn certificate_file(
        &self,
        cert_id: i32,
        stem: &str,
        format: DownloadFormat,
    ) -> Result<Download, OrderError> {
        let row = crate::store::certificates::find_by_id(&self.store, cert_id)
            .await?
            .ok_or(OrderError::NotFound)?;
        let chain = self
            .authority
            .certificate_chain(&row.serial_hex)
            .await?
            .ok_or(OrderError::NotFound)?;
        Ok(match format {
            DownloadFormat::Pem => Download {
                file_name: format!("{stem}.pem"),
                content_type: "application/x-pem-file",
                bytes: std::iter::once(&chain.leaf)
                    .chain(chain.chain.iter())
                    .map(|der| pem_certificate(der))
                    .collect::<String>()
                    .into_bytes(),
            },
            DownloadFormat::Der => Download {
                file_name: format!("{stem}.cer"),
                content_type: "application/pkix-cert",
                bytes: chain.leaf,
            },
            DownloadFormat::Pkcs7 => {
                let mut all = vec![chain.leaf];
                all.extend(chain.chain);
                Download {
                    file_name: format!("{stem}.p7b"),
                    content_type: "application/pkcs7-mime",
                    bytes: pkcs7_certs_only(&all),
                }
            }
        })
    }

    pub async fn download(
        &self,
        caller: &Caller,
        order_id: i32,
        format: DownloadFormat,
    ) -> Result<Download, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let o = self.visible(caller, order_id).await?;
        self.download_of(&o, format).await
    }
}

pub(super) fn split(list: &str) -> Vec<String> {
    list.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}
