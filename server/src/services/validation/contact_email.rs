//! The e-mails to DNS contacts (TLS BR 3.2.2.4.13 and 3.2.2.4.14): the addresses are looked
//! up through the DNSSEC-validating resolver (the CAA `contactemail` properties of the
//! relevant record set, found by RFC 8659's climb; or the TXT records at
//! `_validation-contactemail.<ADN>`), the remote perspectives must see the same addresses
//! (BR 3.2.2.9 as these sections have it), and each address gets the same e-mail with a fresh
//! random value whose link confirms control, as the constructed e-mail's does.

use std::sync::Arc;

use app::i18n::{Lang, Msg};
use app::model::{corroboration::CorroboratedCheck, domains::DcvMethod};
use chrono::{DateTime, Utc};

use super::{CheckOutcome, ValidationError, ValidationService, mails};
use crate::{
    domain::{caa::CaaTarget, contact_email},
    perspective::corroborate::{Check, Remote, check},
    ports::DnsResolver,
    services::notifications,
    store::{DomainRow, domains},
};

/// The contacts of `name` for `method`, or why there are none.
pub(crate) async fn contacts(
    dns: &dyn DnsResolver,
    name: &str,
    method: DcvMethod,
) -> Result<Vec<String>, Msg> {
    let failed = |e: crate::ports::dns::DnsError| {
        Msg::new("err-dcv-check-failed").arg("detail", e.to_string())
    };
    match method {
        DcvMethod::CaaContactEmail => {
            // The relevant record set: the first non-empty one from the name up (RFC 8659
            // section 3). A failed lookup is a failed check, never an empty set.
            for candidate in CaaTarget::new(name, false).candidates() {
                let records = dns.caa(&candidate).await.map_err(failed)?;
                if records.is_empty() {
                    continue;
                }
                let found = contact_email::from_caa(&records);
                return if found.is_empty() {
                    Err(Msg::new("err-dcv-no-caa-contact").arg("name", candidate))
                } else {
                    Ok(found)
                };
            }
            Err(Msg::new("err-dcv-no-caa").arg("name", name))
        }
        DcvMethod::TxtContactEmail => {
            let record = contact_email::txt_record_name(name);
            let found = contact_email::from_txt(&dns.txt(&record).await.map_err(failed)?);
            if found.is_empty() {
                Err(Msg::new("err-dcv-no-txt-contact").arg("name", record))
            } else {
                Ok(found)
            }
        }
        DcvMethod::DnsTxt
        | DcvMethod::HttpFile
        | DcvMethod::ConstructedEmail { .. }
        | DcvMethod::DnsPersist { .. } => Err(Msg::new("err-dcv-method-not-offered")),
    }
}

impl ValidationService {
    /// Looks up the domain's contacts, has the remote perspectives confirm them, and sends
    /// each the validation e-mail in `lang`. The random value is new with every sending, so
    /// an e-mail is never re-sent to other recipients with the same value.
    pub(super) async fn send_to_contacts(
        &self,
        d: &DomainRow,
        method: DcvMethod,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<CheckOutcome, ValidationError> {
        let found = match contacts(&*self.dns, &d.name, method).await {
            Ok(addresses) => self.corroborate_contacts(d, method, addresses).await?,
            Err(why) => Err(why),
        };
        let addresses = match found {
            Ok(addresses) => addresses,
            Err(why) => {
                // Kept on the domain in English, as its history is.
                let kept = why.text(Lang::En);
                domains::record_failure(&self.store, d.account_id, d.id, &kept, now).await?;
                return Ok(CheckOutcome::NotYet(why));
            }
        };
        let value = self.random_value();
        let link = format!("{}/dcv/confirm/{}/{}", self.public_url, d.id, value);
        let tx = self.store.begin().await?;
        domains::set_method(&tx, d.account_id, d.id, method, &value, now).await?;
        for to in &addresses {
            let mail = mails::to_contact(lang, to, &d.name, &link, method);
            notifications::queue(&tx, &mail, now).await?;
        }
        tx.commit().await?;
        Ok(CheckOutcome::EmailSent(addresses.join(", ")))
    }

    /// The addresses, when the remote perspectives see each of them too.
    async fn corroborate_contacts(
        &self,
        d: &DomainRow,
        method: DcvMethod,
        addresses: Vec<String>,
    ) -> Result<Result<Vec<String>, Msg>, ValidationError> {
        let kind = if method == DcvMethod::CaaContactEmail {
            CorroboratedCheck::CaaContactEmail
        } else {
            CorroboratedCheck::TxtContactEmail
        };
        let name = d.name.as_str();
        let selected = addresses.as_slice();
        let check: Check<'_> = check(move |remote: Arc<dyn Remote>| async move {
            let seen = contacts(&*remote, name, method)
                .await
                .map_err(|why| why.text(Lang::En))?;
            if contact_email::corroborates(selected, &seen) {
                Ok(())
            } else {
                Err(format!("saw the contacts {}", seen.join(", ")))
            }
        });
        let outcome = self.corroborate(d.account_id, name, kind, check).await?;
        Ok(outcome.map(|()| addresses.clone()))
    }
}

