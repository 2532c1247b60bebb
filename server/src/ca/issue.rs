//! Issuance as in Boulder: `prepare` builds the to-be-signed certificate, lints it, and stores
//! its serial and bytes before any signature exists; `issue` consumes the one-use token, signs
//! exactly those bytes, and stores the certificate. Audit events before and after signing.

use std::{collections::HashMap, sync::Arc};

use chrono::{DateTime, SubsecRound, Utc};
use rcgen::{
    CertificateParams, CrlDistributionPoint, DistinguishedName, DnType, DnValue, IsCa, Issuer,
    KeyUsagePurpose, SanType, SerialNumber, SubjectPublicKeyInfo,
    string::{Ia5String, PrintableString},
};

use super::{
    Authority, CaError, ca_entry,
    crl_shards::shard_for_serial,
    csr::{CheckedCsr, NamesRule},
    extensions::{authority_info_access, certificate_policies},
    lint::lint,
    list::pem_certificate,
    names::check_names,
    parallel,
    profiles::{self, CaChoice, NameKind, Profile, Revocation, SubjectRule},
    serial::random_serial,
    signed::{Capture, assemble, ca_public_key, verify},
    vetted_subject::VettedSubject,
};
use crate::{
    domain::template::{Field, TemplateSubject},
    domain::validity::not_after_for,
    ports::keys::{CaSigner, KeySpec},
    store::{AuthorityRow, StoreError, authorities, certificates},
    telemetry::series,
    transparency::precert::poison_extension,
};

/// How to sign a checked request, as smallstep's `SignOptions` go with `SignWithContext`: the
/// profile, the validity asked for (the profile caps it), the CA, a private product's template
/// and which names the request may carry.
#[derive(Clone, Copy, Default)]
pub struct SignOptions<'a> {
    pub profile: &'a str,
    /// Validity in days; the profile's maximum when absent.
    pub days: Option<i64>,
    /// The account's private CA, for the private profiles (which have no CA of their own).
    pub ca: Option<&'a str>,
    /// The subject and names from a private product's template; the private profiles take
    /// these instead of the request's (whose key alone is used).
    pub template: Option<&'a TemplateSubject>,
    /// The names rule: an order's names, or whatever the profile allows.
    pub names: NamesRule<'a>,
    /// The vetted organization an OV or EV order names: its subject replaces the request's.
    /// Absent, those profiles read the subject from the request (the operator's command line).
    pub vetted: Option<&'a VettedSubject>,
}

/// Proof that a certificate was prepared and linted. `issue` consumes it, so it signs once.
#[derive(Debug)]
pub struct IssuanceToken {
    pub(super) id: i32,
    pub(super) serial_hex: String,
    pub(super) ca_name: String,
    pub(super) profile: &'static str,
    pub(super) tbs: Vec<u8>,
    /// When `prepare` began: issuance latency is measured from here to the stored
    /// certificate (a duration, not a time of day, so not the clock port's business).
    prepared: std::time::Instant,
    /// Whether `tbs` is a precertificate's, to be logged before the final certificate.
    pub(super) precertificate: bool,
    pub(super) not_before: DateTime<Utc>,
    pub(super) not_after: DateTime<Utc>,
}

impl IssuanceToken {
    pub fn serial_hex(&self) -> &str {
        &self.serial_hex
    }
}

/// A signed certificate with the chain a server presents (the issuing CA).
#[derive(Debug, Clone)]
pub struct Issued {
    /// The stored certificate's id.
    pub certificate_id: i32,
    pub serial_hex: String,
    pub der: Vec<u8>,
    pub chain: Vec<Vec<u8>>,
}

impl Issued {
    /// The leaf followed by its intermediates, PEM.
    pub fn pem_with_chain(&self) -> String {
        std::iter::once(&self.der)
            .chain(self.chain.iter())
            .map(|der| pem_certificate(der))
            .collect()
    }
}

/// An issuing CA opened for signing: its row, its signer, and the public key its
/// certificate names (what every signature is checked against).
pub(super) type Opened = (AuthorityRow, Arc<dyn CaSigner>, Arc<Vec<u8>>);

/// Signs a token's bytes and checks the signature before keeping it: the signer is outside
/// our control (an HSM), so what it produced is verified against the key in the CA's
/// certificate.
pub(super) fn sign_token(
    token: IssuanceToken,
    signer: &dyn CaSigner,
    key: &[u8],
) -> Result<(IssuanceToken, Vec<u8>), CaError> {
    let signature = signer.sign(&token.tbs)?;
    verify(key, signer.spec(), &token.tbs, &signature).map_err(|reason| CaError::Inconsistent {
        name: token.ca_name.clone(),
        reason,
    })?;
    let der = assemble(&token.tbs, signer.spec(), &signature);
    Ok((token, der))
}

pub(super) fn refused(rule: &'static str, detail: impl Into<String>) -> CaError {
    CaError::Refused {
        rule,
        detail: detail.into(),
    }
}

/// The issuing CA as `prepare` needs it: its row and the public half of its key.
struct IssuingCa {
    row: AuthorityRow,
    public_key: Vec<u8>,
    spec: KeySpec,
}

/// A request that passed every check that does not depend on the serial.
struct Checked {
    profile: &'static Profile,
    csr: CheckedCsr,
    template: Option<TemplateSubject>,
    vetted: Option<VettedSubject>,
    ca: Arc<IssuingCa>,
    not_before: DateTime<Utc>,
    not_after: DateTime<Utc>,
}

/// A checked request laid out with a serial and linted: what a reservation stores.
struct Laid {
    serial_hex: String,
    tbs: Vec<u8>,
    /// The CRL shard the certificate's distribution point names.
    crl_shard: i32,
    precertificate: bool,
}

/// One result per request or token, in order; the outer error is one that stopped the whole
/// batch (the database), after which nothing of the batch was kept.
pub type BatchResult<T> = Result<Vec<Result<T, CaError>>, CaError>;

impl Authority {
    /// Signs a checked request under the options and stores the certificate: `prepare` then
    /// `issue`, for callers that do not batch.
    pub async fn sign(
        &self,
        csr: &CheckedCsr,
        options: SignOptions<'_>,
    ) -> Result<Issued, CaError> {
        let token = self.prepare(csr, options).await?;
        self.issue(token).await
    }

    /// Checks the request against the options, builds and lints the certificate, and
    /// reserves its serial.
    pub async fn prepare(
        &self,
        csr: &CheckedCsr,
        options: SignOptions<'_>,
    ) -> Result<IssuanceToken, CaError> {
        self.prepare_many(&[(csr, options)])
            .await?
            .pop()
            .unwrap_or_else(|| Err(refused("serial", "no serial was reserved")))
    }

