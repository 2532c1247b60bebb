use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use rcgen::{
    BasicConstraints, CertificateParams, CrlDistributionPoint, IsCa, Issuer, KeyIdMethod,
    KeyUsagePurpose, SerialNumber,
};

use super::{
    Authority, CaError, HIERARCHY, ROOT, asn1_time, audit_ca,
    crl_shards::DEFAULT_CRL_SHARDS,
    extensions::{authority_info_access, certificate_policies},
    hierarchy::CaDefinition,
    rcgen_key::RcgenKey,
    serial::random_serial,
};
use crate::{
    ports::keys::{CaSigner, KeyRecord, KeySpec},
    store::{AuthorityRow, authorities},
};

/// What `init` did for one CA.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InitOutcome {
    Created { name: String, spec: KeySpec },
    AlreadyThere { name: String },
}

impl Authority {
    /// Creates the root and every issuing CA that does not exist yet, with keys of `spec`.
    /// Running it again changes nothing.
    pub async fn init(&self, spec: KeySpec) -> Result<Vec<InitOutcome>, CaError> {
        let mut outcomes = Vec::new();
        let root = match authorities::find_by_name(&self.store, ROOT.name).await? {
            Some(row) => {
                outcomes.push(InitOutcome::AlreadyThere {
                    name: ROOT.name.into(),
                });
                row
            }
            None => {
                let row = self.create(&ROOT, spec, None).await?;
                outcomes.push(InitOutcome::Created {
                    name: ROOT.name.into(),
                    spec,
                });
                row
            }
        };
        let root_signer = self.signer_of(&root).await?;
        for def in &HIERARCHY {
            if authorities::find_by_name(&self.store, def.name)
                .await?
                .is_some()
            {
                outcomes.push(InitOutcome::AlreadyThere {
                    name: def.name.into(),
                });
                continue;
            }
            self.create(def, spec, Some((&root, root_signer.as_ref())))
                .await?;
            outcomes.push(InitOutcome::Created {
                name: def.name.into(),
                spec,
            });
        }
        Ok(outcomes)
    }

    /// The signer of a stored CA, opened once and kept.
    pub(super) async fn signer_of(&self, ca: &AuthorityRow) -> Result<Arc<dyn CaSigner>, CaError> {
        if let Some(signer) = self
            .signers
            .lock()
            .ok()
            .and_then(|s| s.get(&ca.key_id).cloned())
        {
            return Ok(signer);
        }
        let signer = self.open_signer(ca).await?;
        if let Ok(mut signers) = self.signers.lock() {
            signers.insert(ca.key_id, signer.clone());
        }
        Ok(signer)
    }

    async fn open_signer(&self, ca: &AuthorityRow) -> Result<Arc<dyn CaSigner>, CaError> {
        let inconsistent = |reason: String| CaError::Inconsistent {
            name: ca.name.clone(),
            reason,
        };
        let key = authorities::find_key(&self.store, ca.key_id)
            .await?
            .ok_or_else(|| inconsistent("no key row".into()))?;
        let spec = *key.spec;
        let record = KeyRecord {
            backend: key.backend,
            spec,
            public_key: key.public_key,
            handle: key.handle,
        };
        Ok(self.keys.signer(&key.label, &record)?)
    }

    async fn create(
        &self,
        def: &CaDefinition,
        spec: KeySpec,
        parent: Option<(&AuthorityRow, &dyn CaSigner)>,
    ) -> Result<AuthorityRow, CaError> {
        let common_name = operator_common_name(def.common_name, self.settings.publicly_trusted);
        let new = NewCa {
            name: def.name,
            common_name: &common_name,
            organization: None,
            purposes: def.purpose.into_iter().collect(),
            validity_days: def.validity_days,
            policies: def.policies,
            account_id: None,
        };
        self.create_ca(&new, spec, parent).await
    }

