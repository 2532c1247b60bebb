//! "Verify Now": check the published value (DNS TXT, HTTP file), or send the constructed
//! e-mail whose link completes the check.

use crate::services::identity::Caller;
use app::i18n::{Lang, Msg};
use app::model::Permission;
use app::model::domains::DcvMethod;
use chrono::{DateTime, Utc};

use super::{ValidationError, ValidationService, mails};
use crate::{
    domain::dcv,
    services::notifications,
    store::{DomainRow, domains},
};

/// What a check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckOutcome {
    Verified {
        until: DateTime<Utc>,
    },
    /// Not (yet) shown, with what was found.
    NotYet(Msg),
    /// The e-mail with the confirmation link went to this address.
    EmailSent(String),
}

impl ValidationService {
    /// "Verify now" on a domain of the caller's account.
    pub async fn verify_for(
        &self,
        caller: &Caller,
        domain_id: i32,
    ) -> Result<CheckOutcome, ValidationError> {
        caller.require(Permission::ManageDomains)?;
        let lang = caller.user.lang.map(|l| l.into_inner()).unwrap_or_default();
        self.verify(caller.account.id, domain_id, lang).await
    }

    /// Checks domain `domain_id` now, or (e-mail method) sends its validation e-mail, written
    /// in `lang`: the language of whoever asked.
    pub async fn verify(
        &self,
        account_id: i32,
        domain_id: i32,
        lang: Lang,
    ) -> Result<CheckOutcome, ValidationError> {
        let d = domains::get(&self.store, account_id, domain_id)
            .await?
            .ok_or(ValidationError::NotFound)?;
        let method = *d.method;
        let now = self.clock.now();
        if let DcvMethod::ConstructedEmail { .. } = method {
            return self.send_constructed(&d, &method, lang, now).await;
        }
        if now - d.value_created_at > dcv::value_lifetime(&method) {
            let next = self.random_value();
            domains::set_method(&self.store, account_id, d.id, method, &next, now).await?;
            let why = Msg::new("err-dcv-value-expired");
            // Kept on the domain in English, as its history is.
            let kept = why.text(Lang::En);
            domains::record_failure(&self.store, account_id, d.id, &kept, now).await?;
            return Ok(CheckOutcome::NotYet(why));
        }
        let found = match method {
            DcvMethod::DnsTxt => match self.dns.txt(&d.name).await {
                Ok(records) if dcv::txt_matches(&records, &d.random_value) => Ok(()),
                Ok(records) if records.is_empty() => {
                    Err(Msg::new("err-dcv-no-txt").arg("name", &d.name))
                }
                Ok(_) => Err(Msg::new("err-dcv-txt-mismatch").arg("name", &d.name)),
                Err(e) => Err(Msg::new("err-dcv-check-failed").arg("detail", e.to_string())),
            },
            DcvMethod::HttpFile => {
                match self
                    .http
                    .validation_file(&d.name, dcv::HTTP_FILE_NAME)
                    .await
                {
                    Ok(body) if dcv::file_matches(&body, &d.random_value) => Ok(()),
                    Ok(_) => Err(Msg::new("err-dcv-file-mismatch")
                        .arg("location", dcv::location(&method, &d.name))),
                    Err(e) => Err(Msg::new("err-dcv-check-failed").arg("detail", e.to_string())),
                }
            }
            DcvMethod::ConstructedEmail { .. } => Err(Msg::new("err-dcv-by-email")),
        };
        match found {
            Ok(()) => self.record_success(&d, &method, now).await,
            Err(why) => {
                let kept = why.text(Lang::En);
                domains::record_failure(&self.store, account_id, d.id, &kept, now).await?;
                Ok(CheckOutcome::NotYet(why))
            }
        }
    }

    pub(super) async fn record_success(
        &self,
        d: &DomainRow,
        method: &DcvMethod,
        now: DateTime<Utc>,
    ) -> Result<CheckOutcome, ValidationError> {
        let until = dcv::reuse_until(now);
        domains::mark_verified(
            &self.store,
            d.account_id,
            d.id,
            domains::Verification {
                method: *method,
                rule: dcv::rule(method),
                rules_version: dcv::RULES_VERSION,
                expires_at: until,
            },
            &self.random_value(),
            now,
        )
        .await?;
        Ok(CheckOutcome::Verified { until })
    }

    /// Sends (or resends) the constructed e-mail. A value older than its 24 hours is
    /// replaced first, so the link in the newest e-mail always works.
    async fn send_constructed(
        &self,
        d: &DomainRow,
        method: &DcvMethod,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<CheckOutcome, ValidationError> {
        let tx = self.store.begin().await?;
        let value = if now - d.value_created_at > dcv::value_lifetime(method) {
            let next = self.random_value();
            domains::set_method(&tx, d.account_id, d.id, *d.method, &next, now).await?;
            next
        } else {
            d.random_value.clone()
        };
        let to = dcv::location(method, &d.name);
        let link = format!("{}/dcv/confirm/{}/{}", self.public_url, d.id, value);
        notifications::queue(&tx, &mails::constructed(lang, &to, &d.name, &link), now).await?;
        tx.commit().await?;
        Ok(CheckOutcome::EmailSent(to))
    }
}

#[cfg(test)]
mod tests {
    use app::model::domains::{AddDomainForm, DomainStatus};
    use chrono::Duration;

