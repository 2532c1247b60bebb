//! Sharded CRLs, as Boulder's crl-updater makes them (TLS BR 7.2, 7.2.2.1 and 4.9.7): at
//! issuance each certificate falls into one shard of its CA, picked from the random low bytes
//! of its serial and recorded with it; its CRL distribution point names that shard's CRL, and
//! that CRL lists only the shard's revocations under a critical issuingDistributionPoint that
//! carries the same URI, byte for byte. The URLs of every shard are published as one JSON
//! array, for CCADB's "JSON Array of Partitioned CRLs".
//!
//! Shard 0 is the CA's whole-CA URL, `/crl/<ca>.crl`: the certificates issued before sharding
//! name it and stay on it, and a root (which has no shards) publishes its one CRL there.
//! Shards 1 to N are `/crl/<ca>/<n>.crl`. Every certificate has a shard, even one without a
//! distribution point (short-lived), so the shards together cover all the CA issued (BR 7.2).

use std::ops::RangeInclusive;

use super::{Authority, CaError};
use crate::store::{AuthorityRow, authorities};

/// The shards a new issuing CA gets. Each CA keeps its number in the database, so a different
/// default later changes only the CAs made after it, and certificates keep the shard they were
/// issued into whatever the number becomes.
pub const DEFAULT_CRL_SHARDS: i32 = 16;

/// The shard of a certificate with this serial, for a CA with `shards` shards: 1 to `shards`,
/// from the serial's low eight bytes (random, `serial::random_serial`), as Boulder picks its
/// explicit shards; 0 (the whole-CA CRL) when the CA has none.
pub(super) fn shard_for_serial(serial: &[u8], shards: i32) -> i32 {
    let Some(count) = u64::try_from(shards).ok().filter(|n| *n > 0) else {
        return 0;
    };
    let low = serial
        .get(serial.len().saturating_sub(8)..)
        .unwrap_or_default()
        .iter()
        .fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
    // Below `shards`, an i32: the conversion cannot fail.
    i32::try_from(low % count).map_or(0, |index| index + 1)
}

/// The shards a CA publishes: its whole-CA CRL (0) and each of its shards.
pub(super) fn shards_of(ca: &AuthorityRow) -> RangeInclusive<i32> {
    0..=ca.crl_shards.max(0)
}

impl Authority {
    /// The URL of a shard's CRL: what the certificates of the shard name in their CRL
    /// distribution point and the CRL in its issuingDistributionPoint, from this one function
    /// so the two are the same bytes.
    pub(super) fn crl_url(&self, ca_name: &str, shard: i32) -> String {
        let base = &self.settings.base_url;
        match shard {
            0 => format!("{base}/crl/{ca_name}.crl"),
            n => format!("{base}/crl/{ca_name}/{n}.crl"),
        }
    }

    /// Where the list of a CA's CRL URLs is published (for CCADB).
    pub fn crl_partitions_url(&self, ca_name: &str) -> String {
        format!("{}/crl/{ca_name}/shards.json", self.settings.base_url)
    }

