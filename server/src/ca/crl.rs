//! CRLs per shard of a CA (`crl_shards`): signed on revocation and on a schedule, stored,
//! served at `/crl/<ca>.crl` (shard 0) and `/crl/<ca>/<n>.crl`.

use chrono::{Datelike, Duration, SubsecRound, Timelike};
use rcgen::{
    CertificateRevocationListParams, CrlDistributionPoint, CrlIssuingDistributionPoint, CrlScope,
    Issuer, KeyIdMethod, RevocationReason as RcgenReason, SerialNumber,
};

use super::{
    Authority, CaError, asn1_time,
    crl_shards::shards_of,
    signed::{
        Capture, SHA1_RULE, assemble, element_len, element_parts, push_length, refuse_sha1,
        tbs_signature_algorithm,
    },
};
use crate::{
    domain::{br_rules::SignedObject, revocation::RevocationReason},
    store::{
        AuthorityRow, CrlRow, StoreError, authorities,
        certificates::{self, RevokedEntry, RevokedList},
        crls,
    },
};

/// Subscriber CRLs must be re-issued within 7 days and say when the next one comes (TLS BR 4.9.7
/// allows up to 10 days); ours say 7 and are re-signed daily by the refresh job.
pub const CRL_VALIDITY: Duration = Duration::days(7);
/// A CRL older than this is replaced by the refresh job.
pub const CRL_REFRESH_AFTER: Duration = Duration::hours(24);
/// CRLs kept per shard: the one served and the one before it.
const CRLS_KEPT: i64 = 2;

/// Which certificates a CA's CRLs cover, as the issuingDistributionPoint says (RFC 5280
/// 5.2.5): an issuing CA's are all end-entity certificates (its own certificate's
/// pathLenConstraint is 0), so its CRLs assert onlyContainsUserCerts, as Boulder's do; a
/// root's cover CA certificates and its OCSP responders', so they assert neither.
fn crl_scope(ca: &AuthorityRow) -> Option<CrlScope> {
    ca.parent_id.map(|_| CrlScope::UserCertsOnly)
}

fn reason_code(reason: Option<RevocationReason>) -> Option<RcgenReason> {
    // unspecified is expressed by leaving reasonCode out (RFC 5280 5.3.1, TLS BR 7.2.2).
    match reason? {
        RevocationReason::Unspecified => None,
        RevocationReason::KeyCompromise => Some(RcgenReason::KeyCompromise),
        RevocationReason::CaCompromise => Some(RcgenReason::CaCompromise),
        RevocationReason::AffiliationChanged => Some(RcgenReason::AffiliationChanged),
        RevocationReason::Superseded => Some(RcgenReason::Superseded),
        RevocationReason::CessationOfOperation => Some(RcgenReason::CessationOfOperation),
        RevocationReason::CertificateHold => Some(RcgenReason::CertificateHold),
        RevocationReason::RemoveFromCrl => Some(RcgenReason::RemoveFromCrl),
        RevocationReason::PrivilegeWithdrawn => Some(RcgenReason::PrivilegeWithdrawn),
        RevocationReason::AaCompromise => Some(RcgenReason::AaCompromise),
    }
}

/// revokedCertificates (RFC 5280 5.1.2.6), encoded in one pass from the database's list;
/// empty when nothing is revoked, since the field must then be absent.
fn revoked_certificates(list: &RevokedList) -> Result<Vec<u8>, String> {
    if list.is_empty() {
        return Ok(Vec::new());
    }
    let mut body = Vec::with_capacity(list.len() * 56);
    for entry in list.iter() {
        push_entry(&mut body, &entry.map_err(|e| e.to_string())?)?;
    }
    let mut out = Vec::with_capacity(body.len() + 8);
    out.push(0x30);
    push_length(&mut out, body.len());
    out.extend_from_slice(&body);
    Ok(out)
}