#[cfg(test)]
mod tests {
    use app::model::domains::DomainStatus;
    use chrono::Duration;

    use super::super::{
        ValidationError,
        test_support::{Harness, harness, mails},
    };
    use super::*;
    use crate::domain::br_rules::Rule;

    async fn enabled() -> Harness {
        let mut h = harness().await;
        h.service = h.service.with_email_contact_methods(true);
        h
    }

    /// The value in the link of the newest validation e-mail, and to whom it went.
    async fn mailed(h: &Harness) -> (String, String) {
        let mail = mails(&h.store).await.pop().unwrap();
        let value = mail
            .body
            .lines()
            .find(|l| l.contains("/dcv/confirm/"))
            .and_then(|l| l.trim().rsplit('/').next().map(str::to_owned))
            .unwrap();
        (mail.to_address, value)
    }

    #[tokio::test]
    async fn the_caa_contact_of_the_relevant_record_set_gets_the_link_that_confirms() {
        let h = enabled().await;
        let id = h.add("shop.example.com", "caa_contact_email").await.0;
        let refused = h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        let CheckOutcome::NotYet(why) = refused else {
            panic!("{refused:?}")
        };
        assert_eq!(why.key(), "err-dcv-no-caa");
        // The relevant set is example.com's: its contactemail, not the parent's.
        h.dns
            .add_caa("com", false, "contactemail", "registry@com.test");
        h.dns
            .add_caa("example.com", false, "issue", "rootline.test");
        h.dns
            .add_caa("example.com", false, "contactemail", "owner@example.com");
        let sent = h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        assert_eq!(sent, CheckOutcome::EmailSent("owner@example.com".into()));
        let (to, value) = mailed(&h).await;
        assert_eq!(to, "owner@example.com");
        let text = mails(&h.store).await.pop().unwrap().body;
        assert!(text.contains("CAA"), "{text}");
        // The link works for 30 days (BR 3.2.2.4.13), once.
        h.clock.advance(Duration::days(29));
        let (account, name) = h.service.confirm_email(id, &value).await.unwrap();
        assert_eq!((account, name.as_str()), (h.account_id, "shop.example.com"));
        assert!(h.service.confirm_email(id, &value).await.is_err());
        let page = h.service.domains_page(h.account_id, true).await.unwrap();
        let d = &page.domains[0];
        assert_eq!(d.status, DomainStatus::Verified);
        assert_eq!(
            d.rule.as_deref(),
            Some("TLS BR 3.2.2.4.13 (e-mail to DNS CAA contact)")
        );
        // The e-mail methods show control of sub-domains too (BR 3.2.2.4.13, note).
        let names = ["www.shop.example.com".to_owned()];
        assert!(h.service.coverage(h.account_id, &names).await.unwrap()[0].is_covered());
    }