    /// Makes a CA's key and certificate (self-signed without a parent) and records both.
    pub(super) async fn create_ca(
        &self,
        def: &NewCa<'_>,
        spec: KeySpec,
        parent: Option<(&AuthorityRow, &dyn CaSigner)>,
    ) -> Result<AuthorityRow, CaError> {
        let label = format!("ca-{}", def.name);
        let (record, signer) = self.new_key(&label, spec).await?;

        let now = self.clock.now();
        let mut not_after = now + Duration::days(def.validity_days);
        if let Some((parent_row, _)) = parent {
            // A CA certificate never outlives its issuer's.
            not_after = not_after.min(parent_row.not_after);
        }
        let params = self.params(def, now, not_after, parent.map(|(p, _)| p.name.as_str()))?;
        let built = match parent {
            None => params.self_signed(&RcgenKey(signer.as_ref())),
            Some((parent_row, parent_signer)) => {
                let issuer = Issuer::from_ca_cert_der(
                    &parent_row.cert_der.as_slice().into(),
                    RcgenKey(parent_signer),
                )
                .map_err(|e| CaError::Build {
                    name: def.name.into(),
                    reason: format!("issuer {}: {e}", parent_row.name),
                })?;
                params.signed_by(&RcgenKey(signer.as_ref()), &issuer)
            }
        }
        .map_err(|e| CaError::Build {
            name: def.name.into(),
            reason: e.to_string(),
        })?;

        let subject = self.subject_text(def);
        let audit_name = def.name;
        let tx = self.store.begin().await?;
        let key_row = authorities::insert_key(
            &tx,
            authorities::NewKey {
                label: &label,
                backend: &record.backend,
                spec,
                public_key: &record.public_key,
                handle: &record.handle,
                created_at: now,
            },
        )
        .await?;
        let row = authorities::insert_authority(
            &tx,
            authorities::NewAuthority {
                name: def.name,
                parent_id: parent.map(|(p, _)| p.id),
                key_id: key_row.id,
                subject: &subject,
                cert_der: built.der(),
                not_before: now,
                not_after,
                created_at: now,
                account_id: def.account_id,
                // An issuing CA spreads its certificates over shards; a root signs CA
                // certificates only, listed on its one whole-CA CRL.
                crl_shards: if parent.is_some() {
                    DEFAULT_CRL_SHARDS
                } else {
                    0
                },
            },
        )
        .await?;
        audit_ca(
            &tx,
            now,
            "ca_created",
            format!(
                "Created CA {} ({subject}) with a {spec} key in the {} key store, issued by {}",
                audit_name,
                record.backend,
                parent.map(|(p, _)| p.name.as_str()).unwrap_or("itself")
            ),
        )
        .await?;
        tx.commit().await?;
        self.forget_ca_index();
        Ok(row)
    }

    fn params(
        &self,
        def: &NewCa<'_>,
        not_before: DateTime<Utc>,
        not_after: DateTime<Utc>,
        parent: Option<&str>,
    ) -> Result<CertificateParams, CaError> {
        let time = |t: DateTime<Utc>| {
            asn1_time(t).map_err(|reason| CaError::Build {
                name: def.name.into(),
                reason,
            })
        };
        let mut p = CertificateParams::default();
        p.distinguished_name = match def.organization {
            None => self.operator_subject(def.common_name),
            Some(organization) => {
                let mut dn = rcgen::DistinguishedName::new();
                dn.push(rcgen::DnType::OrganizationName, organization);
                dn.push(rcgen::DnType::CommonName, def.common_name);
                dn
            }
        };
        p.not_before = time(not_before)?;
        p.not_after = time(not_after)?;
        p.serial_number = Some(SerialNumber::from_slice(&random_serial(
            self.random.as_ref(),
        )));
        p.key_identifier_method = KeyIdMethod::Sha256;
        p.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        // Also on the root, where it repeats the subject key identifier, as the BRs prefer.
        p.use_authority_key_identifier_extension = true;
        if let Some(parent) = parent {
            p.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
            p.extended_key_usages = def.purposes.iter().map(|u| u.eku()).collect();
            p.crl_distribution_points = vec![CrlDistributionPoint {
                uris: vec![self.crl_url(parent, 0)],
            }];
            if !def.policies.is_empty() {
                p.custom_extensions.push(certificate_policies(def.policies));
            }
            p.custom_extensions.push(authority_info_access(
                None,
                Some(&format!("{}/ca/{parent}.crt", self.settings.base_url)),
            ));
        } else {
            p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        }
        Ok(p)
    }

    fn subject_text(&self, def: &NewCa<'_>) -> String {
        let mut parts = Vec::new();
        match def.organization {
            None => {
                if let Some(c) = &self.settings.country {
                    parts.push(format!("C={c}"));
                }
                parts.push(format!("O={}", self.settings.organization));
            }
            Some(organization) => parts.push(format!("O={organization}")),
        }
        parts.push(format!("CN={}", def.common_name));
        parts.join(", ")
    }
}