/// One revokedCertificates entry, byte for byte as rcgen writes it: the serial as a positive
/// INTEGER, the revocation time, and a reasonCode extension unless the reason is unspecified.
fn push_entry(out: &mut Vec<u8>, entry: &RevokedEntry<'_>) -> Result<(), String> {
    let hex = entry.serial_hex;
    let mut buf = [0u8; 32];
    let serial = buf
        .get_mut(..hex.len() / 2)
        .filter(|_| hex.len().is_multiple_of(2))
        .ok_or_else(|| format!("serial {hex:?} is not a serial number"))?;
    hex::decode_to_slice(hex, serial).map_err(|e| format!("serial {hex:?}: {e}"))?;
    let significant = serial.iter().position(|b| *b != 0).unwrap_or(serial.len());
    let digits: &[u8] = match serial.get(significant..) {
        Some(digits) if !digits.is_empty() => digits,
        _ => &[0],
    };
    let pad = digits.first().is_some_and(|b| b & 0x80 != 0);
    let integer_len = digits.len() + usize::from(pad);
    let time = der_time(entry.revoked_at)?;
    let reason = reason_code(entry.reason).map(|r| r as u8);
    let content = 2 + integer_len + time.len() + if reason.is_some() { REASON_EXT_LEN } else { 0 };
    out.push(0x30);
    push_length(out, content);
    out.push(0x02);
    push_length(out, integer_len);
    if pad {
        out.push(0);
    }
    out.extend_from_slice(digits);
    out.extend_from_slice(&time);
    if let Some(code) = reason {
        // Extensions { Extension { id-ce-cRLReasons, OCTET STRING { ENUMERATED code } } }
        out.extend_from_slice(&[
            0x30, 0x0c, 0x30, 0x0a, 0x06, 0x03, 0x55, 0x1d, 0x15, 0x04, 0x03, 0x0a, 0x01, code,
        ]);
    }
    Ok(())
}

const REASON_EXT_LEN: usize = 14;

/// Time (RFC 5280 4.1.2.5): UTCTime from 1950 to 2049, GeneralizedTime outside.
fn der_time(unix: i64) -> Result<Vec<u8>, String> {
    let t = chrono::DateTime::from_timestamp(unix, 0)
        .filter(|t| (0..=9999).contains(&t.year()))
        .ok_or_else(|| format!("{unix} is not a time a CRL can hold"))?;
    let utc = (1950..2050).contains(&t.year());
    let mut out = Vec::with_capacity(17);
    let mut two = |n: u32| {
        out.push(b'0' + (n / 10 % 10) as u8);
        out.push(b'0' + (n % 10) as u8);
    };
    let year = t.year().unsigned_abs();
    if !utc {
        two(year / 100);
    }
    two(year % 100);
    two(t.month());
    two(t.day());
    two(t.hour());
    two(t.minute());
    two(t.second());
    out.push(b'Z');
    let mut der = vec![if utc { 0x17 } else { 0x18 }, out.len() as u8];
    der.extend_from_slice(&out);
    Ok(der)
}

/// Puts revokedCertificates into the TBSCertList rcgen laid out without entries: after
/// nextUpdate and before crlExtensions, where RFC 5280 5.1 has it.
fn with_entries(frame: &[u8], entries: &[u8]) -> Option<Vec<u8>> {
    let (header, len) = element_parts(frame)?;
    if frame.first() != Some(&0x30) || len != frame.len() {
        return None;
    }
    let content = frame.get(header..)?;
    // version, signature, issuer, thisUpdate, nextUpdate
    let mut at = 0;
    for _ in 0..5 {
        at += element_len(content.get(at..)?)?;
    }
    if content.get(at) != Some(&0xa0) {
        return None;
    }
    let mut tbs = Vec::with_capacity(frame.len() + entries.len() + 8);
    tbs.push(0x30);
    push_length(&mut tbs, content.len() + entries.len());
    tbs.extend_from_slice(content.get(..at)?);
    tbs.extend_from_slice(entries);
    tbs.extend_from_slice(content.get(at..)?);
    Some(tbs)
}