    /// Every CRL URL of a CA, the whole-CA one first: together they cover every certificate it
    /// issued. `None` for a CA that does not exist.
    pub async fn crl_partitions(&self, ca_name: &str) -> Result<Option<Vec<String>>, CaError> {
        Ok(authorities::find_by_name(&self.store, ca_name)
            .await?
            .map(|ca| {
                shards_of(&ca)
                    .map(|shard| self.crl_url(&ca.name, shard))
                    .collect()
            }))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{Duration, SubsecRound, Utc};
    use x509_parser::{
        certificate::X509Certificate,
        extensions::{DistributionPointName, GeneralName, ParsedExtension, X509Extension},
        prelude::FromDer,
        revocation_list::CertificateRevocationList,
    };

    use super::*;
    use crate::{
        adapters::random::OsRandom,
        ca::{
            CRL_REFRESH_AFTER, CRL_VALIDITY, Issued,
            serial::random_serial,
            signed::{element_len, element_parts},
            test_support::{
                SECRET, authority, authority_at, crl_shard_of, dv_csr, issue_dv, temp_dir,
            },
        },
        domain::revocation::RevocationReason,
        ports::{Clock, clock::FakeClock, keys::KeySpec},
        store::{crls, test_db::fresh_store},
    };

    #[test]
    fn a_shard_comes_from_the_serials_low_bytes_and_the_shards_fill_evenly() {
        let with_low = |high: u8, low: u8| {
            let mut serial = [high; 16];
            serial[8..].fill(0);
            serial[15] = low;
            serial
        };
        // The low eight bytes, modulo the count, from 1; the high bytes play no part.
        assert_eq!(shard_for_serial(&with_low(0x7e, 0x00), 16), 1);
        assert_eq!(shard_for_serial(&with_low(0x7e, 0x0f), 16), 16);
        assert_eq!(shard_for_serial(&with_low(0x7e, 0x10), 16), 1);
        assert_eq!(shard_for_serial(&with_low(0x01, 0x05), 16), 6);
        assert_eq!(shard_for_serial(&with_low(0x01, 0x05), 1), 1);
        assert_eq!(
            shard_for_serial(&[0x2a], 16),
            11,
            "a short serial is its own low bytes"
        );
        // A CA without shards puts everything on its whole-CA CRL.
        assert_eq!(shard_for_serial(&with_low(0x7e, 0x05), 0), 0);
        assert_eq!(shard_for_serial(&with_low(0x7e, 0x05), -3), 0);

        let mut filled = [0u32; 16];
        for _ in 0..16_000 {
            let serial = random_serial(&OsRandom);
            let shard = shard_for_serial(&serial, 16);
            assert_eq!(
                shard,
                shard_for_serial(&serial, 16),
                "the same serial, the same shard"
            );
            assert!((1..=16).contains(&shard), "{shard}");
            filled[usize::try_from(shard - 1).unwrap()] += 1;
        }
        // 1,000 each on average; these bounds are more than six standard deviations away.
        assert!(
            filled.iter().all(|n| (800..=1200).contains(n)),
            "{filled:?}"
        );
    }

    /// The elements inside a DER element.
    fn children(der: &[u8]) -> Vec<&[u8]> {
        let (header, len) = element_parts(der).unwrap();
        let mut content = &der[header..len];
        let mut out = Vec::new();
        while !content.is_empty() {
            let n = element_len(content).unwrap();
            out.push(&content[..n]);
            content = &content[n..];
        }
        out
    }

    /// The first element inside `der` with this tag.
    fn inner(der: &[u8], tag: u8) -> &[u8] {
        children(der).into_iter().find(|c| c[0] == tag).unwrap()
    }

    /// The one URI of a fullName as x509-parser reads it, and its GeneralName as encoded:
    /// `[6] IMPLICIT IA5String`, tag, length and bytes.
    fn the_uri(name: &Option<DistributionPointName<'_>>, full_name: &[u8]) -> (String, Vec<u8>) {
        let Some(DistributionPointName::FullName(names)) = name else {
            panic!("no fullName: {name:?}");
        };
        let [GeneralName::URI(uri)] = names.as_slice() else {
            panic!("not one URI: {names:?}");
        };
        let [encoded] = children(full_name)[..] else {
            panic!("not one GeneralName");
        };
        assert_eq!(encoded[0], 0x86, "uniformResourceIdentifier");
        ((*uri).to_owned(), encoded.to_vec())
    }

    /// A certificate's CRL distribution point URI, and its DER.
    fn distribution_point(cert_der: &[u8]) -> (String, Vec<u8>) {
        let (_, cert) = X509Certificate::from_der(cert_der).unwrap();
        let ext: &X509Extension = cert
            .extensions()
            .iter()
            .find(|e| {
                matches!(
                    e.parsed_extension(),
                    ParsedExtension::CRLDistributionPoints(_)
                )
            })
            .unwrap();
        let ParsedExtension::CRLDistributionPoints(points) = ext.parsed_extension() else {
            unreachable!()
        };
        let [point] = points.points.as_slice() else {
            panic!("not one distribution point");
        };
        // CRLDistributionPoints ::= SEQUENCE OF DistributionPoint; a DistributionPoint's
        // distributionPoint [0] holds the name, whose fullName [0] holds the GeneralNames.
        let encoded = children(ext.value)[0];
        the_uri(&point.distribution_point, inner(inner(encoded, 0xa0), 0xa0))
    }

    /// A CRL's issuingDistributionPoint: its URI and that URI's DER, whether the extension is
    /// critical and whether it asserts onlyContainsUserCerts.
    fn issuing_distribution_point(crl_der: &[u8]) -> (String, Vec<u8>, bool, bool) {
        let (_, crl) = CertificateRevocationList::from_der(crl_der).unwrap();
        let ext: &X509Extension = crl
            .extensions()
            .iter()
            .find(|e| {
                matches!(
                    e.parsed_extension(),
                    ParsedExtension::IssuingDistributionPoint(_)
                )
            })
            .unwrap();
        let ParsedExtension::IssuingDistributionPoint(idp) = ext.parsed_extension() else {
            unreachable!()
        };
        // IssuingDistributionPoint ::= SEQUENCE { distributionPoint [0] { fullName [0] … } … }
        let (uri, encoded) = the_uri(&idp.distribution_point, inner(inner(ext.value, 0xa0), 0xa0));
        (uri, encoded, ext.critical, idp.only_contains_user_certs)
    }

    /// The serials a CRL lists, hex.
    fn listed(crl_der: &[u8]) -> Vec<String> {
        let (_, crl) = CertificateRevocationList::from_der(crl_der).unwrap();
        crl.iter_revoked_certificates()
            .map(|r| hex::encode(r.raw_serial()))
            .collect()
    }

    async fn tls_of(ca: &Authority) -> AuthorityRow {
        authorities::find_by_name(&ca.store, "tls")
            .await
            .unwrap()
            .unwrap()
    }

    /// Certificates issued until two of them fall into different shards.
    async fn two_shards(ca: &Authority, csr: &[u8]) -> ((Issued, i32), (Issued, i32)) {
        let first = issue_dv(ca, csr).await;
        let first_shard = crl_shard_of(ca, &first.serial_hex).await;
        loop {
            let other = issue_dv(ca, csr).await;
            let other_shard = crl_shard_of(ca, &other.serial_hex).await;
            if other_shard != first_shard {
                return ((first, first_shard), (other, other_shard));
            }
        }
    }

    #[tokio::test]
    async fn each_shards_issuing_distribution_point_is_byte_for_byte_its_certificates_crl_distribution_point()
     {
        let ca = authority(fresh_store().await, SECRET);
        ca.init(KeySpec::EcP256).await.unwrap();
        let tls = tls_of(&ca).await;
        let dir = temp_dir("crl-idp");
        let csr = dv_csr(&dir);
        // A certificate issued before sharding, when the CA had none: on the whole-CA CRL.
        authorities::set_crl_shards(&ca.store, tls.id, 0)
            .await
            .unwrap();
        let mut issued = vec![issue_dv(&ca, &csr).await];
        authorities::set_crl_shards(&ca.store, tls.id, DEFAULT_CRL_SHARDS)
            .await
            .unwrap();
        for _ in 0..6 {
            issued.push(issue_dv(&ca, &csr).await);
        }

        for (i, certificate) in issued.iter().enumerate() {
            let shard = crl_shard_of(&ca, &certificate.serial_hex).await;
            assert_eq!(shard == 0, i == 0, "{i}: shard {shard}");
            assert!((0..=DEFAULT_CRL_SHARDS).contains(&shard));
            let (uri, encoded) = distribution_point(&certificate.der);
            assert_eq!(uri, ca.crl_url("tls", shard));
            let crl = ca.current_crl("tls", shard).await.unwrap().unwrap();
            let (idp_uri, idp_encoded, critical, only_user_certificates) =
                issuing_distribution_point(&crl);
            assert_eq!(idp_uri, uri);
            assert_eq!(
                hex::encode(idp_encoded),
                hex::encode(encoded),
                "shard {shard}: the same bytes"
            );
            assert!(critical && only_user_certificates, "shard {shard}");
        }
        assert_eq!(
            distribution_point(&issued[0].der).0,
            "http://pki.example.com/crl/tls.crl",
            "the URL certificates named before sharding"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn a_revocation_re_signs_its_own_shard_at_once_and_lands_there_only() {
        let clock = Arc::new(FakeClock::at(
            Utc::now().trunc_subsecs(0) - Duration::hours(1),
        ));
        let ca = authority_at(fresh_store().await, SECRET, clock.clone());
        ca.init(KeySpec::EcP256).await.unwrap();
        let tls = tls_of(&ca).await;
        let dir = temp_dir("crl-revoked-shard");
        let csr = dv_csr(&dir);
        let ((revoked, revoked_shard), (good, good_shard)) = two_shards(&ca, &csr).await;
        ca.refresh_crls().await.unwrap();

        clock.advance(Duration::minutes(5));
        ca.revoke(&revoked.serial_hex, RevocationReason::KeyCompromise)
            .await
            .unwrap();
        for shard in shards_of(&tls) {
            let expected = if shard == revoked_shard {
                vec![1, 2]
            } else {
                vec![1]
            };
            assert_eq!(
                crls::numbers_for_shard(&ca.store, tls.id, shard)
                    .await
                    .unwrap(),
                expected,
                "shard {shard}"
            );
        }
        let served = crls::latest_for_shard(&ca.store, tls.id, revoked_shard)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(served.this_update, clock.now().trunc_subsecs(0), "at once");
        assert_eq!(served.entries, 1);
        assert_eq!(
            listed(&ca.current_crl("tls", revoked_shard).await.unwrap().unwrap()),
            vec![revoked.serial_hex.clone()]
        );
        for shard in [good_shard, 0] {
            assert!(
                listed(&ca.current_crl("tls", shard).await.unwrap().unwrap()).is_empty(),
                "shard {shard}"
            );
        }
        assert_ne!(good.serial_hex, revoked.serial_hex);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn the_refresh_re_signs_every_shard_older_than_a_day_and_leaves_the_fresh_ones() {
        let clock = Arc::new(FakeClock::at(
            Utc::now().trunc_subsecs(0) - Duration::hours(1),
        ));
        let ca = authority_at(fresh_store().await, SECRET, clock.clone());
        ca.init(KeySpec::EcP256).await.unwrap();
        let every: usize = authorities::list(&ca.store)
            .await
            .unwrap()
            .iter()
            .map(|ca| shards_of(ca).count())
            .sum();
        assert_eq!(
            every,
            1 + 5 * (1 + usize::try_from(DEFAULT_CRL_SHARDS).unwrap()),
            "the root's one CRL, and each issuing CA's whole-CA CRL and shards"
        );
        assert_eq!(ca.refresh_crls().await.unwrap(), every, "none existed");
        assert_eq!(ca.refresh_crls().await.unwrap(), 0, "all fresh");
        let tls = tls_of(&ca).await;
        let dir = temp_dir("crl-refresh");
        let revoked = issue_dv(&ca, &dv_csr(&dir)).await;
        let shard = crl_shard_of(&ca, &revoked.serial_hex).await;

        // Half a day on, a revocation re-signs its shard; another half day and a minute on,
        // every other shard is over a day old.
        clock.advance(Duration::hours(12));
        ca.revoke(&revoked.serial_hex, RevocationReason::Superseded)
            .await
            .unwrap();
        clock.advance(Duration::hours(12) + Duration::minutes(1));
        assert!(ca.crl_refresh_lag().await.unwrap() > std::time::Duration::ZERO);
        assert_eq!(ca.refresh_crls().await.unwrap(), every - 1);
        assert_eq!(
            crls::numbers_for_shard(&ca.store, tls.id, shard)
                .await
                .unwrap(),
            vec![1, 2],
            "the revoked certificate's shard was still fresh"
        );
        assert_eq!(
            ca.crl_refresh_lag().await.unwrap(),
            std::time::Duration::ZERO
        );

        // Its turn comes a day after the revocation re-signed it.
        clock.advance(Duration::hours(12));
        assert_eq!(ca.refresh_crls().await.unwrap(), 1);
        assert_eq!(
            crls::numbers_for_shard(&ca.store, tls.id, shard)
                .await
                .unwrap(),
            vec![2, 3]
        );
        // Every CRL served is under a day old and says its successor comes within 7 days
        // (BR 4.9.7 allows 10).
        let now = clock.now();
        for tls_shard in shards_of(&tls) {
            let crl = crls::latest_for_shard(&ca.store, tls.id, tls_shard)
                .await
                .unwrap()
                .unwrap();
            assert!(now - crl.this_update < CRL_REFRESH_AFTER, "{tls_shard}");
            assert_eq!(crl.next_update - crl.this_update, CRL_VALIDITY);
            assert!(CRL_VALIDITY <= Duration::days(10));
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn a_ca_keeps_its_shard_count_and_a_certificate_its_shard_whatever_the_default_becomes() {
        let ca = authority(fresh_store().await, SECRET);
        ca.init(KeySpec::EcP256).await.unwrap();
        let tls = tls_of(&ca).await;
        assert_eq!(tls.crl_shards, DEFAULT_CRL_SHARDS);
        let root = authorities::find_by_name(&ca.store, "root")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(root.crl_shards, 0, "a root has its one CRL");
        let dir = temp_dir("crl-shard-count");
        let csr = dv_csr(&dir);
        let early = issue_dv(&ca, &csr).await;
        let early_shard = crl_shard_of(&ca, &early.serial_hex).await;

        // The CA's own number decides: a CA with 64 (made under another default) spreads its
        // new certificates over 64, and the earlier certificate stays where it was.
        authorities::set_crl_shards(&ca.store, tls.id, 64)
            .await
            .unwrap();
        let mut beyond_sixteen = false;
        for _ in 0..200 {
            let issued = issue_dv(&ca, &csr).await;
            let shard = crl_shard_of(&ca, &issued.serial_hex).await;
            assert!((1..=64).contains(&shard), "{shard}");
            assert_eq!(distribution_point(&issued.der).0, ca.crl_url("tls", shard));
            if shard > 16 {
                beyond_sixteen = true;
                break;
            }
        }
        assert!(beyond_sixteen);
        assert_eq!(crl_shard_of(&ca, &early.serial_hex).await, early_shard);
        ca.revoke(&early.serial_hex, RevocationReason::KeyCompromise)
            .await
            .unwrap();
        assert_eq!(
            listed(&ca.current_crl("tls", early_shard).await.unwrap().unwrap()),
            vec![early.serial_hex.clone()]
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn the_list_for_ccadb_names_every_crl_of_the_ca_and_each_is_served() {
        let ca = authority(fresh_store().await, SECRET);
        ca.init(KeySpec::EcP256).await.unwrap();
        let mut expected = vec!["http://pki.example.com/crl/tls.crl".to_owned()];
        expected.extend(
            (1..=DEFAULT_CRL_SHARDS).map(|n| format!("http://pki.example.com/crl/tls/{n}.crl")),
        );
        assert_eq!(ca.crl_partitions("tls").await.unwrap(), Some(expected));
        assert_eq!(
            ca.crl_partitions("root").await.unwrap(),
            Some(vec!["http://pki.example.com/crl/root.crl".to_owned()])
        );
        assert_eq!(ca.crl_partitions("nope").await.unwrap(), None);
        assert_eq!(
            ca.crl_partitions_url("tls"),
            "http://pki.example.com/crl/tls/shards.json"
        );

        for shard in 0..=DEFAULT_CRL_SHARDS {
            assert!(
                ca.current_crl("tls", shard).await.unwrap().is_some(),
                "{shard}"
            );
        }
        for (name, shard) in [
            ("tls", DEFAULT_CRL_SHARDS + 1),
            ("tls", -1),
            ("root", 1),
            ("nope", 0),
        ] {
            assert!(
                ca.current_crl(name, shard).await.unwrap().is_none(),
                "{name} {shard}"
            );
        }
    }
}
