//! When a CAA lookup fails, may the failure count as permission to issue? TLS BR 3.2.2.8 lets
//! it only when the failure is outside the CA's infrastructure, the lookup was retried at
//! least once, and the CA confirmed the domain "Insecure" (RFC 4035 section 4.3: no DNSSEC
//! chain from the trust anchor); 3.2.2.8.1 adds that a DNSSEC validation error never counts.
//! [`permits_issuance`] is that rule, pure; [`caa_records`] asks DNS what it needs.

use app::i18n::{Lang, Msg};

use crate::ports::dns::{CaaRecord, DnsError, DnsResolver, Dnssec, LookupFailure};

/// Where a failure lies, as the BRs' first condition asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureOrigin {
    /// In the domain's own DNS: its servers failed (the CA's resolver answered SERVFAIL) or
    /// did not answer in time.
    Outside,
    /// In the CA's infrastructure: its resolver refused or could not be reached, or this host
    /// could not ask.
    Inside,
    /// It cannot be told (a resolver that reports failures only as text).
    Unknown,
}

/// What DNSSEC says of the zone holding the name whose lookup failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneStatus {
    /// A chain of DS and DNSKEY records from the trust anchor reaches the zone.
    Signed,
    /// Proven without such a chain: a signed delegation without DS on the way.
    ProvenInsecure,
    /// Neither was established (the question failed too, or was not asked, or the resolver
    /// does not validate).
    NotProven,
}

/// The facts about one failed CAA lookup that the rule weighs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaaLookupFailure {
    pub failure: LookupFailure,
    /// How many times the lookup was made, the first one included.
    pub attempts: u32,
    pub zone: ZoneStatus,
}

/// Why a failed lookup does not count as permission to issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotPermission {
    /// DNSSEC validation failed (bogus or indeterminate): never permission (BR 3.2.2.8.1).
    DnssecError,
    /// The failure is in the CA's own infrastructure, or cannot be placed outside it.
    NotOutsideCa,
    /// The lookup was made only once.
    NotRetried,
    /// The zone is signed: its CAA records could have been authenticated, so their absence
    /// cannot be assumed.
    ZoneSigned,
    /// DNSSEC did not prove the zone unsigned.
    ZoneNotProvenInsecure,
}

/// Where `failure` lies. SERVFAIL is the resolver saying the domain's servers failed; no answer
/// in time counts as the domain's only with the zone's status answered by the same resolver,
/// which the rule requires anyway. Any other code (REFUSED…) is the CA's resolver declining.
pub fn origin(failure: &LookupFailure) -> FailureOrigin {
    match failure {
        LookupFailure::ServerError { rcode } if rcode == "SERVFAIL" => FailureOrigin::Outside,
        LookupFailure::Timeout => FailureOrigin::Outside,
        LookupFailure::ServerError { .. } | LookupFailure::Local { .. } => FailureOrigin::Inside,
        // A DNSSEC error is the rule's first refusal, wherever it lies.
        LookupFailure::Bogus { .. }
        | LookupFailure::Indeterminate { .. }
        | LookupFailure::Unclassified { .. } => FailureOrigin::Unknown,
    }
}

/// BR 3.2.2.8: `Ok` when the failed lookup may count as permission to issue (as if the name
/// had no CAA records), otherwise why not.
pub fn permits_issuance(f: &CaaLookupFailure) -> Result<(), NotPermission> {
    if matches!(
        f.failure,
        LookupFailure::Bogus { .. } | LookupFailure::Indeterminate { .. }
    ) {
        return Err(NotPermission::DnssecError);
    }
    if origin(&f.failure) != FailureOrigin::Outside {
        return Err(NotPermission::NotOutsideCa);
    }
    if f.attempts < 2 {
        return Err(NotPermission::NotRetried);
    }
    match f.zone {
        ZoneStatus::ProvenInsecure => Ok(()),
        ZoneStatus::Signed => Err(NotPermission::ZoneSigned),
        ZoneStatus::NotProven => Err(NotPermission::ZoneNotProvenInsecure),
    }
}

/// The failure itself, for a reader.
pub fn failure_msg(failure: &LookupFailure) -> Msg {
    match failure {
        LookupFailure::Bogus { detail } => Msg::new("err-dns-bogus").arg("detail", detail),
        LookupFailure::Indeterminate { detail } => {
            Msg::new("err-dns-indeterminate").arg("detail", detail)
        }
        LookupFailure::ServerError { rcode } => {
            Msg::new("err-dns-server-error").arg("rcode", rcode)
        }
        LookupFailure::Timeout => Msg::new("err-dns-timeout"),
        LookupFailure::Local { detail } => Msg::new("err-dns-local").arg("detail", detail),
        LookupFailure::Unclassified { detail } => {
            Msg::new("err-dns-unclassified").arg("detail", detail)
        }
    }
}