/// Whether a CRL must be signed whatever the newest one is, or only when that one is stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    /// A revocation or the operator asked: a new CRL, numbered above whatever is there.
    Always,
    /// The schedule: a new CRL only if the newest is older than [`CRL_REFRESH_AFTER`], so
    /// several nodes running the job publish one CRL per period between them.
    WhenStale,
}

impl Authority {
    /// Signs and stores a fresh CRL for a shard of a CA, numbered one above the shard's last.
    pub async fn publish_crl(&self, ca: &AuthorityRow, shard: i32) -> Result<CrlRow, CaError> {
        match self.sign_crl(ca, shard, Need::Always).await? {
            Some(row) => Ok(row),
            // `Always` never finds a CRL fresh enough to skip.
            None => Err(CaError::Build {
                name: ca.name.clone(),
                reason: "no CRL was signed".into(),
            }),
        }
    }

    /// Signs and stores a shard's CRL numbered one above the shard's last; with
    /// `Need::WhenStale`, `None` when the shard's newest CRL is still fresh. The decision and
    /// the number come from the same read of the newest CRL, and a number another node took
    /// first sends it round again: a node that lost the race then finds that node's CRL fresh
    /// and stops, instead of publishing a second one for the same period.
    async fn sign_crl(
        &self,
        ca: &AuthorityRow,
        shard: i32,
        need: Need,
    ) -> Result<Option<CrlRow>, CaError> {
        let build = |reason: String| CaError::Build {
            name: ca.name.clone(),
            reason,
        };
        let time = |t: chrono::DateTime<chrono::Utc>| asn1_time(t).map_err(build);
        let signer = self.signer_of(ca).await?;
        // Two processes may publish at once; the unique number makes one of them try again.
        for _ in 0..3 {
            let now = self.clock.now().trunc_subsecs(0);
            let latest = crls::latest_number_and_time_for_shard(&self.store, ca.id, shard).await?;
            if need == Need::WhenStale
                && latest.is_some_and(|(_, signed)| self.clock.now() - signed < CRL_REFRESH_AFTER)
            {
                return Ok(None);
            }
            let number = latest.map_or(1, |(n, _)| n + 1);
            // Up to millions of rows: on the read-only connections, beside the writer.
            let revoked =
                certificates::revoked_in_shard(&self.store.reads(), ca.id, shard, now).await?;
            let next_update = now + CRL_VALIDITY;
            // rcgen lays out everything but the entries: issuer, times, extensions.
            let frame = CertificateRevocationListParams {
                this_update: time(now)?,
                next_update: time(next_update)?,
                crl_number: SerialNumber::from_slice(&number.to_be_bytes()),
                // Critical (rcgen marks it so), with the URI the shard's certificates name
                // (BR 7.2.2.1): a CRL of another shard can never pass for this one.
                issuing_distribution_point: Some(CrlIssuingDistributionPoint {
                    distribution_point: CrlDistributionPoint {
                        uris: vec![self.crl_url(&ca.name, shard)],
                    },
                    scope: crl_scope(ca),
                }),
                revoked_certs: Vec::new(),
                key_identifier_method: KeyIdMethod::Sha256,
            };
            let capture = Capture::new(signer.public_key(), signer.spec());
            let issuer = Issuer::from_ca_cert_der(&ca.cert_der.as_slice().into(), &capture)
                .map_err(|e| build(e.to_string()))?;
            frame.signed_by(&issuer).map_err(|e| build(e.to_string()))?;
            drop(issuer);
            let frame = capture
                .into_tbs()
                .ok_or_else(|| build("no to-be-signed CRL was produced".into()))?;
            let algorithm = tbs_signature_algorithm(&frame)
                .ok_or_else(|| build("the to-be-signed CRL names no signature algorithm".into()))?;
            refuse_sha1(SignedObject::Crl, algorithm, now).map_err(|detail| CaError::Refused {
                rule: SHA1_RULE,
                detail,
            })?;
            // A million entries take a good part of a second to encode and hash: off the
            // async workers.
            let entries = revoked.len();
            let crl_signer = signer.clone();
            let der = tokio::task::spawn_blocking(move || -> Result<Vec<u8>, String> {
                let tbs = with_entries(&frame, &revoked_certificates(&revoked)?)
                    .ok_or("the CRL rcgen laid out does not have the expected fields")?;
                let signature = crl_signer.sign(&tbs).map_err(|e| e.to_string())?;
                Ok(assemble(&tbs, crl_signer.spec(), &signature))
            })
            .await
            .map_err(|e| build(e.to_string()))?
            .map_err(build)?;
            let stored = crls::insert(
                &self.store,
                crls::NewCrl {
                    ca_id: ca.id,
                    shard,
                    crl_number: number,
                    this_update: now,
                    next_update,
                    der: &der,
                    entries: i32::try_from(entries).unwrap_or(i32::MAX),
                },
            )
            .await;
            match stored {
                Ok(row) => {
                    if let Err(e) = crls::prune(&self.store, ca.id, shard, number, CRLS_KEPT).await
                    {
                        // The new CRL is published; old ones only cost space until next time.
                        tracing::warn!(error = %e, ca = %ca.name, shard, "cannot delete old CRLs");
                    }
                    return Ok(Some(row));
                }
                Err(StoreError::Duplicate) => continue,
                Err(e) => return Err(e.into()),
            }
        }
        Err(build("could not take a CRL number".into()))
    }