/// A CA about to be created: one of the operator's hierarchy or an account's private CA.
pub(super) struct NewCa<'a> {
    pub name: &'a str,
    pub common_name: &'a str,
    /// The subject's organization; the operator's (with its country) when `None`.
    pub organization: Option<&'a str>,
    /// Extended key usages of an issuing CA; none for a root.
    pub purposes: Vec<super::hierarchy::Purpose>,
    pub validity_days: i64,
    pub policies: &'a [&'static [u64]],
    pub account_id: Option<i32>,
}

/// What a private installation adds to the name of each CA of its hierarchy (issue 24: the
/// certificates say the hierarchy is not publicly trusted): relying parties see it in every
/// certificate's issuer, where no portal page reaches.
pub const NOT_PUBLICLY_TRUSTED: &str = " (not publicly trusted)";

/// The commonName of a CA of the operator's hierarchy.
fn operator_common_name(common_name: &str, publicly_trusted: bool) -> String {
    if publicly_trusted {
        common_name.to_owned()
    } else {
        format!("{common_name}{NOT_PUBLICLY_TRUSTED}")
    }
}

#[cfg(test)]
mod tests {
    use std::process::Command;

    use super::*;
    use crate::{
        ca::{
            list::pem_certificate,
            test_support::{SECRET, authority, openssl},
        },
        store::test_db::fresh_store,
    };

    #[tokio::test]
    async fn a_private_installations_hierarchy_says_in_every_ca_name_that_it_is_not_publicly_trusted()
     {
        let private = authority(fresh_store().await, SECRET);
        private.init(KeySpec::EcP256).await.unwrap();
        let public = Authority::new(
            fresh_store().await,
            Arc::new(
                crate::adapters::softkeys::SoftKeyStore::from_secret(SECRET.as_bytes()).unwrap(),
            ),
            Arc::new(crate::ports::clock::FakeClock::at(chrono::Utc::now())),
            Arc::new(crate::adapters::random::OsRandom),
            crate::ca::CaSettings {
                organization: "Rootline Test".into(),
                country: Some("IN".into()),
                base_url: "http://pki.example.com".into(),
                publicly_trusted: true,
            },
        );
        public.init(KeySpec::EcP256).await.unwrap();
        for (ca, marked) in [(&private, true), (&public, false)] {
            for row in authorities::list(&ca.store).await.unwrap() {
                let (_, cert) = x509_parser::parse_x509_certificate(&row.cert_der).unwrap();
                let cn = cert
                    .subject()
                    .iter_common_name()
                    .next()
                    .and_then(|cn| cn.as_str().ok())
                    .unwrap()
                    .to_owned();
                assert_eq!(cn.ends_with(NOT_PUBLICLY_TRUSTED), marked, "{cn}");
                // X.520's upper bound for commonName.
                assert!(cn.chars().count() <= 64, "{cn}");
            }
        }
    }