    #[tokio::test]
    async fn the_txt_contact_gets_the_link_and_an_old_link_expires_after_thirty_days() {
        let h = enabled().await;
        let id = h.add("example.com", "txt_contact_email").await.0;
        h.dns.add_txt(
            "_validation-contactemail.example.com",
            "dns-admin@example.com",
        );
        h.dns
            .add_txt("_validation-contactemail.example.com", "not an address");
        let sent = h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        assert_eq!(
            sent,
            CheckOutcome::EmailSent("dns-admin@example.com".into())
        );
        let (to, value) = mailed(&h).await;
        assert_eq!(to, "dns-admin@example.com");
        h.clock.advance(Duration::days(30) + Duration::seconds(1));
        assert!(h.service.confirm_email(id, &value).await.is_err());
        // Sent again: a new value, and the old link stays dead.
        h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        let (_, fresh) = mailed(&h).await;
        assert_ne!(fresh, value);
        h.service.confirm_email(id, &fresh).await.unwrap();
        let page = h.service.domains_page(h.account_id, true).await.unwrap();
        assert_eq!(
            page.domains[0].rule.as_deref(),
            Some("TLS BR 3.2.2.4.14 (e-mail to DNS TXT contact)")
        );
    }

    #[tokio::test]
    async fn the_contact_methods_go_out_the_second_before_2028_03_15_and_not_from_it() {
        let h = enabled().await;
        let refused = Rule::EmailMethodsRefused.starts();
        let caa = h.add("caa.example.com", "caa_contact_email").await.0;
        let txt = h.add("txt.example.com", "txt_contact_email").await.0;
        h.dns.add_caa(
            "caa.example.com",
            false,
            "contactemail",
            "owner@example.com",
        );
        h.dns.add_txt(
            "_validation-contactemail.txt.example.com",
            "owner@example.com",
        );
        h.clock.set(refused - Duration::seconds(1));
        let mut links = Vec::new();
        for id in [caa, txt] {
            let sent = h.service.verify(h.account_id, id, Lang::En).await.unwrap();
            assert!(matches!(sent, CheckOutcome::EmailSent(_)), "{sent:?}");
            links.push((id, mailed(&h).await.1));
        }
        let queued = mails(&h.store).await.len();
        h.clock.set(refused);
        for (id, value) in links {
            match h.service.confirm_email(id, &value).await {
                Err(ValidationError::Refused(why)) => {
                    assert_eq!(why.key(), "err-dcv-method-withdrawn")
                }
                other => panic!("{other:?}"),
            }
            let outcome = h.service.verify(h.account_id, id, Lang::En).await.unwrap();
            let CheckOutcome::NotYet(why) = outcome else {
                panic!("{outcome:?}")
            };
            assert_eq!(why.key(), "err-dcv-method-withdrawn");
        }
        assert_eq!(mails(&h.store).await.len(), queued);
        let text = withdrawn_text(&h, caa).await;
        assert!(text.contains("3.2.2.4.13"), "{text}");
        let text = withdrawn_text(&h, txt).await;
        assert!(text.contains("3.2.2.4.14"), "{text}");
    }

    #[tokio::test]
    async fn a_dns_contact_validation_stops_counting_at_midnight_on_2028_03_15() {
        let h = enabled().await;
        let refused = Rule::EmailMethodsRefused.starts();
        let id = h.add("example.com", "txt_contact_email").await.0;
        h.dns
            .add_txt("_validation-contactemail.example.com", "owner@example.com");
        h.clock.set(refused - Duration::days(20));
        h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        let (_, value) = mailed(&h).await;
        h.service.confirm_email(id, &value).await.unwrap();
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
            status_at(refused - Duration::seconds(1)).await,
            DomainStatus::Verified
        );
        assert_eq!(status_at(refused).await, DomainStatus::Expired);
    }

    async fn withdrawn_text(h: &Harness, id: i32) -> String {
        match h.service.verify(h.account_id, id, Lang::En).await.unwrap() {
            CheckOutcome::NotYet(why) => why.text(Lang::En),
            other => panic!("{other:?}"),
        }
    }

    #[tokio::test]
    async fn an_operator_who_turns_the_methods_off_stops_their_links_and_e_mails() {
        let mut h = enabled().await;
        let id = h.add("example.com", "caa_contact_email").await.0;
        h.dns
            .add_caa("example.com", false, "contactemail", "owner@example.com");
        h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        let (_, value) = mailed(&h).await;
        h.service = h.service.with_email_contact_methods(false);
        assert!(h.service.confirm_email(id, &value).await.is_err());
        let outcome = h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        let CheckOutcome::NotYet(why) = outcome else {
            panic!("{outcome:?}")
        };
        assert_eq!(why.key(), "err-dcv-method-not-offered");
    }
}