    /// The current CRL of a shard of a CA (DER), publishing one first if there is none or it
    /// is stale; `None` for a CA or shard that does not exist.
    pub async fn current_crl(&self, ca_name: &str, shard: i32) -> Result<Option<Vec<u8>>, CaError> {
        let Some(ca) = authorities::find_by_name(&self.store, ca_name)
            .await?
            .filter(|ca| shards_of(ca).contains(&shard))
        else {
            return Ok(None);
        };
        let now = self.clock.now();
        let crl = match crls::latest_for_shard(&self.store, ca.id, shard).await? {
            Some(c) if now - c.this_update < CRL_REFRESH_AFTER => c,
            // Stale or missing: sign one unless another node just did, then serve the newest.
            _ => match self.sign_crl(&ca, shard, Need::WhenStale).await? {
                Some(row) => row,
                None => crls::latest_for_shard(&self.store, ca.id, shard)
                    .await?
                    .ok_or_else(|| CaError::Build {
                        name: ca.name.clone(),
                        reason: "the fresh CRL another process published is gone".into(),
                    })?,
            },
        };
        Ok(Some(crl.der))
    }

    /// Publishes a new CRL for a shard of a CA by name (the `ca crl` command; shard 0 is the
    /// whole-CA CRL).
    pub async fn publish_fresh_crl(&self, ca_name: &str, shard: i32) -> Result<Vec<u8>, CaError> {
        let ca = authorities::find_by_name(&self.store, ca_name)
            .await?
            .ok_or_else(|| CaError::Refused {
                rule: "ca.unknown",
                detail: format!("there is no CA named {ca_name:?}; see `server ca list`"),
            })?;
        if !shards_of(&ca).contains(&shard) {
            return Err(CaError::Refused {
                rule: "crl.shard",
                detail: format!(
                    "CA {ca_name} has CRL shards 0 to {}; there is no shard {shard}",
                    ca.crl_shards.max(0)
                ),
            });
        }
        Ok(self.publish_crl(&ca, shard).await?.der)
    }

    /// Re-signs every shard's CRL that is due (the scheduled job): each is older than
    /// [`CRL_REFRESH_AFTER`] or missing, so every shard is re-signed at least daily (BR 4.9.7
    /// asks for 7 days), once per period across every process that runs the job. One grouped
    /// read finds the shards still fresh, so they cost no query each.
    pub async fn refresh_crls(&self) -> Result<usize, CaError> {
        let newest: std::collections::HashMap<(i32, i32), chrono::DateTime<chrono::Utc>> =
            crls::newest_this_update_per_shard_for_operator(&self.store)
                .await?
                .into_iter()
                .map(|(ca, shard, signed)| ((ca, shard), signed))
                .collect();
        let now = self.clock.now();
        let mut published = 0;
        for ca in authorities::list(&self.store).await? {
            for shard in shards_of(&ca) {
                if newest
                    .get(&(ca.id, shard))
                    .is_some_and(|signed| now - *signed < CRL_REFRESH_AFTER)
                {
                    continue;
                }
                if self.sign_crl(&ca, shard, Need::WhenStale).await?.is_some() {
                    published += 1;
                }
            }
        }
        Ok(published)
    }
}