    /// `prepare` for many requests with one database transaction: group commit is what lets
    /// issuance keep up with the signer. A refused request refuses only itself.
    pub async fn prepare_many(
        &self,
        requests: &[(&CheckedCsr, SignOptions<'_>)],
    ) -> BatchResult<IssuanceToken> {
        let started = std::time::Instant::now();
        let not_before = self.clock.now().trunc_subsecs(0);
        let mut cas: HashMap<String, Arc<IssuingCa>> = HashMap::new();
        let mut checked = Vec::with_capacity(requests.len());
        for (csr, options) in requests {
            checked.push(self.check(csr, options, not_before, &mut cas).await);
        }

        // Serials are random; a collision with an earlier one (practically impossible) only
        // costs the batch another try, and the unique index makes reuse impossible.
        for _ in 0..3 {
            // One entry per request that passed `check`, in order.
            let laid: Vec<(&Checked, Result<Laid, CaError>)> = checked
                .iter()
                .flatten()
                .map(|c| (c, self.lay_out(c)))
                .collect();
            let names: Vec<String> = laid
                .iter()
                .map(|(c, _)| {
                    c.csr
                        .dns_names
                        .iter()
                        .chain(c.csr.mailboxes.iter())
                        .map(String::as_str)
                        .collect::<Vec<_>>()
                        .join(",")
                })
                .collect();
            let created_at = self.clock.now();
            let reservations: Vec<certificates::NewReservation> = laid
                .iter()
                .zip(&names)
                .filter_map(|((c, l), names)| {
                    let l = l.as_ref().ok()?;
                    Some(certificates::NewReservation {
                        serial_hex: &l.serial_hex,
                        ca_id: c.ca.row.id,
                        profile: c.profile.name,
                        subject: names.split(',').next().unwrap_or_default(),
                        names,
                        not_before: c.not_before,
                        not_after: c.not_after,
                        tbs_der: &l.tbs,
                        created_at,
                        crl_shard: l.crl_shard,
                    })
                })
                .collect();
            let tx = self.store.begin().await?;
            let rows = match certificates::reserve_many(&tx, &reservations).await {
                Ok(rows) => rows,
                Err(StoreError::Duplicate) => {
                    tx.rollback().await?;
                    continue;
                }
                Err(e) => return Err(e.into()),
            };
            tx.commit().await?;
            let mut rows = rows.into_iter();
            let mut reserved = laid
                .into_iter()
                .map(|(c, l)| {
                    let l = l?;
                    let row = rows
                        .next()
                        .ok_or_else(|| refused("serial", "no serial was reserved"))?;
                    Ok(IssuanceToken {
                        id: row.id,
                        serial_hex: l.serial_hex,
                        ca_name: c.ca.row.name.clone(),
                        profile: c.profile.name,
                        tbs: l.tbs,
                        prepared: started,
                        precertificate: l.precertificate,
                        not_before: c.not_before,
                        not_after: c.not_after,
                    })
                })
                .collect::<Vec<_>>()
                .into_iter();
            return Ok(checked
                .into_iter()
                .map(|c| match c {
                    Ok(_) => reserved
                        .next()
                        .unwrap_or_else(|| Err(refused("serial", "no serial was reserved"))),
                    Err(e) => Err(e),
                })
                .collect());
        }
        Err(refused("serial", "could not reserve unique serials"))
    }

    /// Everything about a request that does not depend on its serial.
    async fn check(
        &self,
        csr: &CheckedCsr,
        request: &SignOptions<'_>,
        not_before: DateTime<Utc>,
        cas: &mut HashMap<String, Arc<IssuingCa>>,
    ) -> Result<Checked, CaError> {
        if let NamesRule::Exactly(names) = request.names {
            csr.names_match(names).map_err(CaError::Names)?;
        }
        let profile = profiles::profile(request.profile).ok_or_else(|| {
            refused(
                "profile.unknown",
                format!(
                    "there is no profile {:?}; profiles are {}",
                    request.profile,
                    profiles::names()
                ),
            )
        })?;
        let mut csr = csr.clone();
        let template = match (profile.subject, request.template) {
            (SubjectRule::Template, Some(t)) => {
                // The template decides the names; the request contributes its key.
                csr.dns_names = t.dns.clone();
                csr.mailboxes = t.emails.clone();
                csr.ip_count = t.ips.len();
                Some(t.clone())
            }
            (SubjectRule::Template, None) => {
                return Err(refused(
                    "template",
                    format!(
                        "profile {} takes its subject and names from a private product's template",
                        profile.name
                    ),
                ));
            }
            (_, Some(_)) => {
                return Err(refused(
                    "template",
                    format!(
                        "profile {} takes its subject from the request; templates are for private products",
                        profile.name
                    ),
                ));
            }
            (_, None) => {
                if profile.names != NameKind::None {
                    csr = csr.with_common_names_as_names();
                }
                subject_attributes(profile, &csr, request.vetted)?;
                None
            }
        };
        check_names(profile.names, &csr.dns_names, &csr.mailboxes, csr.ip_count).map_err(|r| {
            refused(
                "names",
                format!("{}: {} (profile {})", r.name, r.reason, profile.name),
            )
        })?;

        let max = profile.validity.max_days(not_before);
        let days = request
            .days
            .unwrap_or_else(|| profile.validity.default_days(not_before));
        if days < 1 || days > max {
            return Err(refused(
                "validity.cap",
                format!(
                    "{days} days is not allowed: profile {} allows 1 to {max} days for certificates issued on {}",
                    profile.name,
                    not_before.format("%Y-%m-%d")
                ),
            ));
        }
        let not_after = not_after_for(not_before, days);
        let ca_name = match (profile.ca, request.ca) {
            (CaChoice::Operator(name), None) => name,
            (CaChoice::Operator(name), Some(_)) => {
                return Err(refused(
                    "ca.choice",
                    format!(
                        "profile {} is issued by the operator's CA {name}; name no CA",
                        profile.name
                    ),
                ));
            }
            (CaChoice::AccountPrivate, Some(name)) => name,
            (CaChoice::AccountPrivate, None) => {
                return Err(refused(
                    "ca.choice",
                    format!(
                        "profile {} is issued by an account's private CA; name it",
                        profile.name
                    ),
                ));
            }
        };
        let ca = match cas.get(ca_name) {
            Some(ca) => ca.clone(),
            None => {
                let ca = Arc::new(self.issuing_ca(ca_name).await?);
                cas.insert(ca_name.to_owned(), ca.clone());
                ca
            }
        };
        let private = ca.row.account_id.is_some();
        if private != (profile.ca == CaChoice::AccountPrivate) || ca.row.parent_id.is_none() {
            return Err(refused(
                "ca.choice",
                format!(
                    "CA {} cannot issue profile {}: {}",
                    ca.row.name,
                    profile.name,
                    if ca.row.parent_id.is_none() {
                        "a root CA issues only CA certificates"
                    } else if private {
                        "a private CA issues only the private profiles"
                    } else {
                        "the private profiles are issued by private CAs"
                    }
                ),
            ));
        }
        if not_after > ca.row.not_after {
            return Err(refused(
                "validity.issuer",
                format!(
                    "the certificate would outlive its issuing CA {}",
                    ca.row.name
                ),
            ));
        }
        Ok(Checked {
            profile,
            csr,
            template,
            vetted: request.vetted.cloned(),
            ca,
            not_before,
            not_after,
        })
    }

    async fn issuing_ca(&self, name: &str) -> Result<IssuingCa, CaError> {
        let row = authorities::find_by_name(&self.store, name)
            .await?
            .ok_or_else(|| {
                refused(
                    "ca.unknown",
                    format!("there is no CA named {name:?}; run `server ca init` or see `server ca list`"),
                )
            })?;
        let key = authorities::find_key(&self.store, row.key_id)
            .await?
            .ok_or_else(|| CaError::Inconsistent {
                name: row.name.clone(),
                reason: "no key row".into(),
            })?;
        let spec = *key.spec;
        Ok(IssuingCa {
            row,
            public_key: key.public_key,
            spec,
        })
    }

    /// Picks a serial and, from it, the CRL shard; lays out the certificate and lints it.
    fn lay_out(&self, c: &Checked) -> Result<Laid, CaError> {
        let serial = random_serial(self.random.as_ref());
        // From the CA's own number of shards, read with its row: a CA made under another
        // default keeps spreading its certificates over the shards it publishes.
        let crl_shard = shard_for_serial(&serial, c.ca.row.crl_shards);
        let precertificate = self.logs_certificates(c.profile);
        let tbs = self.tbs(
            c.profile,
            &c.csr,
            c.template.as_ref(),
            c.vetted.as_ref(),
            &c.ca.row,
            &c.ca.public_key,
            c.ca.spec,
            &serial,
            crl_shard,
            c.not_before,
            c.not_after,
            precertificate,
        )?;
        lint(&tbs, c.profile).map_err(|f| refused(f.rule, f.detail))?;
        Ok(Laid {
            serial_hex: hex::encode(serial),
            tbs,
            crl_shard,
            precertificate,
        })
    }

    /// Signs the prepared bytes and stores the certificate. The token is spent either way.
    pub async fn issue(&self, token: IssuanceToken) -> Result<Issued, CaError> {
        let serial = token.serial_hex.clone();
        self.issue_many(vec![token])
            .await?
            .pop()
            .unwrap_or(Err(CaError::TokenSpent(serial)))
    }

    /// `issue` for many tokens: one transaction records that they are being signed (and the
    /// audit entries) before any signature exists, one stores the certificates after.
    pub async fn issue_many(&self, tokens: Vec<IssuanceToken>) -> BatchResult<Issued> {
        let mut cas: HashMap<String, Opened> = HashMap::new();
        let mut ready = Vec::with_capacity(tokens.len());
        for token in tokens {
            if !cas.contains_key(&token.ca_name) {
                let opened = match authorities::find_by_name(&self.store, &token.ca_name).await? {
                    Some(ca) => match (self.signer_of(&ca).await, ca_public_key(&ca.cert_der)) {
                        (Ok(signer), Ok(key)) => Ok((ca, signer, Arc::new(key))),
                        (Err(e), _) => Err(e),
                        (_, Err(reason)) => Err(CaError::Inconsistent {
                            name: ca.name.clone(),
                            reason,
                        }),
                    },
                    None => Err(CaError::NoSuchCa("issuing CA")),
                };
                match opened {
                    Ok(pair) => {
                        cas.insert(token.ca_name.clone(), pair);
                    }
                    Err(e) => {
                        ready.push(Err(e));
                        continue;
                    }
                }
            }
            ready.push(Ok(token));
        }

        let now = self.clock.now();
        let ids: Vec<i32> = ready.iter().flatten().map(|t| t.id).collect();
        let tx = self.store.begin().await?;
        let moved = certificates::mark_signing_many(&tx, &ids, now).await?;
        let marked: Vec<Result<IssuanceToken, CaError>> = ready
            .into_iter()
            .map(|token| {
                let token = token?;
                if moved.contains(&token.id) {
                    Ok(token)
                } else {
                    Err(CaError::TokenSpent(token.serial_hex))
                }
            })
            .collect();
        crate::store::audit::append_many(
            &tx,
            now,
            marked
                .iter()
                .flatten()
                .map(|t| {
                    ca_entry(
                        "sign_requested",
                        format!(
                            "Signing serial {} ({}) with CA {}",
                            t.serial_hex, t.profile, t.ca_name
                        ),
                    )
                })
                .collect(),
        )
        .await?;
        tx.commit().await?;

        let jobs: Vec<_> = marked
            .into_iter()
            .map(|token| {
                let token = token?;
                let (_, signer, key) = cas
                    .get(&token.ca_name)
                    .ok_or(CaError::NoSuchCa("issuing CA"))?;
                Ok((token, signer.clone(), key.clone()))
            })
            .collect();
        let signed: Vec<Result<(IssuanceToken, Vec<u8>), CaError>> =
            parallel::map(jobs, |job: Result<_, CaError>| {
                let (token, signer, key) = job?;
                sign_token(token, signer.as_ref(), &key)
            })
            .await?;
        // Precertificates are kept, logged, and signed again as final certificates.
        let signed = self.complete_precertificates(signed, &cas).await?;

        let now = self.clock.now();
        let stored: Vec<(i32, Vec<u8>)> = signed
            .iter()
            .flatten()
            .map(|(t, der)| (t.id, der.clone()))
            .collect();
        let tx = self.store.begin().await?;
        certificates::mark_issued_many(&tx, &stored, now).await?;
        for (token, _) in signed.iter().flatten().filter(|(t, _)| t.precertificate) {
            certificates::record_final_tbs(&tx, token.id, &token.tbs).await?;
        }
        crate::store::audit::append_many(
            &tx,
            now,
            signed
                .iter()
                .flatten()
                .map(|(t, _)| {
                    ca_entry(
                        "issued",
                        format!(
                            "Issued serial {} ({}) from CA {}",
                            t.serial_hex, t.profile, t.ca_name
                        ),
                    )
                })
                .collect(),
        )
        .await?;
        // Recorded once the certificates are stored (after the commit below).
        let measured: Vec<(String, &'static str, std::time::Duration)> = signed
            .iter()
            .flatten()
            .map(|(t, _)| {
                let private = cas
                    .get(&t.ca_name)
                    .is_some_and(|(ca, _, _)| ca.account_id.is_some());
                (
                    series::ca_label(&t.ca_name, private),
                    t.profile,
                    t.prepared.elapsed(),
                )
            })
            .collect();
        let issued = signed
            .into_iter()
            .map(|result| {
                let (token, der) = result?;
                let chain = cas
                    .get(&token.ca_name)
                    .map(|(ca, _, _)| vec![ca.cert_der.clone()])
                    .unwrap_or_default();
                Ok(Issued {
                    certificate_id: token.id,
                    serial_hex: token.serial_hex,
                    der,
                    chain,
                })
            })
            .collect();
        tx.commit().await?;
        for (ca, profile, elapsed) in measured {
            series::certificate_issued(ca, profile, elapsed);
        }
        Ok(issued)
    }

    #[allow(clippy::too_many_arguments)]
    fn tbs(
        &self,
        profile: &Profile,
        csr: &CheckedCsr,
        template: Option<&TemplateSubject>,
        vetted: Option<&VettedSubject>,
        ca: &AuthorityRow,
        ca_public_key: &[u8],
        spec: KeySpec,
        serial: &[u8],
        crl_shard: i32,
        not_before: DateTime<Utc>,
        not_after: DateTime<Utc>,
        precertificate: bool,
    ) -> Result<Vec<u8>, CaError> {
        let build = |reason: String| CaError::Build {
            name: ca.name.clone(),
            reason,
        };
        let time = |t: DateTime<Utc>| super::asn1_time(t).map_err(build);
        let mut p = CertificateParams::default();
        let mut dn = DistinguishedName::new();
        match template {
            Some(t) => {
                for (field, value) in &t.attributes {
                    let (ty, value) = template_attribute(*field, value)?;
                    dn.push(ty, value);
                }
            }
            None => {
                for (ty, value) in subject_attributes(profile, csr, vetted)? {
                    dn.push(ty, value);
                }
            }
        }
        if let Some(cn) = csr
            .dns_names
            .iter()
            .chain(csr.mailboxes.iter())
            .find(|n| profile.common_name && n.len() <= 64)
        {
            dn.push(DnType::CommonName, cn.as_str());
        }
        if profile.subject == SubjectRule::Mailbox
            && let Some(mailbox) = csr.mailboxes.first()
        {
            dn.push(
                DnType::CustomDnType(OID_EMAIL_ADDRESS.to_vec()),
                DnValue::Ia5String(
                    Ia5String::try_from(mailbox.as_str()).map_err(|e| build(e.to_string()))?,
                ),
            );
        }
        p.distinguished_name = dn;
        for d in &csr.dns_names {
            p.subject_alt_names.push(SanType::DnsName(
                Ia5String::try_from(d.as_str()).map_err(|e| build(e.to_string()))?,
            ));
        }
        for m in &csr.mailboxes {
            p.subject_alt_names.push(SanType::Rfc822Name(
                Ia5String::try_from(m.as_str()).map_err(|e| build(e.to_string()))?,
            ));
        }
        for ip in template.iter().flat_map(|t| t.ips.iter()) {
            p.subject_alt_names.push(SanType::IpAddress(*ip));
        }
        p.not_before = time(not_before)?;
        p.not_after = time(not_after)?;
        p.serial_number = Some(SerialNumber::from_slice(serial));
        p.is_ca = if profile.subject_key_identifier {
            IsCa::ExplicitNoCa
        } else {
            IsCa::NoCa
        };
        p.use_authority_key_identifier_extension = true;
        p.key_usages = if csr.key.is_rsa() && profile.rsa_key_encipherment {
            vec![
                KeyUsagePurpose::DigitalSignature,
                KeyUsagePurpose::KeyEncipherment,
            ]
        } else {
            vec![KeyUsagePurpose::DigitalSignature]
        };
        p.extended_key_usages = profile.eku.iter().map(|p| p.eku()).collect();
        let base = &self.settings.base_url;
        let ocsp = match profile.revocation {
            Revocation::Published => {
                // The shard's URL, which its CRL repeats byte for byte (BR 7.2.2.1).
                p.crl_distribution_points = vec![CrlDistributionPoint {
                    uris: vec![self.crl_url(&ca.name, crl_shard)],
                }];
                Some(format!("{base}/ocsp"))
            }
            Revocation::ShortLivedOnly => None,
        };
        if let Some(policy) = profile.policy {
            p.custom_extensions.push(certificate_policies(&[policy]));
        }
        // BR 7.1.2.7.6 wants authorityInfoAccess in every subscriber certificate and 7.1.2.7.7
        // caIssuers in it (SHOULD), so a short-lived certificate keeps it without OCSP.
        p.custom_extensions.push(authority_info_access(
            ocsp.as_deref(),
            Some(&format!("{base}/ca/{}.crt", ca.name)),
        ));
        // Last, so that the SCT list later takes exactly its place (RFC 6962 3.1).
        if precertificate {
            p.custom_extensions.push(poison_extension());
        }

        let subject_key =
            SubjectPublicKeyInfo::from_der(&csr.spki_der).map_err(|e| build(e.to_string()))?;
        let capture = Capture::new(ca_public_key, spec);
        let issuer = Issuer::from_ca_cert_der(&ca.cert_der.as_slice().into(), &capture)
            .map_err(|e| build(e.to_string()))?;
        p.signed_by(&subject_key, &issuer)
            .map_err(|e| build(e.to_string()))?;
        drop(issuer);
        capture
            .into_tbs()
            .ok_or_else(|| build("no to-be-signed bytes were produced".into()))
    }
}

const OID_C: &str = "2.5.4.6";
const OID_ST: &str = "2.5.4.8";
const OID_L: &str = "2.5.4.7";
const OID_O: &str = "2.5.4.10";
const OID_SERIAL_NUMBER: &str = "2.5.4.5";
const OID_BUSINESS_CATEGORY: &str = "2.5.4.15";
const OID_JURISDICTION_C: &str = "1.3.6.1.4.1.311.60.2.1.3";
/// PKCS #9 emailAddress, which the S/MIME BRs allow beside commonName for a mailbox.
const OID_EMAIL_ADDRESS: &[u64] = &[1, 2, 840, 113549, 1, 9, 1];

/// A template's subject attribute as rcgen writes it: countryName as a PrintableString (X.520),
/// the rest as UTF8String.
fn template_attribute(field: Field, value: &str) -> Result<(DnType, DnValue), CaError> {
    let utf8 = |ty| Ok((ty, DnValue::Utf8String(value.to_owned())));
    match field {
        Field::Country => Ok((DnType::CountryName, printable("template", value)?)),
        Field::State => utf8(DnType::StateOrProvinceName),
        Field::Locality => utf8(DnType::LocalityName),
        Field::Organization => utf8(DnType::OrganizationName),
        Field::OrganizationalUnit => utf8(DnType::OrganizationalUnitName),
        Field::CommonName => utf8(DnType::CommonName),
        Field::Dns | Field::Ip | Field::Email => Err(refused(
            "template",
            format!("{} is a name, not a subject attribute", field.label()),
        )),
    }
}

pub(super) fn printable(rule: &'static str, value: &str) -> Result<DnValue, CaError> {
    PrintableString::try_from(value)
        .map(DnValue::PrintableString)
        .map_err(|_| {
            refused(
                rule,
                format!("{value:?} must use only letters, digits and simple punctuation"),
            )
        })
}

/// The subject attributes of a profile, in the order the BRs list them: from the vetted
/// organization when the order names one, otherwise from the request (the operator's command
/// line); a missing required one is refused with the rule "subject".
fn subject_attributes(
    profile: &Profile,
    csr: &CheckedCsr,
    vetted: Option<&VettedSubject>,
) -> Result<Vec<(DnType, DnValue)>, CaError> {
    let mut out = Vec::new();
    let organization = matches!(
        profile.subject,
        SubjectRule::Organization | SubjectRule::ExtendedValidation
    );
    match vetted {
        Some(v) if organization => {
            return v.attributes(profile.subject == SubjectRule::ExtendedValidation);
        }
        Some(_) => {
            return Err(refused(
                "subject",
                format!("profile {} names no organization", profile.name),
            ));
        }
        None if !organization => return Ok(out),
        None => {}
    }
    let need = |oid: &str, what: &str| {
        csr.attribute(oid).ok_or_else(|| {
            refused(
                "subject",
                format!(
                    "profile {} needs the subject's {what} in the request",
                    profile.name
                ),
            )
        })
    };
    let country = need(OID_C, "countryName (C)")?;
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(refused(
            "subject",
            "countryName must be a two-letter ISO 3166 code",
        ));
    }
    let state = csr.attribute(OID_ST);
    let locality = csr.attribute(OID_L);
    if state.is_none() && locality.is_none() {
        return Err(refused(
            "subject",
            format!(
                "profile {} needs the subject's localityName (L) or stateOrProvinceName (ST)",
                profile.name
            ),
        ));
    }
    let organization = need(OID_O, "organizationName (O)")?;
    out.push((DnType::CountryName, printable("subject", country)?));
    if let Some(st) = state {
        out.push((
            DnType::StateOrProvinceName,
            DnValue::Utf8String(st.to_owned()),
        ));
    }
    if let Some(l) = locality {
        out.push((DnType::LocalityName, DnValue::Utf8String(l.to_owned())));
    }
    out.push((
        DnType::OrganizationName,
        DnValue::Utf8String(organization.to_owned()),
    ));
    if profile.subject == SubjectRule::ExtendedValidation {
        let number = need(OID_SERIAL_NUMBER, "registration number (serialNumber)")?;
        let category = need(OID_BUSINESS_CATEGORY, "businessCategory")?;
        let jurisdiction = need(OID_JURISDICTION_C, "jurisdictionCountryName")?;
        if ![
            "Private Organization",
            "Government Entity",
            "Business Entity",
            "Non-Commercial Entity",
        ]
        .contains(&category)
        {
            return Err(refused(
                "subject",
                "businessCategory must be Private Organization, Government Entity, Business Entity or Non-Commercial Entity",
            ));
        }
        out.push((
            DnType::CustomDnType(vec![2, 5, 4, 15]),
            DnValue::Utf8String(category.to_owned()),
        ));
        out.push((
            DnType::CustomDnType(vec![1, 3, 6, 1, 4, 1, 311, 60, 2, 1, 3]),
            printable("subject", jurisdiction)?,
        ));
        out.push((
            DnType::CustomDnType(vec![2, 5, 4, 5]),
            printable("subject", number)?,
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::{process::Command, sync::Arc};

    use chrono::{Duration, TimeZone};

    use x509_parser::prelude::{FromDer, X509Certificate};

    use super::*;
    use crate::{
        ca::test_support::{
            SECRET, authority, authority_at, checked, dv_csr, openssl, openssl_csr, pkilint,
            temp_dir,
        },
        ports::clock::FakeClock,
        store::{certificates, test_db::fresh_store},
    };

    async fn ready() -> (Authority, std::path::PathBuf) {
        let ca = authority(fresh_store().await, SECRET);
        ca.init(KeySpec::EcP256).await.unwrap();
        let dir = temp_dir("issue");
        for name in ["root", "tls", "smime", "client"] {
            let pem = ca.certificate_pem(name).await.unwrap().unwrap();
            std::fs::write(dir.join(format!("{name}.pem")), pem).unwrap();
        }
        (ca, dir)
    }

    async fn issue(
        ca: &Authority,
        profile: &str,
        csr: &[u8],
        days: Option<i64>,
    ) -> Result<Issued, CaError> {
        // Read as an edge reads it: a request that does not pass is refused with its rule.
        let csr = crate::ca::inspect_csr(csr)?;
        let token = ca
            .prepare(
                &csr,
                SignOptions {
                    profile,
                    days,
                    ..Default::default()
                },
            )
            .await?;
        ca.issue(token).await
    }

    fn refusal(result: Result<impl std::fmt::Debug, CaError>) -> &'static str {
        match result {
            Err(CaError::Refused { rule, .. }) => rule,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn a_dv_certificate_verifies_with_openssl_and_passes_pkilint() {
        let (ca, dir) = ready().await;
        for key in ["ec:P-256", "ec:P-384", "rsa:2048"] {
            let csr = openssl_csr(
                &dir,
                key,
                "/CN=www.example.com",
                Some("DNS:www.example.com,DNS:*.shop.example.com"),
                &[],
            );
            let issued = issue(&ca, "tls-dv", &csr, None).await.unwrap();
            std::fs::write(dir.join("chain.pem"), issued.pem_with_chain()).unwrap();
            let out = openssl(
                &[
                    "verify",
                    "-x509_strict",
                    "-CAfile",
                    "root.pem",
                    "-untrusted",
                    "tls.pem",
                    "-purpose",
                    "sslserver",
                    "chain.pem",
                ],
                &dir,
            );
            assert_eq!(out.trim(), "chain.pem: OK", "{key}: {out}");
            pkilint(
                &dir,
                "lint_cabf_serverauth_cert",
                "DV-FINAL-CERTIFICATE",
                &issued.der,
            );
            // The key in the certificate is the requester's.
            let cert_key = openssl(&["x509", "-in", "chain.pem", "-noout", "-pubkey"], &dir);
            let req_key = openssl(&["req", "-in", "req.csr", "-noout", "-pubkey"], &dir);
            assert_eq!(cert_key, req_key);
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn an_smime_mailbox_strict_certificate_passes_pkilint() {
        let (ca, dir) = ready().await;
        for key in ["ec:P-256", "rsa:2048"] {
            let csr = openssl_csr(
                &dir,
                key,
                "/CN=asha@example.com",
                Some("email:asha@example.com"),
                &[],
            );
            let issued = issue(&ca, "smime-mailbox-strict", &csr, None)
                .await
                .unwrap();
            std::fs::write(dir.join("chain.pem"), issued.pem_with_chain()).unwrap();
            let out = openssl(
                &[
                    "verify",
                    "-CAfile",
                    "root.pem",
                    "-untrusted",
                    "smime.pem",
                    "-purpose",
                    "smimesign",
                    "chain.pem",
                ],
                &dir,
            );
            assert_eq!(out.trim(), "chain.pem: OK", "{key}: {out}");
            // Certum's E and CN: both the mailbox, nothing else about the subscriber.
            let subject = openssl(
                &[
                    "x509",
                    "-in",
                    "chain.pem",
                    "-noout",
                    "-subject",
                    "-nameopt",
                    "RFC2253",
                ],
                &dir,
            );
            assert_eq!(
                subject.trim(),
                "subject=emailAddress=asha@example.com,CN=asha@example.com",
                "{key}"
            );
            pkilint(&dir, "lint_cabf_smime_cert", "MAILBOX-STRICT", &issued.der);
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn ov_and_ev_certificates_carry_the_vetted_organization_and_pass_pkilint() {
        let (ca, dir) = ready().await;
        let ov = "/C=IN/ST=Tamil Nadu/L=Chennai/O=Example Pvt Ltd/CN=www.example.com";
        let ev = "/C=IN/ST=Tamil Nadu/L=Chennai/O=Example Pvt Ltd/serialNumber=U72200TN2001PTC047654/businessCategory=Private Organization/jurisdictionC=IN/CN=www.example.com";
        for (profile, subject, kind) in [
            ("tls-ov", ov, "OV-FINAL-CERTIFICATE"),
            ("tls-ev", ev, "EV-FINAL-CERTIFICATE"),
        ] {
            let csr = openssl_csr(&dir, "ec:P-256", subject, Some("DNS:www.example.com"), &[]);
            let issued = issue(&ca, profile, &csr, None).await.unwrap();
            pkilint(&dir, "lint_cabf_serverauth_cert", kind, &issued.der);
            std::fs::write(dir.join("leaf.pem"), pem_certificate(&issued.der)).unwrap();
            let text = openssl(&["x509", "-in", "leaf.pem", "-noout", "-subject"], &dir);
            assert!(text.contains("O = Example Pvt Ltd"), "{text}");
        }
        // Without the organization's details the request is refused.
        let bare = dv_csr(&dir);
        assert_eq!(refusal(issue(&ca, "tls-ov", &bare, None).await), "subject");
        let ov_only = openssl_csr(&dir, "ec:P-256", ov, Some("DNS:www.example.com"), &[]);
        assert_eq!(
            refusal(issue(&ca, "tls-ev", &ov_only, None).await),
            "subject"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn a_vetted_subject_replaces_the_requests_own_and_passes_pkilint() {
        use crate::ca::{EvSubject, VettedSubject};
        let (ca, dir) = ready().await;
        let vetted = VettedSubject {
            organization: "Acme Widgets Private Limited".into(),
            country: "IN".into(),
            state: Some("Karnataka".into()),
            locality: Some("Bengaluru".into()),
            ev: Some(EvSubject {
                business_category: "Private Organization",
                jurisdiction_country: "IN".into(),
                jurisdiction_state: Some("Karnataka".into()),
                jurisdiction_locality: None,
                serial_number: "U72200KA2009PTC049889".into(),
            }),
        };
        // The applicant typed another organization into the request: it is not certified.
        let csr = openssl_csr(
            &dir,
            "ec:P-256",
            "/C=US/ST=Nevada/L=Reno/O=Impostor Inc/CN=www.example.com",
            Some("DNS:www.example.com"),
            &[],
        );
        let checked = crate::ca::inspect_csr(&csr).unwrap();
        for (profile, kind) in [
            ("tls-ov", "OV-FINAL-CERTIFICATE"),
            ("tls-ev", "EV-FINAL-CERTIFICATE"),
        ] {
            let token = ca
                .prepare(
                    &checked,
                    SignOptions {
                        profile,
                        vetted: Some(&vetted),
                        ..Default::default()
                    },
                )
                .await
                .unwrap();
            let issued = ca.issue(token).await.unwrap();
            pkilint(&dir, "lint_cabf_serverauth_cert", kind, &issued.der);
            let subject = openssl(
                &[
                    "x509", "-in", "leaf.pem", "-noout", "-subject", "-nameopt", "RFC2253",
                ],
                &dir,
            );
            assert!(
                subject.contains("O=Acme Widgets Private Limited")
                    && subject.contains("L=Bengaluru")
                    && subject.contains("C=IN")
                    && !subject.contains("Impostor")
                    && !subject.contains("Nevada"),
                "{profile}: {subject}"
            );
            assert_eq!(
                subject.contains("U72200KA2009PTC049889"),
                profile == "tls-ev",
                "{profile}: {subject}"
            );
        }
        // An EV profile without the EV attributes, and a DV profile with an organization,
        // are refused.
        let ov_only = VettedSubject {
            ev: None,
            ..vetted.clone()
        };
        for (profile, subject) in [("tls-ev", &ov_only), ("tls-dv", &vetted)] {
            let refused = ca
                .prepare(
                    &checked,
                    SignOptions {
                        profile,
                        vetted: Some(subject),
                        ..Default::default()
                    },
                )
                .await;
            assert_eq!(refusal(refused), "subject", "{profile}");
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn code_and_document_signing_certificates_name_an_organization_only() {
        let (ca, dir) = ready().await;
        for name in ["codesign", "docsign"] {
            let pem = ca.certificate_pem(name).await.unwrap().unwrap();
            std::fs::write(dir.join(format!("{name}.pem")), pem).unwrap();
        }
        let subject = "/C=IN/L=Chennai/O=Example Pvt Ltd/CN=Example Pvt Ltd";
        let csr = openssl_csr(&dir, "ec:P-256", subject, None, &[]);
        for (profile, ca_file, eku) in [
            ("code-signing", "codesign.pem", "Code Signing"),
            ("document-signing", "docsign.pem", "1.3.6.1.5.5.7.3.36"),
        ] {
            let issued = issue(&ca, profile, &csr, None).await.unwrap();
            std::fs::write(dir.join("chain.pem"), issued.pem_with_chain()).unwrap();
            let out = openssl(
                &[
                    "verify",
                    "-CAfile",
                    "root.pem",
                    "-untrusted",
                    ca_file,
                    "chain.pem",
                ],
                &dir,
            );
            assert_eq!(out.trim(), "chain.pem: OK", "{profile}: {out}");
            std::fs::write(dir.join("leaf.pem"), pem_certificate(&issued.der)).unwrap();
            let text = openssl(&["x509", "-in", "leaf.pem", "-noout", "-text"], &dir);
            assert!(text.contains(eku), "{profile}: {text}");
            assert!(
                !text.contains("Subject Alternative Name"),
                "{profile}: {text}"
            );
        }
        let with_name = openssl_csr(&dir, "ec:P-256", subject, Some("DNS:www.example.com"), &[]);
        assert_eq!(
            refusal(issue(&ca, "code-signing", &with_name, None).await),
            "names"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn the_database_holds_the_serial_and_signed_bytes_of_every_certificate() {
        let (ca, dir) = ready().await;
        let csr = dv_csr(&dir);
        let mut serials = std::collections::HashSet::new();
        for _ in 0..5 {
            let issued = issue(&ca, "tls-dv", &csr, Some(30)).await.unwrap();
            let row = certificates::find_by_serial(&ca.store, &issued.serial_hex)
                .await
                .unwrap()
                .unwrap();
            assert_eq!(row.status, certificates::ISSUED);
            assert_eq!(row.cert_der.as_deref(), Some(issued.der.as_slice()));
            let (_, cert) = X509Certificate::from_der(&issued.der).unwrap();
            assert_eq!(
                cert.tbs_certificate.as_ref(),
                row.tbs_der.as_slice(),
                "signed exactly the linted bytes"
            );
            assert!(serials.insert(issued.serial_hex));
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn a_batch_refuses_only_its_bad_requests_and_stores_every_certificate_it_signs() {
        let (ca, dir) = ready().await;
        let good = dv_csr(&dir);
        // Each request is read where it enters, as the edges do; one that does not read is
        // refused there, in its place in the batch.
        let requests: [(&[u8], SignOptions); 4] = [
            (
                &good,
                SignOptions {
                    profile: "tls-dv",
                    days: Some(30),
                    ..Default::default()
                },
            ),
            (
                b"not a request",
                SignOptions {
                    profile: "tls-dv",
                    days: None,
                    ..Default::default()
                },
            ),
            (
                &good,
                SignOptions {
                    profile: "tls-dv",
                    days: Some(9999),
                    ..Default::default()
                },
            ),
            (
                &good,
                SignOptions {
                    profile: "tls-dv",
                    days: None,
                    ..Default::default()
                },
            ),
        ];
        let parsed: Vec<_> = requests
            .iter()
            .map(|(bytes, options)| (crate::ca::inspect_csr(bytes), *options))
            .collect();
        let readable: Vec<(&CheckedCsr, SignOptions)> = parsed
            .iter()
            .filter_map(|(csr, options)| Some((csr.as_ref().ok()?, *options)))
            .collect();
        let mut prepared = ca.prepare_many(&readable).await.unwrap().into_iter();
        let tokens: Vec<Result<IssuanceToken, CaError>> = parsed
            .into_iter()
            .map(|(csr, _)| match csr {
                Ok(_) => prepared.next().unwrap(),
                Err(refusal) => Err(refusal.into()),
            })
            .collect();
        assert_eq!(tokens.len(), 4);
        assert!(matches!(
            tokens.get(1),
            Some(Err(CaError::Refused {
                rule: "csr.encoding",
                ..
            }))
        ));
        assert!(matches!(
            tokens.get(2),
            Some(Err(CaError::Refused {
                rule: "validity.cap",
                ..
            }))
        ));
        let tokens: Vec<_> = tokens.into_iter().filter_map(Result::ok).collect();
        assert_eq!(tokens.len(), 2);
        let issued = ca.issue_many(tokens).await.unwrap();
        let issued: Vec<Issued> = issued.into_iter().map(Result::unwrap).collect();
        assert_ne!(issued[0].serial_hex, issued[1].serial_hex);
        for cert in &issued {
            let row = certificates::find_by_serial(&ca.store, &cert.serial_hex)
                .await
                .unwrap()
                .unwrap();
            assert_eq!(row.status, certificates::ISSUED);
            assert_eq!(row.cert_der.as_deref(), Some(cert.der.as_slice()));
            let (_, parsed) = X509Certificate::from_der(&cert.der).unwrap();
            assert_eq!(parsed.tbs_certificate.as_ref(), row.tbs_der.as_slice());
            std::fs::write(dir.join("leaf.pem"), pem_certificate(&cert.der)).unwrap();
            openssl(
                &[
                    "verify",
                    "-CAfile",
                    "root.pem",
                    "-untrusted",
                    "tls.pem",
                    "leaf.pem",
                ],
                &dir,
            );
        }
        let sign_events = crate::store::audit::all(&ca.store)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.module == "ca" && e.action == "issued")
            .count();
        assert_eq!(sign_events, 2, "one audit entry per certificate");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn an_orders_names_in_the_sign_options_refuse_other_names_and_sign_returns_the_stored_id()
    {
        let (ca, dir) = ready().await;
        let csr = checked(&dv_csr(&dir));
        let other = vec!["other.example.com".to_owned()];
        let refused = ca
            .sign(
                &csr,
                SignOptions {
                    profile: "tls-dv",
                    names: NamesRule::Exactly(&other),
                    ..Default::default()
                },
            )
            .await;
        assert!(matches!(refused, Err(CaError::Names(_))), "{refused:?}");
        let ordered = vec!["www.example.com".to_owned()];
        let issued = ca
            .sign(
                &csr,
                SignOptions {
                    profile: "tls-dv",
                    names: NamesRule::Exactly(&ordered),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let row = certificates::find_by_serial(&ca.store, &issued.serial_hex)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.id, issued.certificate_id);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn a_spent_token_cannot_sign_again() {
        let (ca, dir) = ready().await;
        let csr = dv_csr(&dir);
        let token = ca
            .prepare(
                &checked(&csr),
                SignOptions {
                    profile: "tls-dv",
                    days: None,
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        // Another process (or a replay) got to the reservation first.
        let claimed = certificates::mark_signing_many(&ca.store, &[token.id], chrono::Utc::now())
            .await
            .unwrap();
        assert!(claimed.contains(&token.id));
        assert!(matches!(ca.issue(token).await, Err(CaError::TokenSpent(_))));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn requests_that_break_a_rule_are_refused_with_the_rule() {
        let (ca, dir) = ready().await;
        let good = dv_csr(&dir);

        let mut tampered = crate::ca::csr::decode(&good).unwrap();
        if let Some(last) = tampered.last_mut() {
            *last ^= 0x01;
        }
        assert_eq!(
            refusal(issue(&ca, "tls-dv", &tampered, None).await),
            "csr.signature"
        );

        let weak = openssl_csr(
            &dir,
            "rsa:1024",
            "/CN=www.example.com",
            Some("DNS:www.example.com"),
            &[],
        );
        assert_eq!(
            refusal(issue(&ca, "tls-dv", &weak, None).await),
            "csr.key_size"
        );

        let sha1 = openssl_csr(
            &dir,
            "rsa:2048",
            "/CN=www.example.com",
            Some("DNS:www.example.com"),
            &["-sha1"],
        );
        assert_eq!(
            refusal(issue(&ca, "tls-dv", &sha1, None).await),
            "csr.signature_algorithm"
        );

        let secp521 = openssl_csr(
            &dir,
            "ec:P-521",
            "/CN=www.example.com",
            Some("DNS:www.example.com"),
            &[],
        );
        assert_eq!(
            refusal(issue(&ca, "tls-dv", &secp521, None).await),
            "csr.key_type"
        );

        for bad_name in [
            "DNS:localhost",
            "DNS:intranet.corp",
            "DNS:foo_bar.example.com",
            "DNS:*.*.example.com",
            "email:asha@example.com",
            "IP:192.0.2.1",
        ] {
            let csr = openssl_csr(&dir, "ec:P-256", "/O=Example", Some(bad_name), &[]);
            assert_eq!(
                refusal(issue(&ca, "tls-dv", &csr, None).await),
                "names",
                "{bad_name}"
            );
        }
        // A TLS request on the S/MIME profile, and a profile that does not exist.
        assert_eq!(
            refusal(issue(&ca, "smime-mailbox-strict", &good, None).await),
            "names"
        );
        assert_eq!(
            refusal(issue(&ca, "tls-ev-typo", &good, None).await),
            "profile.unknown"
        );
        assert_eq!(
            refusal(issue(&ca, "tls-dv", b"not a request", None).await),
            "csr.encoding"
        );
        assert_eq!(
            refusal(issue(&ca, "tls-dv", &good, Some(0)).await),
            "validity.cap"
        );

        // Nothing refused left a reservation behind.
        assert!(
            certificates::find_by_serial(&ca.store, "00")
                .await
                .unwrap()
                .is_none()
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn tls_validity_caps_hold_on_each_side_of_each_date() {
        let clock = Arc::new(FakeClock::at(
            Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        ));
        let ca = authority_at(fresh_store().await, SECRET, clock.clone());
        ca.init(KeySpec::EcP256).await.unwrap();
        let dir = temp_dir("caps");
        let csr = dv_csr(&dir);
        let cases = [
            (Utc.with_ymd_and_hms(2026, 3, 14, 23, 59, 59).unwrap(), 398),
            (Utc.with_ymd_and_hms(2026, 3, 15, 0, 0, 0).unwrap(), 200),
            (Utc.with_ymd_and_hms(2027, 3, 14, 23, 59, 59).unwrap(), 200),
            (Utc.with_ymd_and_hms(2027, 3, 15, 0, 0, 0).unwrap(), 100),
            (Utc.with_ymd_and_hms(2029, 3, 14, 23, 59, 59).unwrap(), 100),
            (Utc.with_ymd_and_hms(2029, 3, 15, 0, 0, 0).unwrap(), 47),
        ];
        for (at, cap) in cases {
            clock.set(at);
            let issued = issue(&ca, "tls-dv", &csr, Some(cap)).await.unwrap();
            let (_, cert) = X509Certificate::from_der(&issued.der).unwrap();
            let period =
                cert.validity().not_after.timestamp() - cert.validity().not_before.timestamp() + 1;
            assert_eq!(period, Duration::days(cap).num_seconds(), "{at}");
            assert_eq!(
                refusal(issue(&ca, "tls-dv", &csr, Some(cap + 1)).await),
                "validity.cap",
                "{at}"
            );
            let default = ca
                .prepare(
                    &checked(&csr),
                    SignOptions {
                        profile: "tls-dv",
                        days: None,
                        ..Default::default()
                    },
                )
                .await
                .unwrap();
            assert!(
                certificates::find_by_serial(&ca.store, default.serial_hex())
                    .await
                    .unwrap()
                    .is_some()
            );
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    /// The codes of pkilint's findings (WARNING and above) on a TLS subscriber certificate.
    fn pkilint_findings(dir: &std::path::Path, kind: &str, leaf: &[u8]) -> Vec<String> {
        std::fs::write(dir.join("leaf.pem"), pem_certificate(leaf)).unwrap();
        let out = Command::new("lint_cabf_serverauth_cert")
            .args(["lint", "-t", kind, "-s", "WARNING", "-f", "CSV", "leaf.pem"])
            .current_dir(dir)
            .output()
            .expect("pkilint is installed (pip install pkilint; `make test` does it)");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .skip(1)
            .filter_map(|line| line.split(',').nth(3).map(str::to_owned))
            .collect()
    }

    /// Whether a certificate names a CRL distribution point, and its authorityInfoAccess
    /// methods (OIDs).
    fn revocation_pointers(der: &[u8]) -> (bool, Vec<String>) {
        use x509_parser::extensions::ParsedExtension;
        let (_, cert) = X509Certificate::from_der(der).unwrap();
        let mut crl = false;
        let mut aia = Vec::new();
        for ext in cert.extensions() {
            match ext.parsed_extension() {
                ParsedExtension::CRLDistributionPoints(_) => crl = true,
                ParsedExtension::AuthorityInfoAccess(a) => {
                    aia = a
                        .accessdescs
                        .iter()
                        .map(|d| d.access_method.to_id_string())
                        .collect();
                }
                _ => {}
            }
        }
        (crl, aia)
    }

    const AD_OCSP: &str = "1.3.6.1.5.5.7.48.1";
    const AD_CA_ISSUERS: &str = "1.3.6.1.5.5.7.48.2";

    #[tokio::test]
    async fn a_short_lived_certificate_carries_ca_issuers_but_no_crl_or_ocsp() {
        use x509_parser::extensions::ParsedExtension;
        let (ca, dir) = ready().await;
        for key in ["ec:P-256", "rsa:2048"] {
            let csr = openssl_csr(
                &dir,
                key,
                "/CN=www.example.com",
                Some("DNS:www.example.com,DNS:shop.example.com"),
                &[],
            );
            let issued = issue(&ca, profiles::TLS_DV_SHORT_LIVED, &csr, None)
                .await
                .unwrap();
            std::fs::write(dir.join("chain.pem"), issued.pem_with_chain()).unwrap();
            let out = openssl(
                &[
                    "verify",
                    "-x509_strict",
                    "-CAfile",
                    "root.pem",
                    "-untrusted",
                    "tls.pem",
                    "-purpose",
                    "sslserver",
                    "chain.pem",
                ],
                &dir,
            );
            assert_eq!(out.trim(), "chain.pem: OK", "{key}: {out}");
            // pkilint's one finding is Microsoft's root program (3.1.10), which it reads as
            // asking every end-entity certificate for a CRL or OCSP pointer; the TLS BRs make
            // both optional for a short-lived certificate (7.1.2.11.2, 7.1.2.7.7).
            assert_eq!(
                pkilint_findings(&dir, "DV-FINAL-CERTIFICATE", &issued.der),
                ["msft.end_entity.revocation_information_absent"],
                "{key}"
            );
            assert_eq!(
                revocation_pointers(&issued.der),
                (false, vec![AD_CA_ISSUERS.to_owned()]),
                "{key}: caIssuers alone"
            );
            let (_, cert) = X509Certificate::from_der(&issued.der).unwrap();
            let period =
                cert.validity().not_after.timestamp() - cert.validity().not_before.timestamp() + 1;
            assert_eq!(period, profiles::SHORT_LIVED_DAYS * 86_400, "{key}");
            assert!(period <= 7 * 86_400, "BR 1.6.1: at most 7 days");
            assert_eq!(cert.subject().iter().count(), 0, "{key}: empty subject");
            for ext in cert.extensions() {
                match ext.parsed_extension() {
                    ParsedExtension::SubjectAlternativeName(_) => {
                        assert!(ext.critical, "{key}: an empty subject makes SAN critical");
                    }
                    ParsedExtension::ExtendedKeyUsage(eku) => assert!(
                        eku.server_auth && !eku.client_auth && eku.other.is_empty(),
                        "{key}: serverAuth alone"
                    ),
                    _ => {}
                }
            }
            std::fs::write(dir.join("leaf.pem"), pem_certificate(&issued.der)).unwrap();
            let text = openssl(&["x509", "-in", "leaf.pem", "-noout", "-text"], &dir);
            assert!(!text.contains("CRL Distribution Points"), "{key}: {text}");
            assert!(!text.contains("OCSP - URI"), "{key}: {text}");
            assert!(
                text.contains("CA Issuers - URI:http://pki.example.com/ca/tls.crt"),
                "{key}: {text}"
            );
        }
        // The profile goes no further than its days.
        assert_eq!(
            refusal(
                issue(
                    &ca,
                    profiles::TLS_DV_SHORT_LIVED,
                    &dv_csr(&dir),
                    Some(profiles::SHORT_LIVED_DAYS + 1)
                )
                .await
            ),
            "validity.cap"
        );
        // The DV certificate it is a variant of keeps both pointers.
        let dv = issue(&ca, profiles::TLS_DV, &dv_csr(&dir), None)
            .await
            .unwrap();
        assert_eq!(
            revocation_pointers(&dv.der),
            (true, vec![AD_OCSP.to_owned(), AD_CA_ISSUERS.to_owned()])
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn only_a_short_lived_certificate_may_go_without_revocation_information() {
        let (ca, dir) = ready().await;
        let csr = checked(&dv_csr(&dir));
        let tls = ca.issuing_ca("tls").await.unwrap();
        let serial = [0x11u8; 16];
        let tbs = |profile: &Profile, not_before: DateTime<Utc>, days: i64| {
            ca.tbs(
                profile,
                &csr,
                None,
                None,
                &tls.row,
                &tls.public_key,
                tls.spec,
                &serial,
                1,
                not_before,
                not_after_for(not_before, days),
                false,
            )
            .unwrap()
        };
        let short = profiles::profile(profiles::TLS_DV_SHORT_LIVED).unwrap();
        let dv = profiles::profile(profiles::TLS_DV).unwrap();
        // A profile without pointers whose own cap would allow 10 days: the BRs' definition
        // of short-lived by the notBefore decides (10 days, then 7 from 2026-03-15).
        let ten_days = Profile {
            validity: crate::domain::validity::ValidityRule::Days(10),
            ..*short
        };
        let last_ten_day_second = Utc.with_ymd_and_hms(2026, 3, 14, 23, 59, 59).unwrap();
        let seven_days_from = Utc.with_ymd_and_hms(2026, 3, 15, 0, 0, 0).unwrap();
        assert_eq!(
            lint(&tbs(&ten_days, last_ten_day_second, 10), &ten_days),
            Ok(())
        );
        assert_eq!(
            lint(&tbs(&ten_days, seven_days_from, 10), &ten_days)
                .unwrap_err()
                .rule,
            "lint.short_lived"
        );
        assert_eq!(
            lint(&tbs(&ten_days, seven_days_from, 8), &ten_days)
                .unwrap_err()
                .rule,
            "lint.short_lived"
        );
        assert_eq!(lint(&tbs(&ten_days, seven_days_from, 7), &ten_days), Ok(()));
        // A profile that publishes revocation refuses a certificate without a CRL
        // distribution point, however short.
        assert_eq!(
            lint(&tbs(short, seven_days_from, 6), dv).unwrap_err().rule,
            "lint.crl_distribution_points"
        );
        // And the short-lived profile refuses one that carries the pointers.
        assert_eq!(
            lint(&tbs(dv, seven_days_from, 6), short).unwrap_err().rule,
            "lint.revocation"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