impl NotPermission {
    /// The refusal for a reader: the failure at `name`, and why it is no permission.
    pub fn msg(self, name: &str, f: &CaaLookupFailure) -> Msg {
        let key = match self {
            Self::DnssecError => "err-caa-failure-dnssec",
            Self::NotOutsideCa => "err-caa-failure-inside",
            Self::NotRetried => "err-caa-failure-not-retried",
            Self::ZoneSigned => "err-caa-failure-signed",
            Self::ZoneNotProvenInsecure => "err-caa-failure-unproven",
        };
        Msg::new(key)
            .arg("failure", failure_msg(&f.failure))
            .arg("attempts", f.attempts)
            .arg("name", name)
    }
}

/// The CAA records at `name`, for the climb of `caa_lookup::check_caa`. A failed lookup is
/// made once more; if it fails again, the zone's DNSSEC status is asked, and the failure
/// either counts as permission (the name then has no CAA records for the climb, which goes
/// on to the parents) or refuses, with the reason in English as refusals are kept.
pub async fn caa_records(
    resolver: &dyn DnsResolver,
    name: &str,
) -> Result<Vec<CaaRecord>, DnsError> {
    let mut attempts = 1;
    let mut error = match resolver.caa_checked(name).await {
        Ok(answer) => return Ok(answer.records),
        Err(e) => e,
    };
    // A bogus answer stays bogus; anything else may have been a passing fault.
    if !matches!(
        error.failure,
        LookupFailure::Bogus { .. } | LookupFailure::Indeterminate { .. }
    ) {
        attempts += 1;
        error = match resolver.caa_checked(name).await {
            Ok(answer) => return Ok(answer.records),
            Err(e) => e,
        };
    }
    let zone = if origin(&error.failure) == FailureOrigin::Outside {
        match resolver.zone_dnssec(name).await {
            Ok(Dnssec::Insecure) => ZoneStatus::ProvenInsecure,
            Ok(Dnssec::Secure) => ZoneStatus::Signed,
            Ok(Dnssec::NotValidated) | Err(_) => ZoneStatus::NotProven,
        }
    } else {
        ZoneStatus::NotProven
    };
    let facts = CaaLookupFailure {
        failure: error.failure,
        attempts,
        zone,
    };
    match permits_issuance(&facts) {
        Ok(()) => {
            tracing::warn!(
                name,
                failure = %facts.failure,
                attempts,
                "a failed CAA lookup counts as permission to issue: the zone is proven unsigned \
                 and the failure lies outside this CA (TLS BR 3.2.2.8)"
            );
            Ok(Vec::new())
        }
        Err(why) => Err(DnsError::Failed {
            name: name.to_owned(),
            reason: why.msg(name, &facts).text(Lang::En),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ports::dns::{FakeDns, LookupError};

    fn servfail() -> LookupFailure {
        LookupFailure::servfail()
    }

    fn bogus() -> LookupFailure {
        LookupFailure::Bogus {
            detail: "the signatures of the CAA records at example.com. do not verify".into(),
        }
    }

    fn failure(failure: LookupFailure, attempts: u32, zone: ZoneStatus) -> CaaLookupFailure {
        CaaLookupFailure {
            failure,
            attempts,
            zone,
        }
    }

    #[test]
    fn a_retried_servfail_or_timeout_in_a_zone_proven_unsigned_counts_as_permission() {
        for f in [servfail(), LookupFailure::Timeout] {
            assert_eq!(
                permits_issuance(&failure(f.clone(), 2, ZoneStatus::ProvenInsecure)),
                Ok(()),
                "{f}"
            );
        }
    }

    #[test]
    fn a_dnssec_validation_error_never_counts_as_permission() {
        for f in [
            bogus(),
            LookupFailure::Indeterminate {
                detail: "no DNSKEY".into(),
            },
        ] {
            for zone in [
                ZoneStatus::ProvenInsecure,
                ZoneStatus::Signed,
                ZoneStatus::NotProven,
            ] {
                assert_eq!(
                    permits_issuance(&failure(f.clone(), 3, zone)),
                    Err(NotPermission::DnssecError)
                );
            }
        }
    }

    #[test]
    fn a_failure_inside_the_cas_infrastructure_or_unplaced_never_counts() {
        for f in [
            LookupFailure::ServerError {
                rcode: "REFUSED".into(),
            },
            LookupFailure::Local {
                detail: "connection refused".into(),
            },
            LookupFailure::Unclassified {
                detail: "garbled".into(),
            },
        ] {
            assert_eq!(
                permits_issuance(&failure(f, 2, ZoneStatus::ProvenInsecure)),
                Err(NotPermission::NotOutsideCa)
            );
        }
    }

    #[test]
    fn a_failure_not_retried_does_not_count() {
        assert_eq!(
            permits_issuance(&failure(servfail(), 1, ZoneStatus::ProvenInsecure)),
            Err(NotPermission::NotRetried)
        );
    }

    #[test]
    fn a_failure_in_a_signed_or_unproven_zone_does_not_count() {
        assert_eq!(
            permits_issuance(&failure(servfail(), 2, ZoneStatus::Signed)),
            Err(NotPermission::ZoneSigned)
        );
        assert_eq!(
            permits_issuance(&failure(LookupFailure::Timeout, 2, ZoneStatus::NotProven)),
            Err(NotPermission::ZoneNotProvenInsecure)
        );
    }

    #[test]
    fn servfail_and_timeouts_lie_outside_other_codes_and_local_faults_inside() {
        assert_eq!(origin(&servfail()), FailureOrigin::Outside);
        assert_eq!(origin(&LookupFailure::Timeout), FailureOrigin::Outside);
        assert_eq!(
            origin(&LookupFailure::ServerError {
                rcode: "REFUSED".into()
            }),
            FailureOrigin::Inside
        );
        assert_eq!(origin(&bogus()), FailureOrigin::Unknown);
    }

    #[test]
    fn the_refusal_names_the_failure_and_why_it_is_no_permission_in_english_and_polish() {
        let f = failure(servfail(), 2, ZoneStatus::Signed);
        let msg = NotPermission::ZoneSigned.msg("example.com", &f);
        assert_eq!(
            msg.text(Lang::En),
            "the DNS server answered SERVFAIL (asked 2 times); example.com is in a zone signed \
             with DNSSEC, so a failed lookup cannot count as permission to issue"
        );
        let pl = msg.text(Lang::Pl);
        assert!(
            pl.contains("SERVFAIL") && pl.contains("example.com"),
            "{pl}"
        );
        assert_ne!(pl, msg.text(Lang::En));
        let f = failure(bogus(), 1, ZoneStatus::NotProven);
        assert_eq!(
            NotPermission::DnssecError
                .msg("example.com", &f)
                .text(Lang::En),
            "DNSSEC validation failed (bogus): the signatures of the CAA records at example.com. \
             do not verify; a DNSSEC validation error never counts as permission to issue"
        );
    }

    #[tokio::test]
    async fn a_passing_failure_is_retried_and_the_answer_used() {
        let dns = FakeDns::default();
        dns.add_caa("example.com", false, "issue", "rootline.test");
        dns.fail_lookups("example.com", servfail(), Some(1));
        let records = caa_records(&dns, "example.com").await.unwrap();
        assert_eq!(records.len(), 1);
        assert_eq!(dns.lookups_of("example.com"), 2);
    }

    #[tokio::test]
    async fn a_lasting_servfail_in_a_zone_proven_unsigned_reads_as_no_records_after_a_retry() {
        let dns = FakeDns::default();
        dns.set_dnssec("example.com", Dnssec::Insecure);
        dns.fail_lookups("www.example.com", servfail(), None);
        assert!(
            caa_records(&dns, "www.example.com")
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(dns.lookups_of("www.example.com"), 2);
    }

    #[tokio::test]
    async fn a_lasting_servfail_in_a_signed_zone_refuses() {
        let dns = FakeDns::default();
        dns.set_dnssec("example.com", Dnssec::Secure);
        dns.fail_lookups("www.example.com", servfail(), None);
        let e = caa_records(&dns, "www.example.com").await.unwrap_err();
        assert!(
            e.to_string()
                .contains("www.example.com is in a zone signed with DNSSEC"),
            "{e}"
        );
    }

    #[tokio::test]
    async fn a_bogus_answer_refuses_at_once_even_in_a_zone_called_unsigned() {
        let dns = FakeDns::default();
        dns.set_dnssec("example.com", Dnssec::Insecure);
        dns.fail_lookups("example.com", bogus(), None);
        let e = caa_records(&dns, "example.com").await.unwrap_err();
        assert!(e.to_string().contains("never counts as permission"), "{e}");
        assert_eq!(dns.lookups_of("example.com"), 1);
    }

    #[tokio::test]
    async fn a_resolver_that_does_not_validate_never_proves_a_zone_unsigned() {
        struct Unvalidating;
        #[async_trait::async_trait]
        impl DnsResolver for Unvalidating {
            async fn txt(&self, _: &str) -> Result<Vec<String>, DnsError> {
                Ok(Vec::new())
            }
            async fn caa(&self, name: &str) -> Result<Vec<CaaRecord>, DnsError> {
                Err(self.caa_checked(name).await.unwrap_err().into())
            }
            async fn caa_checked(
                &self,
                name: &str,
            ) -> Result<crate::ports::dns::Answer<Vec<CaaRecord>>, LookupError> {
                Err(LookupError {
                    name: name.into(),
                    failure: LookupFailure::servfail(),
                })
            }
        }
        let e = caa_records(&Unvalidating, "example.com").await.unwrap_err();
        assert!(
            e.to_string()
                .contains("DNSSEC did not prove the zone of example.com unsigned"),
            "{e}"
        );
    }

    #[tokio::test]
    async fn a_failure_reported_only_as_text_is_not_placed_outside_the_ca() {
        struct TextOnly;
        #[async_trait::async_trait]
        impl DnsResolver for TextOnly {
            async fn txt(&self, _: &str) -> Result<Vec<String>, DnsError> {
                Ok(Vec::new())
            }
            async fn caa(&self, name: &str) -> Result<Vec<CaaRecord>, DnsError> {
                Err(DnsError::Failed {
                    name: name.into(),
                    reason: "SERVFAIL".into(),
                })
            }
        }
        let e = caa_records(&TextOnly, "example.com").await.unwrap_err();
        assert!(e.to_string().contains("this CA's own resolver"), "{e}");
    }
}
