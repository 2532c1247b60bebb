//! The persistent DNS record (TLS BR 3.2.2.4.22) as a check: the TXT record set at
//! `_validation-persist.<ADN>` is looked up through the DNSSEC-validating resolver, judged
//! for this CA, the account and the scope asked for, and the same judgement is repeated
//! from the remote perspectives, which must see a record with the same `accounturi`. The
//! portal's Verify Now and ACME's dns-persist-01 both come through here.

use std::sync::Arc;

use app::i18n::{Lang, Msg};
use app::model::{corroboration::CorroboratedCheck, domains::DcvMethod};
use chrono::{DateTime, Utc};

use super::{CheckOutcome, ValidationError, ValidationService};
use crate::{
    domain::{
        br_rules::BrMethod,
        persist_record::{self, PersistGrant, PersistMismatch, PersistQuery, RecordError},
    },
    perspective::corroborate::{Check, Remote, check},
    ports::DnsResolver,
    store::{DomainRow, domains},
};

/// What is checked: the name, the account's URI and the scope.
#[derive(Debug, Clone, Copy)]
pub struct PersistCheck<'a> {
    pub account_id: i32,
    pub name: &'a str,
    pub account_uri: &'a str,
    /// Sub-domains and wildcards must be covered (`policy=wildcard`).
    pub wildcard: bool,
    /// Under which name the remote perspectives' round is kept.
    pub kind: CorroboratedCheck,
}

impl ValidationService {
    /// Checks the persistent record for `c` now, at the primary and then at the remote
    /// perspectives. `Ok(Err)` carries the reason to show.
    pub async fn check_persist(
        &self,
        c: PersistCheck<'_>,
    ) -> Result<Result<PersistGrant, Msg>, ValidationError> {
        let at = self.clock.now();
        let identities = self.issuer_domain_names.as_slice();
        let query = PersistQuery {
            identities,
            account_uri: c.account_uri,
            at,
            wildcard: c.wildcard,
        };
        let grant = match dns_persist_shows(&*self.dns, c.name, query).await {
            Ok(grant) => grant,
            Err(why) => return Ok(Err(why)),
        };
        let name = c.name;
        let check: Check<'_> = check(move |remote: Arc<dyn Remote>| async move {
            dns_persist_shows(&*remote, name, query)
                .await
                .map(|_| ())
                .map_err(|why| why.text(Lang::En))
        });
        Ok(self
            .corroborate(c.account_id, c.name, c.kind, check)
            .await?
            .map(|()| grant))
    }

    /// Verify Now on a domain validated by its persistent record.
    pub(super) async fn verify_persist(
        &self,
        d: &DomainRow,
        wildcard: bool,
        now: DateTime<Utc>,
    ) -> Result<CheckOutcome, ValidationError> {
        let account_uri = self.portal_account_uri(d.account_id);
        let found = self
            .check_persist(PersistCheck {
                account_id: d.account_id,
                name: &d.name,
                account_uri: &account_uri,
                wildcard,
                kind: CorroboratedCheck::DnsPersist,
            })
            .await?;
        match found {
            Ok(grant) => {
                // What the record granted: sub-domains only with its policy=wildcard.
                let method = DcvMethod::DnsPersist {
                    wildcard: grant.wildcard,
                };
                let until = self
                    .record_validation(
                        super::record_validation::Validated {
                            account_id: d.account_id,
                            domain_id: d.id,
                            name: &d.name,
                            authorization_domain: &d.name,
                            method,
                            by: BrMethod::of_portal(method),
                            not_after: grant.persist_until,
                        },
                        now,
                    )
                    .await?;
                Ok(CheckOutcome::Verified { until })
            }
            Err(why) => {
                // Kept on the domain in English, as its history is.
                let kept = why.text(Lang::En);
                domains::record_failure(&self.store, d.account_id, d.id, &kept, now).await?;
                Ok(CheckOutcome::NotYet(why))
            }
        }
    }
}

/// BR 3.2.2.4.22: the TXT records at `_validation-persist.<name>` hold one for this CA and
/// the account, in force and of the scope asked for.
pub(crate) async fn dns_persist_shows(
    dns: &dyn DnsResolver,
    name: &str,
    query: PersistQuery<'_>,
) -> Result<PersistGrant, Msg> {
    let record = persist_record::record_name(name);
    match dns.txt(&record).await {
        Ok(records) => persist_record::judge(&records, query).map_err(|m| refusal(&m, &record)),
        Err(e) => Err(Msg::new("err-dcv-check-failed").arg("detail", e.to_string())),
    }
}