#[cfg(test)]
mod tests {
    use rcgen::{
        BasicConstraints, CertificateParams, IsCa, KeyPair, KeyUsagePurpose, RevokedCertParams,
    };

    use super::*;
    use crate::{domain::revocation::RevocationReason, ports::keys::KeySpec};
    use x509_parser::prelude::FromDer;

    fn unix(t: &str) -> i64 {
        chrono::DateTime::parse_from_rfc3339(t).unwrap().timestamp()
    }

    /// The TBSCertList rcgen writes for these entries, and the one built here from the same
    /// entries as the database lists them.
    fn both_ways(text: &str, params: Vec<RevokedCertParams>) -> (Vec<u8>, Vec<u8>) {
        let key = KeyPair::generate().unwrap();
        let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        ca.distinguished_name
            .push(rcgen::DnType::CommonName, "Rootline Test CA");
        let ca_der = ca.self_signed(&key).unwrap().der().to_vec();
        let spki = key.public_key_raw().to_vec();
        let now = chrono::Utc::now().trunc_subsecs(0);
        let crl = |revoked_certs| {
            let capture = Capture::new(&spki, KeySpec::EcP256);
            let issuer = Issuer::from_ca_cert_der(&ca_der.as_slice().into(), &capture).unwrap();
            CertificateRevocationListParams {
                this_update: asn1_time(now).unwrap(),
                next_update: asn1_time(now + CRL_VALIDITY).unwrap(),
                crl_number: SerialNumber::from_slice(&7i64.to_be_bytes()),
                issuing_distribution_point: Some(CrlIssuingDistributionPoint {
                    distribution_point: CrlDistributionPoint {
                        uris: vec!["http://pki.example.com/crl/tls.crl".into()],
                    },
                    scope: None,
                }),
                revoked_certs,
                key_identifier_method: KeyIdMethod::Sha256,
            }
            .signed_by(&issuer)
            .unwrap();
            drop(issuer);
            capture.into_tbs().unwrap()
        };
        let expected = crl(params);
        let frame = crl(Vec::new());
        let built = with_entries(
            &frame,
            &revoked_certificates(&RevokedList::from_text(text)).unwrap(),
        )
        .unwrap();
        (expected, built)
    }

    fn entry(serial: &[u8], at: &str, reason: Option<RcgenReason>) -> RevokedCertParams {
        RevokedCertParams {
            serial_number: SerialNumber::from_slice(serial),
            revocation_time: time::OffsetDateTime::from_unix_timestamp(unix(at)).unwrap(),
            reason_code: reason,
            invalidity_date: None,
        }
    }

    #[test]
    fn entries_are_laid_out_byte_for_byte_as_rcgen_lays_them_out() {
        let text = format!(
            "7e0102030405060708090a0b0c0d0e0f,{},keyCompromise;\
             00ff0102030405060708,{},;\
             0000000000000001,{},superseded;\
             7fffffffffffffffffffffffffffffffffffffff,{},unspecified;\
             41,{},cessationOfOperation",
            unix("2026-11-22T05:00:01Z"),
            unix("2049-12-31T23:59:59Z"),
            unix("2050-01-01T00:00:00Z"),
            unix("1999-03-04T05:06:07Z"),
            unix("2026-01-02T03:04:05Z"),
        );
        let (expected, built) = both_ways(
            &text,
            vec![
                entry(
                    &hex::decode("7e0102030405060708090a0b0c0d0e0f").unwrap(),
                    "2026-11-22T05:00:01Z",
                    Some(RcgenReason::KeyCompromise),
                ),
                entry(
                    &hex::decode("00ff0102030405060708").unwrap(),
                    "2049-12-31T23:59:59Z",
                    None,
                ),
                entry(
                    &[0, 0, 0, 0, 0, 0, 0, 1],
                    "2050-01-01T00:00:00Z",
                    Some(RcgenReason::Superseded),
                ),
                entry(
                    &hex::decode("7fffffffffffffffffffffffffffffffffffffff").unwrap(),
                    "1999-03-04T05:06:07Z",
                    None,
                ),
                entry(
                    &[0x41],
                    "2026-01-02T03:04:05Z",
                    Some(RcgenReason::CessationOfOperation),
                ),
            ],
        );
        assert_eq!(hex::encode(built), hex::encode(expected));
    }

