//! "Verify Now": check the published value (DNS TXT, HTTP file) or the persistent record,
//! or send the e-mail (constructed, or to the DNS contacts) whose link completes the check.

use crate::services::identity::Caller;
use app::i18n::{Lang, Msg};
use app::model::Permission;
use app::model::{corroboration::CorroboratedCheck, domains::DcvMethod};
use chrono::{DateTime, Utc};
use std::sync::Arc;

use super::{ValidationError, ValidationService, mails};
use crate::{
    domain::{br_rules::BrMethod, dcv},
    perspective::corroborate::{Check, Remote, check},
    ports::{DnsResolver, HttpFetcher},
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
        if let Some(why) = self.refusal(method, now) {
            // Kept on the domain in English, as its history is.
            domains::record_failure(&self.store, account_id, d.id, &why.text(Lang::En), now)
                .await?;
            return Ok(CheckOutcome::NotYet(why));
        }
        match method {
            DcvMethod::ConstructedEmail { .. } => {
                return self.send_constructed(&d, &method, lang, now).await;
            }
            DcvMethod::CaaContactEmail | DcvMethod::TxtContactEmail => {
                return self.send_to_contacts(&d, method, lang, now).await;
            }
            DcvMethod::DnsPersist { wildcard } => {
                return self.verify_persist(&d, wildcard, now).await;
            }
            DcvMethod::DnsTxt | DcvMethod::HttpFile => {}
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
            DcvMethod::DnsTxt => dns_txt_shows(&*self.dns, &d.name, &d.random_value).await,
            DcvMethod::HttpFile => http_file_shows(&*self.http, &d.name, &d.random_value).await,
            // Answered above: the persistent record, and the e-mails.
            DcvMethod::DnsPersist { .. }
            | DcvMethod::ConstructedEmail { .. }
            | DcvMethod::CaaContactEmail
            | DcvMethod::TxtContactEmail => Err(Msg::new("err-dcv-by-email")),
        };
        // What the primary saw must be seen from the remote perspectives too (BR 3.2.2.9).
        let found = match found {
            Ok(()) => self.corroborate_published(&d, method).await?,
            Err(why) => Err(why),
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

    /// Repeats the DNS or file check of `d` from the remote perspectives.
    async fn corroborate_published(
        &self,
        d: &DomainRow,
        method: DcvMethod,
    ) -> Result<Result<(), Msg>, ValidationError> {
        let (kind, check): (CorroboratedCheck, Check<'_>) = match method {
            DcvMethod::DnsTxt => (
                CorroboratedCheck::DnsTxt,
                check(|remote: Arc<dyn Remote>| async move {
                    dns_txt_shows(&*remote, &d.name, &d.random_value)
                        .await
                        .map_err(|why| why.text(Lang::En))
                }),
            ),
            DcvMethod::HttpFile => (
                CorroboratedCheck::HttpFile,
                check(|remote: Arc<dyn Remote>| async move {
                    http_file_shows(&*remote, &d.name, &d.random_value)
                        .await
                        .map_err(|why| why.text(Lang::En))
                }),
            ),
            // Corroborated where they are checked (`persist.rs`, `contact_email.rs`).
            DcvMethod::DnsPersist { .. }
            | DcvMethod::ConstructedEmail { .. }
            | DcvMethod::CaaContactEmail
            | DcvMethod::TxtContactEmail => return Ok(Ok(())),
        };
        self.corroborate(d.account_id, &d.name, kind, check).await
    }

    pub(super) async fn record_success(
        &self,
        d: &DomainRow,
        method: &DcvMethod,
        now: DateTime<Utc>,
    ) -> Result<CheckOutcome, ValidationError> {
        let until = self
            .record_validation(
                super::record_validation::Validated {
                    account_id: d.account_id,
                    domain_id: d.id,
                    name: &d.name,
                    authorization_domain: &d.name,
                    method: *method,
                    by: BrMethod::of_portal(*method),
                    not_after: None,
                },
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

/// BR 3.2.2.4.7: the TXT record at the domain holds the random value.
pub(crate) async fn dns_txt_shows(
    dns: &dyn DnsResolver,
    name: &str,
    value: &str,
) -> Result<(), Msg> {
    match dns.txt(name).await {
        Ok(records) if dcv::txt_matches(&records, value) => Ok(()),
        Ok(records) if records.is_empty() => Err(Msg::new("err-dcv-no-txt").arg("name", name)),
        Ok(_) => Err(Msg::new("err-dcv-txt-mismatch").arg("name", name)),
        Err(e) => Err(Msg::new("err-dcv-check-failed").arg("detail", e.to_string())),
    }
}

/// BR 3.2.2.4.18: the file under `/.well-known/pki-validation/` holds the random value.
pub(crate) async fn http_file_shows(
    http: &dyn HttpFetcher,
    name: &str,
    value: &str,
) -> Result<(), Msg> {
    match http.validation_file(name, dcv::HTTP_FILE_NAME).await {
        Ok(body) if dcv::file_matches(&body, value) => Ok(()),
        Ok(_) => Err(Msg::new("err-dcv-file-mismatch")
            .arg("location", dcv::location(&DcvMethod::HttpFile, name))),
        Err(e) => Err(Msg::new("err-dcv-check-failed").arg("detail", e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use app::model::domains::DomainStatus;
    use chrono::Duration;

    use super::super::{ValidationError, test_support::harness};
    use super::*;
    use crate::domain::br_rules::Rule;

    #[tokio::test]
    async fn a_published_txt_record_verifies_the_domain_and_records_the_rule() {
        let h = harness().await;
        let (id, value) = h.add("example.com", "dns_txt").await;
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
        // BR 5.4.1 (ballot SC-099): the audit log names what was validated and the method.
        let audit = crate::store::audit::for_account(&h.store, h.account_id)
            .await
            .unwrap();
        let logged: Vec<_> = audit
            .iter()
            .filter(|a| a.action == "domain_validated")
            .collect();
        assert_eq!(logged.len(), 1, "one entry for one validation");
        assert_eq!(logged[0].module, "domains");
        assert_eq!(
            logged[0].summary,
            "Validated control of example.com by TLS BR 3.2.2.4.7 (DNS change) (ca-tbr-7)"
        );
    }

    #[tokio::test]
    async fn the_http_file_verifies_and_a_wrong_body_does_not() {
        let h = harness().await;
        let (id, value) = h.add("www.example.com", "http_file").await;
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
        let (id, value) = h.add("example.com", "dns_txt").await;
        h.dns.add_txt("example.com", &value);
        h.clock.advance(Duration::days(31));
        let old = h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        assert!(
            matches!(old, CheckOutcome::NotYet(ref why) if why.to_string().contains("30 days"))
        );

        let (id2, _) = h.add("broken.com", "dns_txt").await;
        h.dns.fail("broken.com");
        let failed = h.service.verify(h.account_id, id2, Lang::En).await.unwrap();
        assert!(
            matches!(failed, CheckOutcome::NotYet(ref why) if why.to_string().contains("failed"))
        );
    }

    #[tokio::test]
    async fn another_accounts_domain_is_not_found() {
        let h = harness().await;
        let (id, _) = h.add("example.com", "dns_txt").await;
        let e = h.service.verify(h.other_account_id, id, Lang::En).await;
        assert!(matches!(e, Err(ValidationError::NotFound)));
    }

    #[tokio::test]
    async fn the_constructed_email_is_queued_and_its_link_confirms_once() {
        let h = harness().await;
        let (id, _) = h.add("example.com", "email:hostmaster").await;
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
        let (id, _) = h.add("example.com", "email:admin").await;
        h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        let value = mailed_value(&h).await;
        h.clock.advance(Duration::hours(25));
        assert!(h.service.confirm_email(id, &value).await.is_err());
    }

    /// The value in the link of the newest validation e-mail.
    async fn mailed_value(h: &super::super::test_support::Harness) -> String {
        super::super::test_support::mails(&h.store)
            .await
            .last()
            .unwrap()
            .body
            .lines()
            .find(|l| l.contains("/dcv/confirm/"))
            .and_then(|l| l.trim().rsplit('/').next().map(str::to_owned))
            .unwrap()
    }

    #[tokio::test]
    async fn the_constructed_email_goes_out_the_second_before_2028_03_15_and_not_from_it() {
        let h = harness().await;
        let refused = Rule::EmailMethodsRefused.starts();
        let (id, _) = h.add("example.com", "email:admin").await;
        h.clock.set(refused - Duration::seconds(1));
        let sent = h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        assert!(matches!(sent, CheckOutcome::EmailSent(_)), "{sent:?}");
        let value = mailed_value(&h).await;
        let queued = super::super::test_support::mails(&h.store).await.len();

        // At midnight the mailed link confirms nothing and no e-mail goes out any more.
        h.clock.set(refused);
        match h.service.confirm_email(id, &value).await {
            Err(ValidationError::Refused(why)) => {
                assert_eq!(why.key(), "err-dcv-method-withdrawn")
            }
            other => panic!("{other:?}"),
        }
        let outcome = h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        match outcome {
            CheckOutcome::NotYet(why) => {
                assert_eq!(why.key(), "err-dcv-method-withdrawn");
                assert!(why.to_string().contains("3.2.2.4.4"), "{why}");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            super::super::test_support::mails(&h.store).await.len(),
            queued
        );
    }

    #[tokio::test]
    async fn an_e_mail_validation_stops_counting_at_midnight_on_2028_03_15() {
        let h = harness().await;
        let refused = Rule::EmailMethodsRefused.starts();
        let (email, _) = h.add("mailed.example.com", "email:admin").await;
        let (dns, _) = h.add("published.example.com", "dns_txt").await;
        h.clock.set(refused - Duration::days(30));
        h.service
            .verify(h.account_id, email, Lang::En)
            .await
            .unwrap();
        let mailed = mailed_value(&h).await;
        h.service.confirm_email(email, &mailed).await.unwrap();
        // The DNS value was made on 2026-11-21: make a fresh one the day of the check.
        h.service
            .change_method(h.account_id, dns, "dns_txt")
            .await
            .unwrap();
        let fresh = h.service.domains_page(h.account_id, true).await.unwrap();
        let fresh = fresh
            .domains
            .iter()
            .find(|d| d.id == dns)
            .and_then(|d| d.value.clone())
            .unwrap();
        h.dns.add_txt("published.example.com", &fresh);
        assert!(matches!(
            h.service.verify(h.account_id, dns, Lang::En).await.unwrap(),
            CheckOutcome::Verified { .. }
        ));

        let statuses = |page: app::model::domains::DomainsPage| -> Vec<(String, DomainStatus)> {
            page.domains
                .into_iter()
                .map(|d| (d.name, d.status))
                .collect()
        };
        h.clock.set(refused - Duration::seconds(1));
        let before = statuses(h.service.domains_page(h.account_id, true).await.unwrap());
        assert!(before.contains(&("mailed.example.com".into(), DomainStatus::Verified)));
        h.clock.set(refused);
        let after = h.service.domains_page(h.account_id, true).await.unwrap();
        let mailed_row = after
            .domains
            .iter()
            .find(|d| d.id == email)
            .unwrap()
            .clone();
        assert_eq!(mailed_row.status, DomainStatus::Expired);
        assert_eq!(
            mailed_row.dcv_expires_at,
            Some(app::model::Stamp::from(refused))
        );
        assert!(
            statuses(after).contains(&("published.example.com".into(), DomainStatus::Verified))
        );
    }

    #[tokio::test]
    async fn a_validation_counts_no_longer_than_the_period_of_the_day_of_issuance() {
        let h = harness().await;
        let (id, value) = h.add("example.com", "dns_txt").await;
        h.dns.add_txt("example.com", &value);
        // Verified on 2026-11-21 under 200 days, but 100 days apply from 2027-03-15.
        let verified = h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        let cut = Rule::DcvReuse100.starts();
        assert_eq!(verified, CheckOutcome::Verified { until: cut });
        let status_at = async |at| {
            h.clock.set(at);
            h.service
                .domains_page(h.account_id, true)
                .await
                .unwrap()
                .domains[0]
                .status
        };
        assert_eq!(
            status_at(cut - Duration::seconds(1)).await,
            DomainStatus::Verified
        );
        assert_eq!(status_at(cut).await, DomainStatus::Expired);
    }
}
