//! One S/MIME order's page: its two steps with their statuses, and the certificate and chain
//! once issued (the page builds the PKCS#12 from them and the saved key).

use app::model::{
    Moment,
    smime::{LINK_HOURS, PROOF_REUSE_DAYS, SmimeView},
};
use chrono::{DateTime, Duration, Utc};

use super::{activation_step, email_step, link_fresh};
use crate::services::{
    identity::Caller,
    orders::{DownloadFormat, OrderError, OrderService},
};

fn when(t: DateTime<Utc>) -> Moment {
    Moment::from(t)
}

impl OrderService {
    pub async fn smime_view(
        &self,
        caller: &Caller,
        order_id: i32,
    ) -> Result<SmimeView, OrderError> {
        // Self-service: an order in the caller's reach, whatever their role.
        let (order, m) = self.smime_order(caller, order_id).await?;
        let status = *order.status;
        let now = self.clock.now();
        let email = email_step(status, &m, now);
        let (certificate_pem, certificate_serial) = match order.certificate_id {
            Some(id) => {
                let pem = self.download_of(&order, DownloadFormat::Pem).await?;
                let serial = crate::store::certificates::find_by_id(&self.store, id)
                    .await?
                    .map(|c| c.serial_hex);
                (
                    Some(String::from_utf8_lossy(&pem.bytes).into_owned()),
                    serial,
                )
            }
            None => (None, None),
        };
        let pending_link = m.value_hash.is_some() && link_fresh(m.value_sent_at, now);
        Ok(SmimeView {
            order_id: order.id,
            product: order.product_name.clone(),
            validity_days: i64::from(order.validity_days),
            order_status: status,
            email: m.email.clone(),
            email_step: email,
            activation_step: activation_step(status, email),
            link_sent_at: m.value_sent_at.filter(|_| pending_link).map(when),
            link_expires_at: m
                .value_sent_at
                .filter(|_| pending_link)
                .map(|s| when(s + Duration::hours(LINK_HOURS))),
            verified_until: m
                .verified_at
                .map(|v| when(v + Duration::days(PROOF_REUSE_DAYS))),
            csr_pem: order.csr_pem.clone(),
            certificate_pem,
            certificate_serial,
            issue_error: order.issue_error.clone(),
        })
    }
}
