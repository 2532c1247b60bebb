//! CAA for a Mailbox Address (S/MIME BR 4.2.2.1, required since 2025-03-15; RFC 9495): before
//! an S/MIME certificate is issued, the `issuemail` properties of the mailbox domain's
//! relevant CAA RRset must allow this CA. The check is the TLS one's climb and lookup-failure
//! rule, and it is repeated from the remote perspectives like every CAA check (4.2.2.2).

use std::sync::Arc;

use app::{i18n::Msg, model::corroboration::CorroboratedCheck};

use crate::{
    perspective::corroborate::{Check, Remote, check},
    services::{
        orders::{OrderError, OrderService},
        validation::{caa_lookup::check_caa_issuemail, refusal_text},
    },
};

impl OrderService {
    /// `Ok(Err)`: the refusal to show and record.
    pub(super) async fn issuemail_allows(
        &self,
        account_id: i32,
        email: &str,
    ) -> Result<Result<(), Msg>, OrderError> {
        let domain = email.rsplit_once('@').map_or(email, |(_, d)| d);
        let identities = &self.caa_identities;
        if let Err(e) = check_caa_issuemail(&*self.dns, identities, domain).await {
            return Ok(Err(
                Msg::new("err-smime-caa-refused").arg("detail", e.to_string())
            ));
        }
        let check: Check<'_> = check(move |remote: Arc<dyn Remote>| async move {
            check_caa_issuemail(&*remote, identities, domain)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        });
        let corroborated = self
            .validation
            .corroborate(account_id, domain, CorroboratedCheck::Caa, check)
            .await?;
        Ok(corroborated
            .map_err(|why| Msg::new("err-smime-caa-refused").arg("detail", refusal_text(&why))))
    }
}
