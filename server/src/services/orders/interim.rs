//! Interim DV (the seeds' "Download Interim DV"): while an OV or EV order waits for its
//! organization's vetting or its EV answers, and its names are validated, the customer may take
//! a DV certificate for the same names and key at no charge. Once the order's own certificate
//! has been out for the operator's grace period, the interim one is revoked as superseded.

use app::i18n::Msg;
use app::model::{Permission, order_status::OrderStatus, orders::InterimDv};

use super::{Download, DownloadFormat, OrderError, OrderService, certificate::may_manage};
use crate::{
    ca::{CaError, NamesRule, SignOptions},
    domain::revocation::RevocationReason,
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::{OrderRow, certificates, orders},
};

impl OrderService {
    /// Where the order stands for an interim DV certificate.
    pub(super) async fn interim_dv(&self, o: &OrderRow) -> Result<InterimDv, OrderError> {
        if o.product_kind.vetting_level().is_none() {
            return Ok(InterimDv::NotOffered);
        }
        if o.interim_superseded_at.is_some() {
            return Ok(InterimDv::Superseded);
        }
        if o.interim_certificate_id.is_some() {
            return Ok(InterimDv::Issued);
        }
        if o.certificate_id.is_some()
            || !matches!(*o.status, OrderStatus::Accepted | OrderStatus::InProgress)
            || o.csr_pem.is_none()
        {
            return Ok(InterimDv::NotOffered);
        }
        let names = orders::names(&self.store, o.id).await?;
        let coverage = self.validation.coverage(o.account_id, &names).await?;
        Ok(if coverage.iter().all(|c| c.is_covered()) {
            InterimDv::Available
        } else {
            InterimDv::NotOffered
        })
    }

    /// Issues the order's interim DV certificate: the order's names, validated, and its key,
    /// with the DV profile (no organization). A second call finds the first one's.
    pub async fn issue_interim_dv(&self, caller: &Caller, order_id: i32) -> Result<(), OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let o = self.visible(caller, order_id).await?;
        may_manage(caller, &o)?;
        match self.interim_dv(&o).await? {
            InterimDv::Available => {}
            InterimDv::Issued => return Ok(()),
            InterimDv::NotOffered | InterimDv::Superseded => {
                return Err(OrderError::Refused(Msg::new(
                    "err-interim-dv-not-available",
                )));
            }
        }
        let names = orders::names(&self.store, o.id).await?;
        let coverage = self.validation.coverage(o.account_id, &names).await?;
        let account_uri = self.caa_account_uri(&o).await?;
        if let Err(why) = self
            .caa_allows(o.account_id, &account_uri, &coverage)
            .await?
        {
            return Err(OrderError::Refused(
                Msg::new("err-interim-dv-refused").arg("why", why),
            ));
        }
        let csr = o.csr_pem.clone().unwrap_or_default();
        let csr = crate::ca::inspect_csr(csr.as_bytes())
            .map_err(|e| OrderError::Refused(super::place::unusable_csr(&e)))?;
        let issued = match self
            .authority
            .sign(
                &csr,
                SignOptions {
                    profile: "tls-dv",
                    days: Some(i64::from(o.validity_days)),
                    ca: None,
                    template: None,
                    names: NamesRule::Exactly(&names),
                    vetted: None,
                },
            )
            .await
        {
            Ok(issued) => issued,
            Err(CaError::Refused { rule, detail }) => {
                return Err(OrderError::Refused(
                    Msg::new("err-interim-dv-refused").arg("why", format!("{rule}: {detail}")),
                ));
            }
            Err(e) => return Err(e.into()),
        };
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        if !orders::set_interim(&tx, o.account_id, o.id, issued.certificate_id).await? {
            // Someone else's click issued one a moment before: keep theirs, withdraw this one.
            tx.rollback().await?;
            self.authority
                .revoke(&issued.serial_hex, RevocationReason::Superseded)
                .await?;
            return Ok(());
        }
        orders::add_event(
            &tx,
            o.id,
            &caller.user.name,
            "Interim DV issued",
            &format!(
                "Serial {}, for {} until the order's certificate is issued",
                issued.serial_hex,
                names.join(", ")
            ),
            now,
        )
        .await?;
        super::audit_order(
            &tx,
            caller,
            "interim_dv_issued",
            format!(
                "Interim DV certificate {} issued for order #{}",
                issued.serial_hex, o.id
            ),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The order's interim DV certificate as a file.
    pub async fn download_interim(
        &self,
        caller: &Caller,
        order_id: i32,
        format: DownloadFormat,
    ) -> Result<Download, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let o = self.visible(caller, order_id).await?;
        let Some(id) = o.interim_certificate_id else {
            return Err(OrderError::Refused(Msg::new("err-interim-dv-none")));
        };
        self.certificate_file(id, &format!("order-{}-interim-dv", o.id), format)
            .await
    }

    /// Revokes, as superseded, the interim DV certificates whose order's own certificate has
    /// been out for the grace period; how many.
    pub async fn supersede_interims(&self) -> Result<usize, OrderError> {
        let now = self.clock.now();
        let mut done = 0;
        for o in orders::with_interim_to_supersede(&self.store).await? {
            let (Some(interim), Some(main)) = (o.interim_certificate_id, o.certificate_id) else {
                continue;
            };
            let Some(main) = certificates::find_by_id(&self.store, main).await? else {
                continue;
            };
            let out_since = main.issued_at.unwrap_or(main.not_before);
            if out_since + self.interim_grace > now {
                continue;
            }
            let Some(interim) = certificates::find_by_id(&self.store, interim).await? else {
                continue;
            };
            match self
                .authority
                .revoke(&interim.serial_hex, RevocationReason::Superseded)
                .await
            {
                Ok(())
                | Err(CaError::Refused {
                    rule: "revoke.already",
                    ..
                }) => {}
                Err(e) => return Err(e.into()),
            }
            let tx = self.store.begin().await?;
            if orders::set_interim_superseded(&tx, o.id, now).await? {
                orders::add_event(
                    &tx,
                    o.id,
                    "Rootline",
                    "Interim DV revoked",
                    &format!(
                        "Serial {}: superseded by the order's certificate {}",
                        interim.serial_hex, main.serial_hex
                    ),
                    now,
                )
                .await?;
                audit::record(
                    &tx,
                    now,
                    AuditEntry {
                        account_id: Some(o.account_id),
                        user_id: None,
                        ip: None,
                        module: "orders",
                        action: "interim_dv_superseded",
                        summary: format!(
                            "Interim DV certificate {} of order #{} revoked: superseded",
                            interim.serial_hex, o.id
                        ),
                    },
                )
                .await?;
                done += 1;
            }
            tx.commit().await?;
        }
        Ok(done)
    }
}
