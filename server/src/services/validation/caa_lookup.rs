//! The DNS half of a CAA check (RFC 8659 section 3): climbs from the name towards the root,
//! asking the resolver for each candidate's CAA RRset, and hands the first one found to the
//! pure rules in `domain::caa`.

use super::caa_failure::caa_records;
use crate::{
    domain::caa::{CaaEvidence, CaaRefusal, CaaRequest, CaaTarget, decide_issuemail},
    ports::dns::DnsResolver,
};

/// Checks CAA for `fqdn` (a wildcard as `*.example.com`, or with `wildcard` set) on behalf of
/// a CA known by `identities` (issuer domain names, compared without case), for `request`'s
/// account and validation method.
pub async fn check_caa(
    resolver: &dyn DnsResolver,
    identities: &[String],
    request: CaaRequest<'_>,
    fqdn: &str,
    wildcard: bool,
) -> Result<CaaEvidence, CaaRefusal> {
    let target = CaaTarget::new(fqdn, wildcard);
    for candidate in target.candidates() {
        // A failed lookup refuses unless BR 3.2.2.8 lets it count as permission.
        let records = caa_records(resolver, &candidate)
            .await
            .map_err(CaaRefusal::Lookup)?;
        if !records.is_empty() {
            return target.decide(identities, request, Some((&candidate, &records)));
        }
    }
    target.decide(identities, request, None)
}

