//! Every completed domain validation, whichever way it came (the portal's check, a confirmed
//! e-mail, an ACME challenge), is recorded on the domain and in the audit log in one
//! transaction: what was validated, the authorization domain name, and the method by its BR
//! section and ACME label (TLS BR 5.4.1 as ballot SC-099 has it, from 2026-07-15).

use app::model::domains::DcvMethod;
use chrono::{DateTime, Utc};

use super::{ValidationError, ValidationService};
use crate::{
    domain::{br_rules::BrMethod, dcv},
    services::audit::{self, AuditEntry},
    store::domains,
};

/// What was validated, and how.
pub(super) struct Validated<'a> {
    pub account_id: i32,
    pub domain_id: i32,
    /// The name the applicant asked for.
    pub name: &'a str,
    /// The Authorization Domain Name the check was made on.
    pub authorization_domain: &'a str,
    pub method: DcvMethod,
    pub by: BrMethod,
    /// No certificate may rely on the validation after this (a persistent record's
    /// `persistUntil`).
    pub not_after: Option<DateTime<Utc>>,
}

impl ValidationService {
    /// Marks the domain verified until the reuse period ends and writes the audit entry;
    /// answers until when it counts.
    pub(super) async fn record_validation(
        &self,
        v: Validated<'_>,
        now: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, ValidationError> {
        let until = dcv::reuse_until(now, v.by);
        let until = v.not_after.map_or(until, |end| until.min(end));
        let rule = v.by.rule_text();
        let tx = self.store.begin().await?;
        domains::mark_verified(
            &tx,
            v.account_id,
            v.domain_id,
            domains::Verification {
                method: v.method,
                rule: &rule,
                rules_version: dcv::RULES_VERSION,
                expires_at: until,
            },
            &self.random_value(),
            now,
        )
        .await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(v.account_id),
                user_id: None,
                ip: None,
                module: "domains",
                action: "domain_validated",
                summary: summary(&v),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(until)
    }
}

/// The audit entry's text: kept in English, as the log is.
fn summary(v: &Validated<'_>) -> String {
    let adn = if v.authorization_domain.eq_ignore_ascii_case(v.name) {
        String::new()
    } else {
        format!(
            " on the authorization domain name {}",
            v.authorization_domain
        )
    };
    let label =
        v.by.acme_label()
            .map(|l| format!(", ACME {l}"))
            .unwrap_or_default();
    format!(
        "Validated control of {}{adn} by {} ({}{label})",
        v.name,
        v.by.rule_text(),
        v.by.caa_labels().join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_what_was_validated_the_adn_when_different_and_the_method() {
        let v = Validated {
            account_id: 1,
            domain_id: 2,
            name: "www.shop.example.com",
            authorization_domain: "shop.example.com",
            method: DcvMethod::DnsTxt,
            by: BrMethod::AcmeDns01,
            not_after: None,
        };
        let text = summary(&v);
        assert!(text.starts_with("Validated control of www.shop.example.com on the authorization domain name shop.example.com by TLS BR 3.2.2.4.7"), "{text}");
        assert!(text.contains("ACME dns-01"), "{text}");
        let same = summary(&Validated {
            name: "shop.example.com",
            by: BrMethod::DnsChange,
            ..v
        });
        assert!(!same.contains("authorization domain name"), "{same}");
        assert!(same.contains("TLS BR 3.2.2.4.7 (DNS change)"), "{same}");
        assert!(same.contains("ca-tbr-7"), "{same}");
    }
}