    #[test]
    fn a_crl_without_entries_leaves_the_list_out() {
        let (expected, built) = both_ways("", Vec::new());
        assert_eq!(built, expected);
    }

    #[test]
    fn an_entry_that_is_not_a_serial_or_time_refuses_the_whole_crl() {
        for text in [
            "7g01,1,",
            "123,1,",
            "7e01,x,",
            "7e01,1",
            "7e01,1,lost",
            &format!("{},1,", "ab".repeat(33)),
        ] {
            assert!(
                revoked_certificates(&RevokedList::from_text(text)).is_err(),
                "{text}"
            );
        }
        assert!(der_time(i64::MAX).is_err());
    }

    #[tokio::test]
    async fn a_shards_crl_lists_every_unexpired_revocation_of_that_shard_and_keeps_its_last_two() {
        use crate::{
            ca::test_support::{SECRET, authority, crl_shard_of, dv_csr, issue_dv, temp_dir},
            store::{authorities, test_db::fresh_store},
        };
        let ca = authority(fresh_store().await, SECRET);
        ca.init(KeySpec::EcP256).await.unwrap();
        let tls = authorities::find_by_name(&ca.store, "tls")
            .await
            .unwrap()
            .unwrap();
        let dir = temp_dir("crl-entries");
        let csr = dv_csr(&dir);
        let compromised = issue_dv(&ca, &csr).await;
        let shard = crl_shard_of(&ca, &compromised.serial_hex).await;
        // Another certificate of the same shard, and one of another shard.
        let (mut plain, mut elsewhere) = (None, None);
        while plain.is_none() || elsewhere.is_none() {
            let issued = issue_dv(&ca, &csr).await;
            if crl_shard_of(&ca, &issued.serial_hex).await == shard {
                plain.get_or_insert(issued);
            } else {
                elsewhere.get_or_insert(issued);
            }
        }
        let (plain, elsewhere) = (plain.unwrap(), elsewhere.unwrap());
        let now = ca.clock.now();
        // In the shard, three revoked certificates that have expired and two that have not;
        // two more on the whole-CA CRL, which is another shard.
        for (first, count, not_after, in_shard) in [
            (0, 3, now - Duration::days(1), shard),
            (3, 2, now + Duration::days(30), shard),
            (5, 2, now + Duration::days(30), 0),
        ] {
            certificates::insert_revoked_for_bench(
                &ca.store,
                tls.id,
                in_shard,
                first,
                count,
                now - Duration::days(2),
                not_after,
            )
            .await
            .unwrap();
        }
        ca.revoke(&compromised.serial_hex, RevocationReason::KeyCompromise)
            .await
            .unwrap();
        ca.revoke(&plain.serial_hex, RevocationReason::Unspecified)
            .await
            .unwrap();
        ca.revoke(&elsewhere.serial_hex, RevocationReason::Superseded)
            .await
            .unwrap();
        let der = ca.publish_fresh_crl("tls", shard).await.unwrap();

        let (_, crl) =
            x509_parser::revocation_list::CertificateRevocationList::from_der(&der).unwrap();
        let listed: Vec<(String, i64, Option<u8>)> = crl
            .iter_revoked_certificates()
            .map(|r| {
                (
                    hex::encode(r.raw_serial()),
                    r.revocation_date.timestamp(),
                    r.reason_code().map(|(_, code)| code.0),
                )
            })
            .collect();
        let row = certificates::find_by_serial(&ca.store, &compromised.serial_hex)
            .await
            .unwrap()
            .unwrap();
        let revoked_at = row.revoked_at.unwrap();
        assert!(
            revoked_at.timestamp_subsec_nanos() > 0,
            "the clock has fractions"
        );
        assert_eq!(listed.len(), 4, "{listed:?}");
        assert!(listed.contains(&(
            compromised.serial_hex.clone(),
            revoked_at.timestamp(),
            Some(1)
        )));
        assert!(listed.contains(&(plain.serial_hex.clone(), revoked_at.timestamp(), None)));
        for i in 3..5 {
            assert!(
                listed.iter().any(|(s, _, _)| *s == format!("7e{i:030x}")),
                "{listed:?}"
            );
        }
        assert!(
            !listed.iter().any(|(s, _, _)| *s == elsewhere.serial_hex),
            "{listed:?}"
        );
        // Two revocations in the shard and one publication made three of its CRLs; the two
        // newest are kept. The other shard has the one its revocation made.
        assert_eq!(
            crls::numbers_for_shard(&ca.store, tls.id, shard)
                .await
                .unwrap(),
            vec![2, 3]
        );
        let other = crl_shard_of(&ca, &elsewhere.serial_hex).await;
        assert_eq!(
            crls::numbers_for_shard(&ca.store, tls.id, other)
                .await
                .unwrap(),
            vec![1]
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn nodes_refreshing_at_once_publish_one_crl_per_shard_per_period() {
        use std::sync::Arc;

        use crate::{
            ca::test_support::{SECRET, authority_at},
            ports::clock::FakeClock,
            store::{authorities, test_db::fresh_store},
        };
        let store = fresh_store().await;
        // Whole seconds: CRLs record their times without fractions.
        let clock = Arc::new(FakeClock::at(
            chrono::Utc::now().trunc_subsecs(0) - Duration::hours(1),
        ));
        // Three server processes on one database, each with its own authority.
        let nodes: Vec<Authority> = (0..3)
            .map(|_| authority_at(store.clone(), SECRET, clock.clone()))
            .collect();
        nodes[0].init(KeySpec::EcP256).await.unwrap();
        let cas = authorities::list(&store).await.unwrap();
        let shards: usize = cas.iter().map(|ca| shards_of(ca).count()).sum();
        let numbers = async || {
            let mut all = Vec::new();
            for ca in &cas {
                for shard in shards_of(ca) {
                    all.push(crls::numbers_for_shard(&store, ca.id, shard).await.unwrap());
                }
            }
            all
        };

        let published: usize =
            futures_util::future::join_all(nodes.iter().map(|n| n.refresh_crls()))
                .await
                .into_iter()
                .map(Result::unwrap)
                .sum();
        assert_eq!(published, shards, "one CRL per shard between the three");
        assert!(
            numbers().await.iter().all(|n| *n == vec![1]),
            "{:?}",
            numbers().await
        );

        // The next period: again one each, whether the job or a download finds it due.
        clock.advance(CRL_REFRESH_AFTER + Duration::minutes(1));
        let (refreshed, served) = futures_util::future::join(
            futures_util::future::join_all(nodes.iter().map(|n| n.refresh_crls())),
            futures_util::future::join_all(
                nodes
                    .iter()
                    .flat_map(|n| [n.current_crl("tls", 0), n.current_crl("tls", 1)]),
            ),
        )
        .await;
        let refreshed: usize = refreshed.into_iter().map(Result::unwrap).sum();
        assert!(served.into_iter().all(|d| d.unwrap().is_some()));
        assert!(refreshed <= shards);
        assert!(
            numbers().await.iter().all(|n| *n == vec![1, 2]),
            "{:?}",
            numbers().await
        );
    }
}