    /// Writes every CA certificate to a folder and checks each issuing CA with OpenSSL.
    async fn verify_with_openssl(ca: &Authority) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("rootline-ca-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        for row in authorities::list(&ca.store).await.unwrap() {
            std::fs::write(
                dir.join(format!("{}.pem", row.name)),
                pem_certificate(&row.cert_der),
            )
            .unwrap();
        }
        for def in &HIERARCHY {
            let file = format!("{}.pem", def.name);
            let out = openssl(
                &["verify", "-x509_strict", "-CAfile", "root.pem", &file],
                &dir,
            );
            assert_eq!(out.trim(), format!("{file}: OK"), "{out}");
        }
        dir
    }

    #[tokio::test]
    async fn init_creates_a_root_and_five_issuing_cas_that_openssl_verifies() {
        let ca = authority(fresh_store().await, SECRET);
        let outcomes = ca.init(KeySpec::EcP256).await.unwrap();
        let created: Vec<_> = outcomes
            .iter()
            .filter_map(|o| match o {
                InitOutcome::Created { name, .. } => Some(name.as_str()),
                InitOutcome::AlreadyThere { .. } => None,
            })
            .collect();
        assert_eq!(
            created,
            ["root", "tls", "smime", "client", "codesign", "docsign"]
        );

        let dir = verify_with_openssl(&ca).await;
        let tls = openssl(&["x509", "-in", "tls.pem", "-noout", "-text"], &dir);
        assert!(tls.contains("CA:TRUE, pathlen:0"), "{tls}");
        assert!(tls.contains("TLS Web Server Authentication"), "{tls}");
        assert!(tls.contains("Certificate Sign, CRL Sign"), "{tls}");
        assert!(tls.contains("http://pki.example.com/crl/root.crl"), "{tls}");
        assert!(
            tls.contains("CA Issuers - URI:http://pki.example.com/ca/root.crt"),
            "{tls}"
        );
        assert!(tls.contains("Policy: X509v3 Any Policy"), "{tls}");
        assert!(tls.contains("ecdsa-with-SHA256"), "{tls}");
        assert!(
            tls.contains(
                "Issuer: C = IN, O = Rootline Test, CN = Rootline Root CA (not publicly trusted)"
            ),
            "{tls}"
        );
        let root = openssl(&["x509", "-in", "root.pem", "-noout", "-text"], &dir);
        assert!(root.contains("CA:TRUE"), "{root}");
        assert!(
            !root.to_lowercase().contains("sha1"),
            "no SHA-1 anywhere: {root}"
        );
        let docsign = openssl(&["x509", "-in", "docsign.pem", "-noout", "-text"], &dir);
        assert!(docsign.contains("1.3.6.1.5.5.7.3.36"), "{docsign}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn pkilint_finds_no_error_or_warning_in_the_hierarchy() {
        let ca = authority(fresh_store().await, SECRET);
        ca.init(KeySpec::EcP256).await.unwrap();
        let dir = verify_with_openssl(&ca).await;
        let cases = [
            ("root", "ROOT-CA"),
            ("tls", "INTERNAL-UNCONSTRAINED-TLS-CA"),
            ("smime", "NON-TLS-CA"),
            ("client", "NON-TLS-CA"),
            ("codesign", "NON-TLS-CA"),
            ("docsign", "NON-TLS-CA"),
        ];
        for (name, kind) in cases {
            let file = format!("{name}.pem");
            let out = Command::new("lint_cabf_serverauth_cert")
                .args(["lint", "-t", kind, "-s", "WARNING", &file])
                .current_dir(&dir)
                .output()
                .expect("pkilint is installed (pip install pkilint; `make test` does it)");
            let findings = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success() && findings.trim().is_empty(),
                "{name}: {findings}"
            );
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn init_twice_changes_nothing() {
        let ca = authority(fresh_store().await, SECRET);
        ca.init(KeySpec::EcP256).await.unwrap();
        let before = authorities::list(&ca.store).await.unwrap();
        let again = ca.init(KeySpec::EcP384).await.unwrap();
        assert!(
            again
                .iter()
                .all(|o| matches!(o, InitOutcome::AlreadyThere { .. }))
        );
        assert_eq!(authorities::list(&ca.store).await.unwrap(), before);
    }

    #[tokio::test]
    async fn p384_and_rsa_3072_hierarchies_verify_too() {
        for spec in [KeySpec::EcP384, KeySpec::Rsa3072] {
            let ca = authority(fresh_store().await, SECRET);
            ca.init(spec).await.unwrap();
            let dir = verify_with_openssl(&ca).await;
            let tls = openssl(&["x509", "-in", "tls.pem", "-noout", "-text"], &dir);
            let expected = match spec {
                KeySpec::EcP384 => "ecdsa-with-SHA384",
                _ => "sha256WithRSAEncryption",
            };
            assert!(tls.contains(expected), "{spec}: {tls}");
            std::fs::remove_dir_all(dir).unwrap();
        }
    }

    #[tokio::test]
    async fn a_wrong_master_key_stops_with_a_message_that_says_so() {
        let store = fresh_store().await;
        authority(store.clone(), SECRET)
            .init(KeySpec::EcP256)
            .await
            .unwrap();
        let err = authority(store, "a different secret that is long enough to use")
            .init(KeySpec::EcP256)
            .await
            .unwrap_err();
        assert!(err.to_string().contains("master key"), "{err}");
    }

    #[tokio::test]
    async fn issuing_cas_do_not_outlive_the_root() {
        let ca = authority(fresh_store().await, SECRET);
        ca.init(KeySpec::EcP256).await.unwrap();
        let rows = authorities::list(&ca.store).await.unwrap();
        let root = rows.iter().find(|r| r.name == "root").unwrap();
        assert!(rows.iter().all(|r| r.not_after <= root.not_after));
        let summaries = ca.list().await.unwrap();
        assert_eq!(summaries.len(), 6);
        let tls = summaries.iter().find(|s| s.name == "tls").unwrap();
        assert_eq!(tls.issuer, "root");
        assert_eq!(tls.key_type, "p256");
        assert_eq!(tls.key_backend, "software");
    }
}