    use super::super::{ValidationError, test_support::harness};
    use super::*;

    async fn add(
        h: &super::super::test_support::Harness,
        name: &str,
        method: &str,
    ) -> (i32, String) {
        let d = h
            .service
            .add_domain(
                h.account_id,
                &AddDomainForm {
                    name: name.into(),
                    method: method.into(),
                },
            )
            .await
            .unwrap();
        (d.id, d.value.unwrap_or_default())
    }

    #[tokio::test]
    async fn a_published_txt_record_verifies_the_domain_and_records_the_rule() {
        let h = harness().await;
        let (id, value) = add(&h, "example.com", "dns_txt").await;
        let before = h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        assert_eq!(
            before,
            CheckOutcome::NotYet(Msg::new("err-dcv-no-txt").arg("name", "example.com"))
        );
        h.dns.add_txt("example.com", "unrelated");
        h.dns.add_txt("example.com", &value);
        let after = h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        assert!(matches!(after, CheckOutcome::Verified { .. }));
        let page = h.service.domains_page(h.account_id, true).await.unwrap();
        let d = &page.domains[0];
        assert_eq!(d.status, DomainStatus::Verified);
        assert_eq!(d.rule.as_deref(), Some("TLS BR 3.2.2.4.7 (DNS change)"));
        assert_ne!(
            d.value.as_deref(),
            Some(value.as_str()),
            "a used value is replaced"
        );
    }

    #[tokio::test]
    async fn the_http_file_verifies_and_a_wrong_body_does_not() {
        let h = harness().await;
        let (id, value) = add(&h, "www.example.com", "http_file").await;
        h.http
            .publish("www.example.com", dcv::HTTP_FILE_NAME, "something else");
        assert!(matches!(
            h.service.verify(h.account_id, id, Lang::En).await.unwrap(),
            CheckOutcome::NotYet(_)
        ));
        h.http.publish(
            "www.example.com",
            dcv::HTTP_FILE_NAME,
            &format!("{value}\n"),
        );
        assert!(matches!(
            h.service.verify(h.account_id, id, Lang::En).await.unwrap(),
            CheckOutcome::Verified { .. }
        ));
    }

    #[tokio::test]
    async fn a_dns_failure_or_an_old_value_does_not_verify() {
        let h = harness().await;
        let (id, value) = add(&h, "example.com", "dns_txt").await;
        h.dns.add_txt("example.com", &value);
        h.clock.advance(Duration::days(31));
        let old = h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        assert!(
            matches!(old, CheckOutcome::NotYet(ref why) if why.to_string().contains("30 days"))
        );

        let (id2, _) = add(&h, "broken.com", "dns_txt").await;
        h.dns.fail("broken.com");
        let failed = h.service.verify(h.account_id, id2, Lang::En).await.unwrap();
        assert!(
            matches!(failed, CheckOutcome::NotYet(ref why) if why.to_string().contains("failed"))
        );
    }

    #[tokio::test]
    async fn another_accounts_domain_is_not_found() {
        let h = harness().await;
        let (id, _) = add(&h, "example.com", "dns_txt").await;
        let e = h.service.verify(h.other_account_id, id, Lang::En).await;
        assert!(matches!(e, Err(ValidationError::NotFound)));
    }

    #[tokio::test]
    async fn the_constructed_email_is_queued_and_its_link_confirms_once() {
        let h = harness().await;
        let (id, _) = add(&h, "example.com", "email:hostmaster").await;
        let sent = h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        assert_eq!(
            sent,
            CheckOutcome::EmailSent("hostmaster@example.com".into())
        );
        let mails = super::super::test_support::mails(&h.store).await;
        let text = &mails.last().unwrap().body;
        let link = text
            .lines()
            .find(|l| l.contains("/dcv/confirm/"))
            .unwrap()
            .trim()
            .to_owned();
        let value = link.rsplit('/').next().unwrap().to_owned();
        assert!(h.service.confirm_email(id, "0000").await.is_err());
        let (account, name) = h.service.confirm_email(id, &value).await.unwrap();
        assert_eq!((account, name.as_str()), (h.account_id, "example.com"));
        assert!(
            h.service.confirm_email(id, &value).await.is_err(),
            "a value confirms once"
        );
    }

    #[tokio::test]
    async fn an_emailed_value_expires_after_a_day() {
        let h = harness().await;
        let (id, _) = add(&h, "example.com", "email:admin").await;
        h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        let mails = super::super::test_support::mails(&h.store).await;
        let value = mails
            .last()
            .unwrap()
            .body
            .lines()
            .find(|l| l.contains("/dcv/confirm/"))
            .and_then(|l| l.trim().rsplit('/').next().map(str::to_owned))
            .unwrap();
        h.clock.advance(Duration::hours(25));
        assert!(h.service.confirm_email(id, &value).await.is_err());
    }
}