/// Why a record cannot be read, in words.
fn malformed(e: &RecordError) -> Msg {
    match e {
        RecordError::Syntax => Msg::new("dcv-persist-why-syntax"),
        RecordError::Repeated(parameter) => {
            Msg::new("dcv-persist-why-repeated").arg("parameter", *parameter)
        }
        RecordError::BadPersistUntil => Msg::new("dcv-persist-why-persist-until"),
    }
}

/// A mismatch in words.
fn refusal(m: &PersistMismatch, record: &str) -> Msg {
    match m {
        PersistMismatch::NoRecord => Msg::new("err-dcv-no-txt").arg("name", record),
        PersistMismatch::OtherIssuers(issuers) => Msg::new("err-dcv-persist-other-ca")
            .arg("name", record)
            .arg("issuers", issuers.join(", ")),
        PersistMismatch::Malformed(e) => Msg::new("err-dcv-persist-malformed")
            .arg("name", record)
            .arg("why", malformed(e)),
        PersistMismatch::NoAccountUri => {
            Msg::new("err-dcv-persist-no-accounturi").arg("name", record)
        }
        PersistMismatch::OtherAccount(uri) => Msg::new("err-dcv-persist-other-account")
            .arg("name", record)
            .arg("uri", uri.clone()),
        PersistMismatch::Expired(until) => Msg::new("err-dcv-persist-expired")
            .arg("name", record)
            .arg("until", app::model::Moment::from(*until)),
        PersistMismatch::NotWildcard => {
            Msg::new("err-dcv-persist-not-wildcard").arg("name", record)
        }
    }
}

#[cfg(test)]
mod tests {
    use app::model::domains::{AddDomainForm, DomainStatus};
    use chrono::Duration;

    use super::super::{CheckOutcome, test_support::harness};
    use super::*;
    use crate::{
        perspective::{corroborator::Corroborator, fake::FakeRemote},
        ports::Clock,
    };

    fn uri(h: &super::super::test_support::Harness) -> String {
        format!("acct:{}@portal.rootline.test", h.account_id)
    }

    #[tokio::test]
    async fn the_published_record_verifies_for_ten_days_and_is_audited_by_its_method() {
        let h = harness().await;
        let (id, value) = h.add("example.com", "dns_persist").await;
        assert_eq!(
            value,
            format!("portal.rootline.test; accounturi={}", uri(&h))
        );
        let before = h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        let CheckOutcome::NotYet(why) = before else {
            panic!("{before:?}")
        };
        assert_eq!(why.key(), "err-dcv-no-txt");
        assert!(
            why.text(Lang::En)
                .contains("_validation-persist.example.com")
        );

        h.dns.add_txt("_validation-persist.example.com", &value);
        let now = h.clock.now();
        let after = h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        assert_eq!(
            after,
            CheckOutcome::Verified {
                until: now + Duration::days(10)
            }
        );
        let page = h.service.domains_page(h.account_id, true).await.unwrap();
        let d = &page.domains[0];
        assert_eq!(d.status, DomainStatus::Verified);
        assert_eq!(
            d.rule.as_deref(),
            Some("TLS BR 3.2.2.4.22 (DNS TXT record with persistent value)")
        );
        // The record stays: the page still shows it.
        assert_eq!(d.value.as_deref(), Some(value.as_str()));
        let audit = crate::store::audit::for_account(&h.store, h.account_id)
            .await
            .unwrap();
        assert!(audit.iter().any(|a| a.action == "domain_validated"
            && a.summary
                == "Validated control of example.com by TLS BR 3.2.2.4.22 (DNS TXT record with persistent value) (ca-tbr-22)"));
        // Without policy=wildcard only the name itself is covered.
        let names = ["example.com".to_owned(), "www.example.com".to_owned()];
        let coverage = h.service.coverage(h.account_id, &names).await.unwrap();
        assert!(coverage[0].is_covered());
        assert!(!coverage[1].is_covered());
        // Ten days on, it is checked again; the record is still there, so it verifies again.
        h.clock.advance(Duration::days(10));
        let page = h.service.domains_page(h.account_id, true).await.unwrap();
        assert_eq!(page.domains[0].status, DomainStatus::Expired);
        assert!(matches!(
            h.service.verify(h.account_id, id, Lang::En).await.unwrap(),
            CheckOutcome::Verified { .. }
        ));
    }