/// Checks CAA `issuemail` (RFC 9495, S/MIME BR 4.2.2.1) for a Mailbox Address at `domain`,
/// with the same climb and the same lookup-failure rule as for a domain name.
pub async fn check_caa_issuemail(
    resolver: &dyn DnsResolver,
    identities: &[String],
    domain: &str,
) -> Result<CaaEvidence, CaaRefusal> {
    let target = CaaTarget::new(domain, false);
    for candidate in target.candidates() {
        let records = caa_records(resolver, &candidate)
            .await
            .map_err(CaaRefusal::Lookup)?;
        if !records.is_empty() {
            return decide_issuemail(identities, domain, Some((&candidate, &records)));
        }
    }
    decide_issuemail(identities, domain, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        domain::{
            br_rules::BrMethod,
            caa::{CaaEvidence, CaaRefusal},
        },
        ports::dns::FakeDns,
    };

    fn ours() -> Vec<String> {
        vec!["rootline.test".to_owned()]
    }

    const ACCOUNT: &str = "https://rootline.test/acct/1";

    async fn check(dns: &FakeDns, fqdn: &str, wildcard: bool) -> Result<CaaEvidence, CaaRefusal> {
        let request = CaaRequest {
            account_uri: ACCOUNT,
            method: BrMethod::AcmeDns01,
        };
        check_caa(dns, &ours(), request, fqdn, wildcard).await
    }

    #[tokio::test]
    async fn issuemail_restricts_s_mime_and_issue_does_not() {
        let dns = FakeDns::default();
        // A TLS-only policy says nothing about mailboxes.
        dns.add_caa("example.com", false, "issue", "ca.other");
        assert!(
            check_caa_issuemail(&dns, &ours(), "example.com")
                .await
                .is_ok()
        );
        // issuemail for another CA refuses, inherited by sub-domains.
        dns.add_caa("example.com", false, "issuemail", "ca.other");
        let refusal = check_caa_issuemail(&dns, &ours(), "mail.example.com")
            .await
            .unwrap_err();
        assert_eq!(
            refusal.to_string(),
            "CAA records at example.com allow only ca.other (issuemail), not this CA."
        );
        // One naming this CA allows; an empty issuer allows no CA at all.
        dns.add_caa(
            "shop.example.com",
            false,
            "issuemail",
            "Rootline.test; account=7",
        );
        assert!(
            check_caa_issuemail(&dns, &ours(), "shop.example.com")
                .await
                .is_ok()
        );
        dns.add_caa("none.example.com", false, "issuemail", ";");
        assert!(
            check_caa_issuemail(&dns, &ours(), "none.example.com")
                .await
                .is_err()
        );
        // A failed lookup is not permission unless BR 3.2.2.8's conditions hold.
        dns.fail("broken.example.com");
        assert!(matches!(
            check_caa_issuemail(&dns, &ours(), "broken.example.com").await,
            Err(CaaRefusal::Lookup(_))
        ));
    }

    #[tokio::test]
    async fn no_caa_records_anywhere_allow_issuance() {
        let dns = FakeDns::default();
        let e = check(&dns, "www.example.com", false).await.unwrap();
        assert_eq!(e.checked_name, "www.example.com");
        assert_eq!(e.relevant_at, None);
        assert!(e.records.is_empty());
    }

    #[tokio::test]
    async fn an_issue_property_naming_this_ca_allows_and_is_recorded() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "issue", "Rootline.Test; account=42");
        dns.add_caa("example.com", false, "iodef", "mailto:security@example.com");
        let e = check(&dns, "Example.COM.", false).await.unwrap();
        assert_eq!(e.relevant_at.as_deref(), Some("example.com"));
        assert_eq!(
            e.records,
            vec![
                "0 issue \"Rootline.Test; account=42\"".to_owned(),
                "0 iodef \"mailto:security@example.com\"".to_owned()
            ]
        );
    }

    #[tokio::test]
    async fn a_subdomain_inherits_the_parents_caa() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "issue", "ca.other");
        let refusal = check(&dns, "a.b.example.com", false).await.unwrap_err();
        assert_eq!(
            refusal,
            CaaRefusal::NotAuthorized {
                domain: "a.b.example.com".into(),
                relevant_at: "example.com".into(),
                property: "issue".into(),
                records: vec!["ca.other".into()],
            }
        );
        assert_eq!(
            refusal.to_string(),
            "CAA records at example.com allow only ca.other (issue), not this CA."
        );
    }

    #[tokio::test]
    async fn a_child_set_overrides_the_parents() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "issue", "ca.other");
        dns.add_caa("shop.example.com", false, "issue", "rootline.test");
        let e = check(&dns, "www.shop.example.com", false).await.unwrap();
        assert_eq!(e.relevant_at.as_deref(), Some("shop.example.com"));
        dns.add_caa("blog.example.com", false, "issue", "ca.third");
        assert!(check(&dns, "blog.example.com", false).await.is_err());
    }

    #[tokio::test]
    async fn any_matching_issue_record_among_several_allows() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "issue", "ca.other");
        dns.add_caa("example.com", false, "ISSUE", "rootline.test.");
        assert!(check(&dns, "example.com", false).await.is_ok());
    }

    #[tokio::test]
    async fn an_empty_issuer_forbids_every_ca() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "issue", ";");
        let refusal = check(&dns, "example.com", false).await.unwrap_err();
        assert_eq!(
            refusal.to_string(),
            "CAA records at example.com forbid issuance by every CA (issue)."
        );
    }

    #[tokio::test]
    async fn parameters_naming_the_request_allow_and_do_not_change_the_issuer_match() {
        let dns = FakeDns::default();
        dns.add_caa(
            "example.com",
            false,
            "issue",
            "rootline.test; accounturi=https://rootline.test/acct/1; validationmethods=dns-01",
        );
        assert!(check(&dns, "example.com", false).await.is_ok());
        dns.add_caa(
            "example.org",
            false,
            "issue",
            "rootline.test.evil; x=rootline.test",
        );
        assert!(check(&dns, "example.org", false).await.is_err());
    }

    #[tokio::test]
    async fn parameters_naming_another_account_or_method_refuse() {
        let dns = FakeDns::default();
        dns.add_caa(
            "example.com",
            false,
            "issue",
            "rootline.test; accounturi=https://rootline.test/acct/2",
        );
        dns.add_caa(
            "example.net",
            false,
            "issue",
            "rootline.test; validationmethods=http-01",
        );
        for name in ["example.com", "www.example.net"] {
            assert!(
                matches!(
                    check(&dns, name, false).await,
                    Err(CaaRefusal::Restricted { .. })
                ),
                "{name}"
            );
        }
    }

    #[tokio::test]
    async fn a_wildcard_follows_issuewild_when_present() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "issue", "rootline.test");
        dns.add_caa("example.com", false, "issuewild", ";");
        let refusal = check(&dns, "*.example.com", false).await.unwrap_err();
        assert!(matches!(
            &refusal,
            CaaRefusal::NotAuthorized { property, domain, .. }
                if property == "issuewild" && domain == "*.example.com"
        ));
        // the base name itself is governed by issue only
        assert!(check(&dns, "example.com", false).await.is_ok());
    }

    #[tokio::test]
    async fn a_wildcard_without_issuewild_follows_issue_and_starts_at_the_base() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "issue", "rootline.test");
        // a record at the wildcard's own label is never consulted
        dns.add_caa("*.example.com", false, "issue", "ca.other");
        let e = check(&dns, "example.com", true).await.unwrap();
        assert_eq!(e.checked_name, "*.example.com");
        assert_eq!(e.relevant_at.as_deref(), Some("example.com"));
        dns.add_caa("example.net", false, "issue", "ca.other");
        assert!(check(&dns, "*.example.net", true).await.is_err());
    }

    #[tokio::test]
    async fn issuewild_alone_does_not_restrict_a_plain_name() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "issuewild", "ca.other");
        assert!(check(&dns, "www.example.com", false).await.is_ok());
        assert!(check(&dns, "*.example.com", false).await.is_err());
    }

    #[tokio::test]
    async fn an_unknown_critical_property_forbids_and_a_non_critical_one_is_ignored() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "futureprop", "whatever");
        dns.add_caa("example.com", false, "issue", "rootline.test");
        assert!(check(&dns, "example.com", false).await.is_ok());
        dns.add_caa("example.com", true, "FutureProp", "whatever");
        let refusal = check(&dns, "example.com", false).await.unwrap_err();
        assert_eq!(
            refusal,
            CaaRefusal::UnknownCritical {
                domain: "example.com".into(),
                relevant_at: "example.com".into(),
                tag: "FutureProp".into(),
            }
        );
        // a known property may be critical
        dns.add_caa("example.org", true, "issue", "rootline.test");
        dns.add_caa("example.org", true, "iodef", "mailto:x@example.org");
        assert!(check(&dns, "example.org", false).await.is_ok());
    }

    #[tokio::test]
    async fn a_set_of_only_unrestricting_properties_allows() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "iodef", "mailto:x@example.com");
        dns.add_caa("example.com", false, "contactemail", "dns@example.com");
        let e = check(&dns, "example.com", false).await.unwrap();
        assert_eq!(e.records.len(), 2);
    }

    #[tokio::test]
    async fn a_failed_lookup_anywhere_on_the_way_refuses() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "issue", "rootline.test");
        dns.fail("www.example.com");
        let refusal = check(&dns, "www.example.com", false).await.unwrap_err();
        assert!(matches!(refusal, CaaRefusal::Lookup(_)));
        assert_eq!(
            refusal.to_string(),
            "could not check CAA for www.example.com: the DNS server answered SERVFAIL (asked 2 \
             times); DNSSEC did not prove the zone of www.example.com unsigned, so a failed \
             lookup cannot count as permission to issue"
        );
        let dns = FakeDns::default();
        dns.fail("com");
        assert!(matches!(
            check(&dns, "example.com", false).await,
            Err(CaaRefusal::Lookup(_))
        ));
    }

    #[tokio::test]
    async fn an_ip_address_has_no_caa() {
        let dns = FakeDns::default();
        dns.fail("127.0.0.1");
        let e = check(&dns, "127.0.0.1", false).await.unwrap();
        assert_eq!(e.relevant_at, None);
    }
}
