//! Which validation methods may be chosen, and what a domain shows its user: the e-mail
//! methods until the BRs refuse them (TLS BR 3.2.2.4.4, .13, .14: from 2028-03-15), the
//! e-mails to DNS contacts only where the operator enables them, with the BRs' warning
//! while they are discouraged (from 2026-03-15); and the persistent DNS record with the
//! account's own values (BR 3.2.2.4.22).

use app::i18n::Msg;
use app::model::domains::{DcvMethod, DomainView, EmailSunset, PersistHelp};
use chrono::{DateTime, Utc};

use super::{ValidationService, view, withdrawn};
use crate::{
    domain::{
        br_rules::{BrMethod, MethodStanding, Rule},
        caa::portal_account_uri,
        persist_record,
    },
    store::DomainRow,
};

impl ValidationService {
    /// Why `method` may not be chosen or used at `now`, if it may not.
    pub(crate) fn refusal(&self, method: DcvMethod, now: DateTime<Utc>) -> Option<Msg> {
        if let Some(why) = withdrawn(method, now) {
            return Some(why);
        }
        (method.is_dns_contact() && !self.email_contact_methods)
            .then(|| Msg::new("err-dcv-method-not-offered"))
    }

    /// The methods a user may choose at `now`, in the order they are shown.
    pub fn offered_methods(&self, now: DateTime<Utc>) -> Vec<DcvMethod> {
        DcvMethod::choices()
            .into_iter()
            .filter(|m| self.refusal(*m, now).is_none())
            .collect()
    }

    /// The warning the page shows beside the choice while an offered e-mail method is one
    /// the BRs say SHOULD NOT be used.
    pub fn email_sunset(&self, now: DateTime<Utc>) -> Option<EmailSunset> {
        self.offered_methods(now)
            .into_iter()
            .filter(|m| m.is_email())
            .any(|m| BrMethod::of_portal(m).standing(now) == MethodStanding::Discouraged)
            .then(|| EmailSunset {
                discouraged_from: app::model::Day::from(Rule::EmailMethodsDiscouraged.starts()),
                refused_from: app::model::Day::from(Rule::EmailMethodsRefused.starts()),
            })
    }

    /// The URI a portal account's persistent records name (RFC 8657 `accounturi` of the
    /// 'acct' scheme, as CAA records name the account).
    pub fn portal_account_uri(&self, account_id: i32) -> String {
        portal_account_uri(&self.public_url, account_id)
    }

    /// The issuer domain name shown to customers: the first of this CA's.
    fn issuer_domain_name(&self) -> String {
        self.issuer_domain_names
            .first()
            .cloned()
            .unwrap_or_default()
    }

    /// What the account's persistent DNS records hold.
    pub fn persist_help(&self, account_id: i32) -> PersistHelp {
        PersistHelp {
            issuer_domain_name: self.issuer_domain_name(),
            account_uri: self.portal_account_uri(account_id),
        }
    }