    #[tokio::test]
    async fn policy_wildcard_covers_sub_domains_and_persist_until_ends_it() {
        let h = harness().await;
        let (id, value) = h.add("example.com", "dns_persist:wildcard").await;
        assert!(value.ends_with("; policy=wildcard"), "{value}");
        // Asked for sub-domains, a record without the policy does not do.
        h.dns.add_txt(
            "_validation-persist.example.com",
            &format!("portal.rootline.test; accounturi={}", uri(&h)),
        );
        let narrow = h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        let CheckOutcome::NotYet(why) = narrow else {
            panic!("{narrow:?}")
        };
        assert_eq!(why.key(), "err-dcv-persist-not-wildcard");
        let now = h.clock.now();
        let until = now + Duration::days(3);
        h.dns.add_txt(
            "_validation-persist.example.com",
            &format!("{value}; persistUntil={}", until.timestamp()),
        );
        let verified = h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        assert_eq!(verified, CheckOutcome::Verified { until });
        let names = ["www.example.com".to_owned(), "*.example.com".to_owned()];
        let coverage = h.service.coverage(h.account_id, &names).await.unwrap();
        assert!(coverage.iter().all(|c| c.is_covered()), "{coverage:?}");
        h.clock.set(until + Duration::seconds(1));
        let again = h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        let CheckOutcome::NotYet(why) = again else {
            panic!("{again:?}")
        };
        assert_eq!(why.key(), "err-dcv-persist-expired");
    }

    #[tokio::test]
    async fn another_accounts_record_or_another_cas_proves_nothing() {
        let h = harness().await;
        let (id, _) = h.add("example.com", "dns_persist").await;
        h.dns.add_txt(
            "_validation-persist.example.com",
            &format!(
                "portal.rootline.test; accounturi=acct:{}@portal.rootline.test",
                h.other_account_id
            ),
        );
        h.dns.add_txt(
            "_validation-persist.example.com",
            &format!("ca.other; accounturi={}", uri(&h)),
        );
        let outcome = h.service.verify(h.account_id, id, Lang::En).await.unwrap();
        let CheckOutcome::NotYet(why) = outcome else {
            panic!("{outcome:?}")
        };
        assert_eq!(why.key(), "err-dcv-persist-other-account");
        let (other, _) = h.add("example.org", "dns_persist").await;
        h.dns.add_txt(
            "_validation-persist.example.org",
            &format!("ca.other; accounturi={}", uri(&h)),
        );
        let outcome = h
            .service
            .verify(h.account_id, other, Lang::En)
            .await
            .unwrap();
        let CheckOutcome::NotYet(why) = outcome else {
            panic!("{outcome:?}")
        };
        assert_eq!(why.key(), "err-dcv-persist-other-ca");
        assert!(why.text(Lang::En).contains("ca.other"));
    }

    #[tokio::test]
    async fn the_remote_perspectives_must_see_the_same_accounturi() {
        let h = harness().await;
        let remotes = FakeRemote::spread(5);
        let at = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 12, 15, 0, 0, 0).unwrap();
        h.clock.set(at);
        let service = ValidationService::new(
            h.store.clone(),
            h.clock.clone(),
            Arc::new(crate::ports::random::CountingRandom::default()),
            h.dns.clone(),
            h.http.clone(),
            "https://portal.rootline.test".into(),
        )
        .with_corroborator(Arc::new(Corroborator::new(
            FakeRemote::as_remotes(&remotes),
            true,
        )));
        let d = service
            .add_domain(
                h.account_id,
                &AddDomainForm {
                    name: "example.com".into(),
                    method: "dns_persist".into(),
                },
            )
            .await
            .unwrap();
        let value = d.value.unwrap_or_default();
        h.dns.add_txt("_validation-persist.example.com", &value);
        // Two of five perspectives see a record for another account: the quorum fails.
        let hijacked = format!(
            "portal.rootline.test; accounturi=acct:{}@portal.rootline.test",
            h.other_account_id
        );
        for (i, r) in remotes.iter().enumerate() {
            let seen = if i < 2 {
                hijacked.as_str()
            } else {
                value.as_str()
            };
            r.dns.add_txt("_validation-persist.example.com", seen);
        }
        let outcome = service.verify(h.account_id, d.id, Lang::En).await.unwrap();
        let CheckOutcome::NotYet(why) = outcome else {
            panic!("{outcome:?}")
        };
        assert_eq!(why.key(), "err-mpic-refused");
        let page = service.domains_page(h.account_id, true).await.unwrap();
        let round = page.domains[0].corroboration.clone().unwrap();
        assert_eq!(round.check, CorroboratedCheck::DnsPersist);
        assert!(!round.corroborated);
    }
}
