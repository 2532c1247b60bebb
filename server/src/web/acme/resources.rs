//! The JSON of ACME resources (RFC 8555 section 7.1).

use axum::http::{HeaderMap, HeaderValue, header};
use chrono::SecondsFormat;
use serde_json::{Value, json};

use app::model::acme::AcmeChallengeKind;

use super::{Acme, problem::URN};
use crate::{
    services::acme::{AuthzView, ChallengeView, Failure, OrderView},
    store::acme::AcmeAccountRow,
};

/// Adds a member to a JSON object (the resources are built as objects above).
fn put(v: &mut Value, key: &str, value: Value) {
    if let Some(o) = v.as_object_mut() {
        o.insert(key.to_owned(), value);
    }
}

/// This CA's issuer domain names as dns-persist-01 has them: lower case, no trailing dot, at
/// most 10 (draft-ietf-acme-dns-persist section 3.1).
pub fn issuer_domain_names(c: &Acme) -> Vec<String> {
    c.service
        .issuer_domain_names()
        .iter()
        .map(|n| n.trim_end_matches('.').to_ascii_lowercase())
        .take(10)
        .collect()
}

fn failure(f: &Failure) -> Value {
    json!({"type": format!("{URN}{}", f.kind), "detail": f.detail})
}

fn time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Clients poll pending and processing resources; one second is enough here, where checks
/// run when the client responds (lego otherwise waits five).
pub fn retry_after(status: &str) -> HeaderMap {
    let mut h = HeaderMap::new();
    if status == "pending" || status == "processing" {
        h.insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    }
    h
}

pub fn account(c: &Acme, a: &AcmeAccountRow) -> Value {
    let contact: Vec<&str> = a.contact.split(',').filter(|s| !s.is_empty()).collect();
    json!({
        "status": a.status.as_str(),
        "contact": contact,
        "orders": c.url(&format!("account/{}/orders", a.id)),
    })
}

pub fn order(c: &Acme, o: &OrderView) -> Value {
    let mut v = json!({
        "status": o.status,
        "expires": time(o.expires),
        "identifiers": o.identifiers.iter().map(|(t, v)| json!({"type": t, "value": v})).collect::<Vec<_>>(),
        "authorizations": o.authz_ids.iter().map(|id| c.url(&format!("authz/{id}"))).collect::<Vec<_>>(),
        "finalize": c.url(&format!("order/{}/finalize", o.id)),
        "profile": o.profile.as_str(),
    });
    if o.certificate {
        put(
            &mut v,
            "certificate",
            json!(c.url(&format!("cert/{}", o.id))),
        );
    }
    if let Some(e) = &o.error {
        put(&mut v, "error", failure(e));
    }
    if let Some(r) = &o.replaces {
        put(&mut v, "replaces", json!(r));
    }
    v
}

pub fn challenge(c: &Acme, ch: &ChallengeView) -> Value {
    let mut v = json!({
        "type": ch.kind.as_str(),
        "url": c.url(&format!("chall/{}", ch.id)),
        "status": ch.status.as_str(),
    });
    if ch.kind == AcmeChallengeKind::DnsPersist01 {
        // draft-ietf-acme-dns-persist section 3.1: no token, the names the record may use
        // (`issuer-domain-names` in drafts 00 and 01, `issuerDomainNames` since 02).
        let names = issuer_domain_names(c);
        put(&mut v, "issuer-domain-names", json!(names));
        put(&mut v, "issuerDomainNames", json!(names));
    } else {
        put(&mut v, "token", json!(ch.token));
    }
    if let Some(t) = ch.validated {
        put(&mut v, "validated", json!(time(t)));
    }
    if let Some(e) = &ch.error {
        put(&mut v, "error", failure(e));
    }
    v
}

pub fn authz(c: &Acme, a: &AuthzView) -> Value {
    let mut v = json!({
        "status": a.status.as_str(),
        "expires": time(a.expires),
        "identifier": {"type": "dns", "value": a.identifier},
        "challenges": a.challenges.iter().map(|ch| challenge(c, ch)).collect::<Vec<_>>(),
    });
    if a.wildcard {
        put(&mut v, "wildcard", json!(true));
    }
    v
}