    /// A domain as its user sees it, the persistent record's value filled in with the
    /// account's.
    pub fn view_of(&self, d: &DomainRow, now: DateTime<Utc>) -> DomainView {
        let mut v = view(d, now);
        if let DcvMethod::DnsPersist { wildcard } = *d.method {
            v.value = Some(persist_record::record_value(
                &self.issuer_domain_name(),
                &self.portal_account_uri(d.account_id),
                wildcard,
            ));
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use app::model::domains::{AddDomainForm, DcvMethod, Mailbox};
    use chrono::Duration;

    use super::super::{ValidationError, test_support::harness};
    use crate::{domain::br_rules::Rule, ports::Clock};

    fn form(name: &str, method: &str) -> AddDomainForm {
        AddDomainForm {
            name: name.into(),
            method: method.into(),
        }
    }

    fn refused_key(e: Result<app::model::domains::DomainView, ValidationError>) -> String {
        match e {
            Err(ValidationError::Invalid(errors)) => errors
                .get("method")
                .map(|m| m.key().to_owned())
                .unwrap_or_default(),
            other => panic!("{other:?}"),
        }
    }

    #[tokio::test]
    async fn the_dns_contact_methods_are_offered_only_where_the_operator_enables_them() {
        let mut h = harness().await;
        let now = h.clock.now();
        let offered = h.service.offered_methods(now);
        assert!(offered.contains(&DcvMethod::DnsPersist { wildcard: false }));
        assert!(!offered.contains(&DcvMethod::CaaContactEmail));
        assert!(!offered.contains(&DcvMethod::TxtContactEmail));
        assert_eq!(
            refused_key(
                h.service
                    .add_domain(h.account_id, &form("example.com", "caa_contact_email"))
                    .await
            ),
            "err-dcv-method-not-offered"
        );
        h.service = h.service.with_email_contact_methods(true);
        let offered = h.service.offered_methods(now);
        assert!(offered.contains(&DcvMethod::CaaContactEmail));
        assert!(offered.contains(&DcvMethod::TxtContactEmail));
        h.service
            .add_domain(h.account_id, &form("example.com", "txt_contact_email"))
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn every_e_mail_method_is_offered_with_the_warning_until_2028_03_15_and_not_from_it() {
        let mut h = harness().await;
        h.service = h.service.with_email_contact_methods(true);
        let refused = Rule::EmailMethodsRefused.starts();
        let before = refused - Duration::seconds(1);
        let offered = h.service.offered_methods(before);
        for m in [
            DcvMethod::ConstructedEmail {
                mailbox: Mailbox::Admin,
            },
            DcvMethod::CaaContactEmail,
            DcvMethod::TxtContactEmail,
        ] {
            assert!(offered.contains(&m), "{m:?}");
            assert!(!h.service.offered_methods(refused).contains(&m), "{m:?}");
        }
        let sunset = h.service.email_sunset(before).unwrap();
        assert_eq!(sunset.refused_from, app::model::Day::from(refused));
        assert_eq!(h.service.email_sunset(refused), None);
        // Before the BRs discouraged them, no warning.
        let discouraged = Rule::EmailMethodsDiscouraged.starts();
        assert_eq!(
            h.service.email_sunset(discouraged - Duration::seconds(1)),
            None
        );
        assert!(h.service.email_sunset(discouraged).is_some());

        h.clock.set(before);
        for method in ["caa_contact_email", "txt_contact_email"] {
            h.service
                .add_domain(
                    h.account_id,
                    &form(&format!("{method}.example.com").replace('_', "-"), method),
                )
                .await
                .unwrap();
        }
        h.clock.set(refused);
        for method in ["caa_contact_email", "txt_contact_email"] {
            assert_eq!(
                refused_key(
                    h.service
                        .add_domain(h.account_id, &form("late.example.com", method))
                        .await
                ),
                "err-dcv-method-withdrawn",
                "{method}"
            );
        }
        let page = h.service.domains_page(h.account_id, true).await.unwrap();
        assert!(page.methods.iter().all(|m| !m.is_email()));
        assert_eq!(page.email_discouraged, None);
    }

    #[tokio::test]
    async fn the_page_shows_the_accounts_accounturi_and_a_persistent_domain_its_record() {
        let h = harness().await;
        let d = h
            .service
            .add_domain(h.account_id, &form("example.com", "dns_persist:wildcard"))
            .await
            .unwrap();
        let uri = format!("acct:{}@portal.rootline.test", h.account_id);
        assert_eq!(
            d.location.as_deref(),
            Some("_validation-persist.example.com")
        );
        assert_eq!(
            d.value,
            Some(format!(
                "portal.rootline.test; accounturi={uri}; policy=wildcard"
            ))
        );
        let page = h.service.domains_page(h.account_id, true).await.unwrap();
        let help = page.persist.unwrap();
        assert_eq!(help.account_uri, uri);
        assert_eq!(help.issuer_domain_name, "portal.rootline.test");
    }
}
