//! The OCSP responder (RFC 6960): answers good / revoked / unknown for the CAs' certificates,
//! signed by a delegated responder certificate per issuing CA (id-pkix-ocsp-nocheck, 90 days,
//! replaced 30 days before it ends). Answers without a nonce are kept in memory and served
//! again for a day (they are valid for four) with no database work; a revocation clears them
//! at once in its own process and within a second in the others (each revocation publishes a
//! CRL, whose id the responder polls).

use std::{
    collections::{HashMap, VecDeque},
    sync::{Arc, Mutex},
    time::Duration as StdDuration,
};

use chrono::{DateTime, Duration, SubsecRound, Utc};
use der::{
    Decode, Encode,
    asn1::{BitString, OctetString},
};
use rcgen::{
    CertificateParams, CustomExtension, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyUsagePurpose,
    SerialNumber,
};
use sha1::Sha1;
use sha2::{Digest, Sha256};
use x509_cert::{Certificate, ext::pkix::crl::CrlReason, spki::AlgorithmIdentifierOwned};
use x509_ocsp::{
    BasicOcspResponse, CertId, CertStatus, OcspGeneralizedTime, OcspRequest, OcspResponse,
    ResponderId, ResponseData, RevokedInfo, SingleResponse, Version,
};
use x509_parser::prelude::{FromDer, X509Certificate};

use super::{
    Authority, CaError, asn1_time, ocsp_presign::SERVE_PRESIGNED_FOR, rcgen_key::RcgenKey,
    serial::random_serial,
};
use crate::{
    domain::{br_rules::SignedObject, revocation::RevocationReason},
    ports::keys::{CaSigner, KeyRecord},
    store::{AuthorityRow, authorities, certificates, crls, ocsp_responses, stored::Stored},
};

/// How long a response is valid (the BRs allow 8 hours to 10 days).
pub const OCSP_VALIDITY: Duration = Duration::days(4);
/// When a kept response is replaced by a fresh one (the BRs want updates within 4 days).
pub(super) const OCSP_REFRESH: Duration = Duration::days(1);
const RESPONDER_VALIDITY: Duration = Duration::days(90);
const RESPONDER_RENEW_BEFORE: Duration = Duration::days(30);
/// The signed answers kept in memory take at most this many bytes (keys, answers and the
/// bookkeeping of each): requests for made-up serials must not grow memory without bound.
const MAX_KEPT_BYTES: usize = 32 << 20;
/// What keeping one answer costs besides its bytes: the map's and queue's entries.
const KEPT_OVERHEAD: usize = 96;
/// How often kept answers are checked against the database for revocations made by other
/// processes: a revocation shows in OCSP within this long (at once in the revoking process).
const GENERATION_CHECK: Duration = Duration::seconds(1);
/// Requests naming more certificates than this are refused as malformed.
const MAX_REQUESTS: usize = 8;

const OID_SHA1: &str = "1.3.14.3.2.26";
const SHA1_OID: der::asn1::ObjectIdentifier = der::asn1::ObjectIdentifier::new_unwrap(OID_SHA1);
const OID_SHA256: &str = "2.16.840.1.101.3.4.2.1";
const OID_NONCE: &str = "1.3.6.1.5.5.7.48.1.2";
const OCSP_NOCHECK: &[u64] = &[1, 3, 6, 1, 5, 5, 7, 48, 1, 5];

/// What the database says about the certificates of one request.
struct Resolved {
    ca_id: i32,
    statuses: Vec<Status>,
    /// The certificate record of each request, when it is ours.
    certificate_ids: Vec<Option<i32>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Status {
    Good,
    Revoked(DateTime<Utc>, Option<RevocationReason>),
    Unknown,
}

/// A CA as OCSP requests identify it: hashes of its name and key.
struct CaIndex {
    ca_id: i32,
    name_sha1: Vec<u8>,
    key_sha1: Vec<u8>,
    name_sha256: Vec<u8>,
    key_sha256: Vec<u8>,
}

pub(super) struct Responder {
    signer: Arc<dyn CaSigner>,
    cert: Certificate,
    key_hash: OctetString,
    not_after: DateTime<Utc>,
}

/// A signed answer and when to replace it.
type KeptAnswer = (Vec<u8>, DateTime<Utc>);

/// Signed answers by request, bounded by their size in bytes: when a new one does not fit, the
/// oldest kept ones go first.
pub(super) struct KeptAnswers {
    answers: HashMap<Vec<u8>, KeptAnswer>,
    /// Keys in the order they were first kept, each once.
    order: VecDeque<Vec<u8>>,
    bytes: usize,
    budget: usize,
}

impl Default for KeptAnswers {
    fn default() -> Self {
        Self::with_budget(MAX_KEPT_BYTES)
    }
}

impl KeptAnswers {
    pub(super) fn with_budget(budget: usize) -> Self {
        Self {
            answers: HashMap::new(),
            order: VecDeque::new(),
            bytes: 0,
            budget,
        }
    }

    /// The key is held twice, in the map and in the queue.
    fn cost(key: &[u8], der: &[u8]) -> usize {
        2 * key.len() + der.len() + KEPT_OVERHEAD
    }

    fn get(&self, key: &[u8]) -> Option<&KeptAnswer> {
        self.answers.get(key)
    }

    fn insert(&mut self, key: Vec<u8>, der: Vec<u8>, refresh_at: DateTime<Utc>) {
        let cost = Self::cost(&key, &der);
        if cost > self.budget {
            return;
        }
        if let Some((old, _)) = self.answers.get(&key) {
            // Replaced in place: the key keeps its place in the queue.
            self.bytes = self.bytes.saturating_sub(old.len()) + der.len();
            self.answers.insert(key, (der, refresh_at));
        } else {
            self.bytes += cost;
            self.order.push_back(key.clone());
            self.answers.insert(key, (der, refresh_at));
        }
        while self.bytes > self.budget {
            let Some(oldest) = self.order.pop_front() else {
                break;
            };
            if let Some((old, _)) = self.answers.remove(&oldest) {
                self.bytes = self.bytes.saturating_sub(Self::cost(&oldest, &old));
            }
        }
    }

    fn clear(&mut self) {
        self.answers.clear();
        self.order.clear();
        self.bytes = 0;
    }

    /// The bytes kept now, by the same measure as the budget.
    #[cfg(test)]
    pub(super) fn bytes(&self) -> usize {
        self.bytes
    }

    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.answers.len()
    }
}

/// State the responder keeps between requests.
#[derive(Default)]
pub struct OcspState {
    index: Mutex<Option<Arc<Vec<CaIndex>>>>,
    responders: Mutex<HashMap<i32, Arc<Responder>>>,
    answers: Mutex<KeptAnswers>,
    /// The newest CRL id seen, and when it was read: a new CRL means a revocation somewhere.
    generation: Mutex<Option<(Option<i32>, DateTime<Utc>)>>,
}

fn der_time(t: DateTime<Utc>) -> Result<OcspGeneralizedTime, String> {
    let secs = u64::try_from(t.timestamp()).map_err(|e| e.to_string())?;
    der::DateTime::from_unix_duration(StdDuration::from_secs(secs))
        .map(OcspGeneralizedTime::from)
        .map_err(|e| e.to_string())
}

fn crl_reason(reason: Option<RevocationReason>) -> Option<CrlReason> {
    Some(match reason? {
        RevocationReason::Unspecified => return None,
        RevocationReason::KeyCompromise => CrlReason::KeyCompromise,
        RevocationReason::CaCompromise => CrlReason::CaCompromise,
        RevocationReason::AffiliationChanged => CrlReason::AffiliationChanged,
        RevocationReason::Superseded => CrlReason::Superseded,
        RevocationReason::CessationOfOperation => CrlReason::CessationOfOperation,
        RevocationReason::CertificateHold => CrlReason::CertificateHold,
        RevocationReason::RemoveFromCrl => CrlReason::RemoveFromCRL,
        RevocationReason::PrivilegeWithdrawn => CrlReason::PrivilegeWithdrawn,
        RevocationReason::AaCompromise => CrlReason::AaCompromise,
    })
}

fn encoded(response: OcspResponse) -> Vec<u8> {
    response.to_der().unwrap_or_default()
}

impl Authority {
    /// Answers one DER OCSPRequest with a DER OCSPResponse. Never fails: problems become the
    /// RFC 6960 error statuses (malformedRequest, unauthorized, internalError).
    pub async fn ocsp_response(&self, request_der: &[u8]) -> Vec<u8> {
        let Ok(request) = OcspRequest::from_der(request_der) else {
            return encoded(OcspResponse::malformed_request());
        };
        let list = &request.tbs_request.request_list;
        if list.is_empty() || list.len() > MAX_REQUESTS {
            return encoded(OcspResponse::malformed_request());
        }
        let nonce = request
            .tbs_request
            .request_extensions
            .as_ref()
            .and_then(|exts| {
                exts.iter()
                    .find(|e| e.extn_id.to_string() == OID_NONCE)
                    .cloned()
            });
        let now = self.clock.now();
        let cache_key = match (&nonce, list.to_der()) {
            (None, Ok(key)) => Some(key),
            _ => None,
        };
        if let Some(key) = &cache_key {
            self.check_generation(now).await;
            let kept = self
                .ocsp
                .answers
                .lock()
                .ok()
                .and_then(|a| a.get(key).cloned());
            if let Some((der, _)) = kept.filter(|(_, refresh_at)| now < *refresh_at) {
                return der;
            }
        }
        let resolved = match self.resolve(&request).await {
            Ok(Some(r)) => r,
            Ok(None) => return encoded(OcspResponse::unauthorized()),
            Err(e) => {
                tracing::error!(error = %e, "OCSP status lookup failed");
                return encoded(OcspResponse::internal_error());
            }
        };
        if let Some(key) = &cache_key {
            match self.presigned_answer(&request, &resolved, now).await {
                Ok(Some((der, refresh_at))) => {
                    self.keep_answer(key.clone(), der.clone(), refresh_at);
                    return der;
                }
                Ok(None) => {}
                // The pre-signed store is an optimisation: sign afresh instead.
                Err(e) => tracing::warn!(error = %e, "OCSP: cannot read pre-signed answers"),
            }
        }
        match self.sign_ocsp(&request, resolved, nonce, now).await {
            Ok(der) => {
                if let Some(key) = cache_key {
                    self.keep_answer(key, der.clone(), now + OCSP_REFRESH);
                }
                der
            }
            Err(e) => {
                tracing::error!(error = %e, "OCSP response failed");
                encoded(OcspResponse::internal_error())
            }
        }
    }

    fn keep_answer(&self, key: Vec<u8>, der: Vec<u8>, refresh_at: DateTime<Utc>) {
        if let Ok(mut answers) = self.ocsp.answers.lock() {
            answers.insert(key, der, refresh_at);
        }
    }

    /// The stored answer for a one-certificate request, when it answers exactly this CertID
    /// with the status the database holds now and is fresh; with when to stop serving it.
    async fn presigned_answer(
        &self,
        request: &OcspRequest,
        resolved: &Resolved,
        now: DateTime<Utc>,
    ) -> Result<Option<(Vec<u8>, DateTime<Utc>)>, CaError> {
        let ([req], [Some(certificate_id)], [status]) = (
            request.tbs_request.request_list.as_slice(),
            resolved.certificate_ids.as_slice(),
            resolved.statuses.as_slice(),
        ) else {
            return Ok(None);
        };
        let Some(stored) = ocsp_responses::for_certificate(&self.store, *certificate_id).await?
        else {
            return Ok(None);
        };
        let asked = req
            .req_cert
            .to_der()
            .map_err(|e| CaError::Ocsp(e.to_string()))?;
        let serve_until = stored.this_update + SERVE_PRESIGNED_FOR;
        let fits = stored.cert_id_der == asked
            && stored.revoked == matches!(status, Status::Revoked(..))
            && now < serve_until;
        Ok(fits.then(|| (stored.der, serve_until.min(now + OCSP_REFRESH))))
    }

    /// Forgets kept answers, after a revocation in this process.
    pub(super) fn forget_ocsp_answers(&self) {
        if let Ok(mut answers) = self.ocsp.answers.lock() {
            answers.clear();
        }
    }

    /// At most once per GENERATION_CHECK, reads the newest CRL id; when it moved (a revocation
    /// in any process publishes a CRL), kept answers are dropped.
    async fn check_generation(&self, now: DateTime<Utc>) {
        let last = self.ocsp.generation.lock().ok().and_then(|g| *g);
        if last.is_some_and(|(_, checked)| now - checked < GENERATION_CHECK) {
            return;
        }
        match crls::newest_id_for_operator(&self.store).await {
            Ok(newest) => {
                if last.is_some_and(|(seen, _)| seen != newest) {
                    self.forget_ocsp_answers();
                }
                if let Ok(mut g) = self.ocsp.generation.lock() {
                    *g = Some((newest, now));
                }
            }
            Err(e) => {
                // Without the check, kept answers could hide a revocation: drop them.
                tracing::error!(error = %e, "OCSP: cannot read the CRL generation");
                self.forget_ocsp_answers();
            }
        }
    }

    pub(super) fn forget_ca_index(&self) {
        if let Ok(mut index) = self.ocsp.index.lock() {
            *index = None;
        }
    }

    /// Finds the CA and the status of every certificate asked about; `None` when a request
    /// names a CA that is not ours (or several CAs at once).
    async fn resolve(&self, request: &OcspRequest) -> Result<Option<Resolved>, CaError> {
        let index = self.ca_index().await?;
        let mut ca_id = None;
        let mut statuses = Vec::new();
        let mut certificate_ids = Vec::new();
        for req in &request.tbs_request.request_list {
            let id = &req.req_cert;
            let alg = id.hash_algorithm.oid.to_string();
            let name = id.issuer_name_hash.as_bytes();
            let key = id.issuer_key_hash.as_bytes();
            let Some(ca) = index.iter().find(|c| match alg.as_str() {
                OID_SHA1 => c.name_sha1 == name && c.key_sha1 == key,
                OID_SHA256 => c.name_sha256 == name && c.key_sha256 == key,
                _ => false,
            }) else {
                return Ok(None);
            };
            // One responder signs the whole answer, so every request must name one CA.
            if ca_id.is_some_and(|other| other != ca.ca_id) {
                return Ok(None);
            }
            ca_id = Some(ca.ca_id);
            let serial_hex = hex::encode(id.serial_number.as_bytes())
                .trim_start_matches("00")
                .to_owned();
            let (status, certificate_id) =
                match certificates::find_by_serial(&self.store, &serial_hex).await? {
                    Some(c) if c.ca_id == ca.ca_id && c.status != certificates::RESERVED => {
                        let status = match c.revoked_at {
                            Some(at) => {
                                Status::Revoked(at, c.revocation_reason.map(Stored::into_inner))
                            }
                            None => Status::Good,
                        };
                        (status, Some(c.id))
                    }
                    _ => (Status::Unknown, None),
                };
            statuses.push(status);
            certificate_ids.push(certificate_id);
        }
        Ok(ca_id.map(|ca_id| Resolved {
            ca_id,
            statuses,
            certificate_ids,
        }))
    }

    async fn sign_ocsp(
        &self,
        request: &OcspRequest,
        resolved: Resolved,
        nonce: Option<x509_cert::ext::Extension>,
        now: DateTime<Utc>,
    ) -> Result<Vec<u8>, CaError> {
        let items = request
            .tbs_request
            .request_list
            .iter()
            .map(|req| req.req_cert.clone())
            .zip(resolved.statuses)
            .collect();
        self.signed_answer(resolved.ca_id, items, nonce, now).await
    }

    /// A successful OCSPResponse for CertIDs of one CA, signed by the CA's responder.
    pub(super) async fn signed_answer(
        &self,
        ca_id: i32,
        items: Vec<(CertId, Status)>,
        nonce: Option<x509_cert::ext::Extension>,
        now: DateTime<Utc>,
    ) -> Result<Vec<u8>, CaError> {
        let now = now.trunc_subsecs(0);
        let mut responses = Vec::new();
        for (cert_id, status) in items {
            let cert_status = match status {
                Status::Good => CertStatus::good(),
                Status::Unknown => CertStatus::unknown(),
                Status::Revoked(at, reason) => CertStatus::revoked(RevokedInfo {
                    revocation_time: der_time(at).map_err(CaError::Ocsp)?,
                    revocation_reason: crl_reason(reason),
                }),
            };
            responses.push(SingleResponse {
                cert_id,
                cert_status,
                this_update: der_time(now).map_err(CaError::Ocsp)?,
                next_update: Some(der_time(now + OCSP_VALIDITY).map_err(CaError::Ocsp)?),
                single_extensions: None,
            });
        }
        let responder = self.responder(ca_id).await?;
        let data = ResponseData {
            version: Version::V1,
            responder_id: ResponderId::ByKey(responder.key_hash.clone()),
            produced_at: der_time(now).map_err(CaError::Ocsp)?,
            responses,
            response_extensions: nonce.map(|n| vec![n]),
        };
        let tbs = data.to_der().map_err(|e| CaError::Ocsp(e.to_string()))?;
        let algorithm = super::signed::algorithm_identifier(responder.signer.spec());
        super::signed::refuse_sha1(SignedObject::OcspResponse, algorithm, now).map_err(
            |detail| CaError::Refused {
                rule: super::signed::SHA1_RULE,
                detail,
            },
        )?;
        let signature = responder.signer.sign(&tbs)?;
        let basic = BasicOcspResponse {
            tbs_response_data: data,
            signature_algorithm: AlgorithmIdentifierOwned::from_der(algorithm)
                .map_err(|e| CaError::Ocsp(e.to_string()))?,
            signature: BitString::from_bytes(&signature)
                .map_err(|e| CaError::Ocsp(e.to_string()))?,
            certs: Some(vec![responder.cert.clone()]),
        };
        let response = OcspResponse::successful(basic).map_err(|e| CaError::Ocsp(e.to_string()))?;
        response.to_der().map_err(|e| CaError::Ocsp(e.to_string()))
    }

    /// The CertID most clients send for a certificate of ours (SHA-1, as RFC 5019 and
    /// OpenSSL do, with NULL parameters): what pre-signed answers answer.
    pub(super) async fn sha1_cert_id(
        &self,
        ca_id: i32,
        cert_der: &[u8],
    ) -> Result<CertId, CaError> {
        let index = self.ca_index().await?;
        let ca = index
            .iter()
            .find(|c| c.ca_id == ca_id)
            .ok_or(CaError::NoSuchCa("OCSP issuer"))?;
        let cert = Certificate::from_der(cert_der).map_err(|e| CaError::Ocsp(e.to_string()))?;
        let octets =
            |b: &[u8]| OctetString::new(b.to_vec()).map_err(|e| CaError::Ocsp(e.to_string()));
        Ok(CertId {
            hash_algorithm: AlgorithmIdentifierOwned {
                oid: SHA1_OID,
                parameters: Some(der::asn1::Null.into()),
            },
            issuer_name_hash: octets(&ca.name_sha1)?,
            issuer_key_hash: octets(&ca.key_sha1)?,
            serial_number: cert.tbs_certificate.serial_number,
        })
    }

    async fn ca_index(&self) -> Result<Arc<Vec<CaIndex>>, CaError> {
        if let Some(index) = self.ocsp.index.lock().ok().and_then(|i| i.clone()) {
            return Ok(index);
        }
        let mut built = Vec::new();
        for ca in authorities::list(&self.store).await? {
            let Some(key) = authorities::find_key(&self.store, ca.key_id).await? else {
                continue;
            };
            let (_, cert) = X509Certificate::from_der(&ca.cert_der)
                .map_err(|e| CaError::Ocsp(e.to_string()))?;
            let name = cert.tbs_certificate.subject.as_raw();
            built.push(CaIndex {
                ca_id: ca.id,
                name_sha1: Sha1::digest(name).to_vec(),
                key_sha1: Sha1::digest(&key.public_key).to_vec(),
                name_sha256: Sha256::digest(name).to_vec(),
                key_sha256: Sha256::digest(&key.public_key).to_vec(),
            });
        }
        let built = Arc::new(built);
        if let Ok(mut index) = self.ocsp.index.lock() {
            *index = Some(built.clone());
        }
        Ok(built)
    }

    /// The current delegated responder of a CA, made or renewed when needed.
    async fn responder(&self, ca_id: i32) -> Result<Arc<Responder>, CaError> {
        let now = self.clock.now();
        let cached = self
            .ocsp
            .responders
            .lock()
            .ok()
            .and_then(|m| m.get(&ca_id).cloned());
        if let Some(r) = cached.filter(|r| r.not_after - now > RESPONDER_RENEW_BEFORE) {
            return Ok(r);
        }
        let ca = authorities::find(&self.store, ca_id)
            .await?
            .ok_or(CaError::NoSuchCa("OCSP issuer"))?;
        let current = match authorities::latest_responder(&self.store, ca_id).await? {
            Some(row) if row.not_after - now > RESPONDER_RENEW_BEFORE => {
                let key = authorities::find_key(&self.store, row.key_id)
                    .await?
                    .ok_or_else(|| CaError::Ocsp("responder key row missing".into()))?;
                let spec = *key.spec;
                let signer = self.keys.signer(
                    &key.label,
                    &KeyRecord {
                        backend: key.backend,
                        spec,
                        public_key: key.public_key,
                        handle: key.handle,
                    },
                )?;
                (signer, row.cert_der, row.not_after)
            }
            _ => self.new_responder(&ca).await?,
        };
        let (signer, cert_der, not_after) = current;
        let cert = Certificate::from_der(&cert_der).map_err(|e| CaError::Ocsp(e.to_string()))?;
        let key_hash = OctetString::new(Sha1::digest(signer.public_key()).to_vec())
            .map_err(|e| CaError::Ocsp(e.to_string()))?;
        let responder = Arc::new(Responder {
            signer,
            cert,
            key_hash,
            not_after,
        });
        if let Ok(mut m) = self.ocsp.responders.lock() {
            m.insert(ca_id, responder.clone());
        }
        Ok(responder)
    }

    async fn new_responder(
        &self,
        ca: &AuthorityRow,
    ) -> Result<(Arc<dyn CaSigner>, Vec<u8>, DateTime<Utc>), CaError> {
        let ca_key = authorities::find_key(&self.store, ca.key_id)
            .await?
            .ok_or_else(|| CaError::Ocsp("CA key row missing".into()))?;
        let spec = *ca_key.spec;
        let now = self.clock.now().trunc_subsecs(0);
        let label = format!("ocsp-{}-{}", ca.name, now.timestamp());
        let (record, signer) = self.new_key(&label, spec).await?;
        let ca_signer = self.signer_of(ca).await?;

        let not_after = (now + RESPONDER_VALIDITY).min(ca.not_after);
        let time = |t: DateTime<Utc>| asn1_time(t).map_err(CaError::Ocsp);
        let mut p = CertificateParams::default();
        let (_, ca_cert) =
            X509Certificate::from_der(&ca.cert_der).map_err(|e| CaError::Ocsp(e.to_string()))?;
        let ca_cn = ca_cert
            .subject()
            .iter_common_name()
            .next()
            .and_then(|cn| cn.as_str().ok())
            .unwrap_or(ca.name.as_str())
            .to_owned();
        p.distinguished_name = self.operator_subject(&format!("{ca_cn} OCSP Responder"));
        p.not_before = time(now)?;
        p.not_after = time(not_after)?;
        p.serial_number = Some(SerialNumber::from_slice(&random_serial(
            self.random.as_ref(),
        )));
        // ExplicitNoCa brings the subject key identifier the BRs expect of responders.
        p.is_ca = IsCa::ExplicitNoCa;
        p.use_authority_key_identifier_extension = true;
        p.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        p.extended_key_usages = vec![ExtendedKeyUsagePurpose::OcspSigning];
        // id-pkix-ocsp-nocheck: clients do not check the responder's own revocation status.
        p.custom_extensions = vec![CustomExtension::from_oid_content(
            OCSP_NOCHECK,
            vec![0x05, 0x00],
        )];
        let issuer =
            Issuer::from_ca_cert_der(&ca.cert_der.as_slice().into(), RcgenKey(ca_signer.as_ref()))
                .map_err(|e| CaError::Ocsp(e.to_string()))?;
        let cert = p
            .signed_by(&RcgenKey(signer.as_ref()), &issuer)
            .map_err(|e| CaError::Ocsp(e.to_string()))?;
        let cert_der = cert.der().to_vec();

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
        authorities::insert_responder(&tx, ca.id, key_row.id, &cert_der, not_after, now).await?;
        tx.commit().await?;
        Ok((signer, cert_der, not_after))
    }
}

#[cfg(test)]
mod tests {
    use std::process::Command;

    use super::*;
    use crate::ports::keys::KeySpec;
    use crate::{
        ca::{
            list::pem_certificate,
            test_support::{SECRET, authority, dv_csr, issue_dv, openssl, temp_dir},
        },
        store::test_db::fresh_store,
    };

    fn lint(tool: &str, args: &[&str], dir: &std::path::Path) {
        let out = Command::new(tool)
            .args(args)
            .current_dir(dir)
            .output()
            .expect("pkilint is installed");
        let findings = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && findings.trim().is_empty(),
            "{args:?}: {findings}"
        );
    }

    #[tokio::test]
    async fn openssl_reads_good_revoked_and_unknown_and_pkilint_finds_nothing() {
        let ca = authority(fresh_store().await, SECRET);
        ca.init(KeySpec::EcP256).await.unwrap();
        let dir = temp_dir("ocsp");
        let tls = ca.certificate_pem("tls").await.unwrap().unwrap();
        std::fs::write(dir.join("tls.pem"), &tls).unwrap();
        std::fs::write(
            dir.join("cas.pem"),
            ca.certificate_pem("root").await.unwrap().unwrap() + &tls,
        )
        .unwrap();
        let csr = dv_csr(&dir);
        let mut issued = Vec::new();
        for _ in 0..2 {
            issued.push(issue_dv(&ca, &csr).await);
        }
        std::fs::write(dir.join("good.pem"), pem_certificate(&issued[0].der)).unwrap();
        std::fs::write(dir.join("revoked.pem"), pem_certificate(&issued[1].der)).unwrap();

        // Ask once before the revocation, so a kept answer must be forgotten when it happens.
        openssl(
            &[
                "ocsp",
                "-issuer",
                "tls.pem",
                "-cert",
                "revoked.pem",
                "-no_nonce",
                "-reqout",
                "before.der",
            ],
            &dir,
        );
        let before = ca
            .ocsp_response(&std::fs::read(dir.join("before.der")).unwrap())
            .await;
        std::fs::write(dir.join("before.resp"), before).unwrap();
        let out = openssl(
            &[
                "ocsp",
                "-respin",
                "before.resp",
                "-CAfile",
                "cas.pem",
                "-issuer",
                "tls.pem",
                "-cert",
                "revoked.pem",
            ],
            &dir,
        );
        assert!(out.contains("revoked.pem: good"), "{out}");
        ca.revoke(&issued[1].serial_hex, RevocationReason::KeyCompromise)
            .await
            .unwrap();

        let cases = [
            (vec!["-cert", "good.pem"], "good.pem: good"),
            (vec!["-cert", "revoked.pem"], "revoked.pem: revoked"),
            (
                vec!["-serial", "0x0123456789abcdef0123456789abcdef"],
                ": unknown",
            ),
            (vec!["-sha256", "-cert", "good.pem"], "good.pem: good"),
        ];
        for (i, (which, expected)) in cases.iter().enumerate() {
            let req = format!("req{i}.der");
            let resp = format!("resp{i}.der");
            let mut args = vec![
                "ocsp",
                "-issuer",
                "tls.pem",
                "-no_nonce",
                "-reqout",
                req.as_str(),
            ];
            args.extend(which.iter().copied());
            openssl(&args, &dir);
            let answer = ca
                .ocsp_response(&std::fs::read(dir.join(&req)).unwrap())
                .await;
            std::fs::write(dir.join(&resp), answer).unwrap();
            let mut check = vec![
                "ocsp",
                "-respin",
                resp.as_str(),
                "-CAfile",
                "cas.pem",
                "-issuer",
                "tls.pem",
            ];
            check.extend(which.iter().copied());
            let out = openssl(&check, &dir);
            assert!(out.contains("Response verify OK"), "{out}");
            assert!(out.contains(expected), "{expected}: {out}");
            lint(
                "lint_ocsp_response",
                &["lint", "-s", "WARNING", &resp],
                &dir,
            );
        }
        let text = openssl(
            &["ocsp", "-respin", "resp1.der", "-noverify", "-resp_text"],
            &dir,
        );
        assert!(text.contains("keyCompromise"), "{text}");
        let responder: String = text
            .lines()
            .skip_while(|l| !l.starts_with("-----BEGIN"))
            .take_while(|l| !l.starts_with("-----END"))
            .chain(std::iter::once("-----END CERTIFICATE-----"))
            .map(|l| format!("{l}\n"))
            .collect();
        std::fs::write(dir.join("responder.pem"), responder).unwrap();
        lint(
            "lint_cabf_serverauth_cert",
            &[
                "lint",
                "-t",
                "OCSP-RESPONDER",
                "-s",
                "WARNING",
                "responder.pem",
            ],
            &dir,
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    // The guard only keeps the logout test from running at the same time; this test's runtime
    // is single-threaded, so holding it across awaits blocks nothing else.
    #[allow(clippy::await_holding_lock)]
    async fn issuance_crls_and_ocsp_work_with_keys_in_softhsm2() {
        use crate::adapters::pkcs11::tests::{LOGIN_STATE, test_store};
        let _alone = LOGIN_STATE.lock();
        let ca = crate::ca::test_support::authority_with(
            fresh_store().await,
            Arc::new(test_store()),
            Arc::new(crate::ports::clock::FakeClock::at(
                Utc::now() - Duration::hours(1),
            )),
        );
        ca.init(KeySpec::EcP256).await.unwrap();
        let dir = temp_dir("hsm");
        let tls = ca.certificate_pem("tls").await.unwrap().unwrap();
        std::fs::write(dir.join("tls.pem"), &tls).unwrap();
        std::fs::write(
            dir.join("cas.pem"),
            ca.certificate_pem("root").await.unwrap().unwrap() + &tls,
        )
        .unwrap();
        let csr = dv_csr(&dir);
        let issued = issue_dv(&ca, &csr).await;
        std::fs::write(dir.join("chain.pem"), issued.pem_with_chain()).unwrap();
        let out = openssl(&["verify", "-CAfile", "cas.pem", "chain.pem"], &dir);
        assert_eq!(out.trim(), "chain.pem: OK", "{out}");

        std::fs::write(dir.join("leaf.pem"), pem_certificate(&issued.der)).unwrap();
        ca.revoke(&issued.serial_hex, RevocationReason::Superseded)
            .await
            .unwrap();
        openssl(
            &[
                "ocsp",
                "-issuer",
                "tls.pem",
                "-cert",
                "leaf.pem",
                "-no_nonce",
                "-reqout",
                "req.der",
            ],
            &dir,
        );
        let answer = ca
            .ocsp_response(&std::fs::read(dir.join("req.der")).unwrap())
            .await;
        std::fs::write(dir.join("resp.der"), answer).unwrap();
        let out = openssl(
            &[
                "ocsp", "-respin", "resp.der", "-CAfile", "cas.pem", "-issuer", "tls.pem", "-cert",
                "leaf.pem",
            ],
            &dir,
        );
        assert!(
            out.contains("Response verify OK") && out.contains("leaf.pem: revoked"),
            "{out}"
        );
        let crl = ca.current_crl("tls", 0).await.unwrap().unwrap();
        std::fs::write(dir.join("tls.crl"), crl).unwrap();
        let text = openssl(
            &[
                "crl", "-inform", "DER", "-in", "tls.crl", "-CAfile", "cas.pem", "-noout",
            ],
            &dir,
        );
        assert!(text.contains("verify OK"), "{text}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn kept_answers_stay_within_their_byte_budget_dropping_the_oldest() {
        let mut kept = KeptAnswers::with_budget(10_000);
        let at = Utc::now();
        for i in 0u32..1_000 {
            kept.insert(i.to_be_bytes().to_vec(), vec![0; 500], at);
            assert!(kept.bytes() <= 10_000, "{} bytes after {i}", kept.bytes());
        }
        assert!(kept.len() > 0 && kept.len() < 20, "{}", kept.len());
        assert!(
            kept.get(&999u32.to_be_bytes()).is_some(),
            "the newest stays"
        );
        assert!(kept.get(&0u32.to_be_bytes()).is_none(), "the oldest went");
        // Replacing an answer keeps the count right.
        kept.insert(999u32.to_be_bytes().to_vec(), vec![0; 100], at);
        kept.insert(999u32.to_be_bytes().to_vec(), vec![0; 500], at);
        assert!(kept.bytes() <= 10_000);
        // An answer bigger than the whole budget is not kept at all.
        kept.insert(b"huge".to_vec(), vec![0; 20_000], at);
        assert!(kept.get(b"huge").is_none());
        kept.clear();
        assert_eq!((kept.len(), kept.bytes()), (0, 0));
    }

    /// The penetration test grew the cache with requests for made-up serials: each is a
    /// distinct signed "unknown" answer. They now stay within the byte budget.
    #[tokio::test]
    async fn many_distinct_unknown_serials_keep_the_answer_cache_under_its_byte_bound() {
        let ca = authority(fresh_store().await, SECRET);
        ca.init(KeySpec::EcP256).await.unwrap();
        const BUDGET: usize = 16 * 1024;
        *ca.ocsp.answers.lock().unwrap() = KeptAnswers::with_budget(BUDGET);
        let dir = temp_dir("ocsp-unknown-serials");
        std::fs::write(
            dir.join("tls.pem"),
            ca.certificate_pem("tls").await.unwrap().unwrap(),
        )
        .unwrap();
        openssl(
            &[
                "ocsp",
                "-issuer",
                "tls.pem",
                "-serial",
                "0x5a5a5a5a5a5a5a5a0000",
                "-no_nonce",
                "-reqout",
                "req.der",
            ],
            &dir,
        );
        let template = std::fs::read(dir.join("req.der")).unwrap();
        let marker = [0x5a; 8];
        let at = template
            .windows(marker.len())
            .position(|w| w == marker)
            .expect("the serial is in the request")
            + marker.len();
        let mut kept_any = false;
        for i in 0u16..300 {
            let mut request = template.clone();
            request[at..at + 2].copy_from_slice(&i.to_be_bytes());
            let answer = ca.ocsp_response(&request).await;
            assert!(answer.len() > 100, "a signed answer for serial {i}");
            let kept = ca.ocsp.answers.lock().unwrap();
            assert!(kept.bytes() <= BUDGET, "{} bytes after {i}", kept.bytes());
            kept_any |= kept.len() > 0;
        }
        assert!(kept_any, "unknown answers are kept at all");
        assert!(ca.ocsp.answers.lock().unwrap().len() < 300);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn a_revocation_by_another_process_reaches_kept_answers_within_a_second() {
        use crate::{ca::test_support::authority_at, ports::clock::FakeClock};
        let store = fresh_store().await;
        let clock = Arc::new(FakeClock::at(Utc::now() - Duration::hours(1)));
        let responder = authority_at(store.clone(), SECRET, clock.clone());
        responder.init(KeySpec::EcP256).await.unwrap();
        // Another server process on the same database.
        let other = authority_at(store, SECRET, clock.clone());
        let dir = temp_dir("ocsp-generation");
        std::fs::write(
            dir.join("tls.pem"),
            responder.certificate_pem("tls").await.unwrap().unwrap(),
        )
        .unwrap();
        let csr = dv_csr(&dir);
        let issued = issue_dv(&other, &csr).await;
        std::fs::write(dir.join("leaf.pem"), pem_certificate(&issued.der)).unwrap();
        openssl(
            &[
                "ocsp",
                "-issuer",
                "tls.pem",
                "-cert",
                "leaf.pem",
                "-no_nonce",
                "-reqout",
                "req.der",
            ],
            &dir,
        );
        let request = std::fs::read(dir.join("req.der")).unwrap();
        let status = |der: Vec<u8>| {
            std::fs::write(dir.join("resp.der"), der).unwrap();
            openssl(
                &[
                    "ocsp",
                    "-respin",
                    "resp.der",
                    "-noverify",
                    "-issuer",
                    "tls.pem",
                    "-cert",
                    "leaf.pem",
                ],
                &dir,
            )
        };
        assert!(status(responder.ocsp_response(&request).await).contains("leaf.pem: good"));
        other
            .revoke(&issued.serial_hex, RevocationReason::KeyCompromise)
            .await
            .unwrap();
        clock.advance(Duration::milliseconds(1100));
        assert!(status(responder.ocsp_response(&request).await).contains("leaf.pem: revoked"));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn bad_requests_get_the_rfc_6960_error_statuses() {
        let ca = authority(fresh_store().await, SECRET);
        ca.init(KeySpec::EcP256).await.unwrap();
        let status = |der: Vec<u8>| OcspResponse::from_der(&der).unwrap().response_status;
        assert_eq!(
            status(ca.ocsp_response(b"not an ocsp request").await),
            x509_ocsp::OcspResponseStatus::MalformedRequest
        );
        // A certificate of a CA that is not ours.
        let dir = temp_dir("ocsp-foreign");
        openssl(
            &[
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                "k.pem",
                "-out",
                "other.pem",
                "-subj",
                "/CN=Other CA",
                "-days",
                "2",
            ],
            &dir,
        );
        openssl(
            &[
                "ocsp",
                "-issuer",
                "other.pem",
                "-serial",
                "0x01",
                "-no_nonce",
                "-reqout",
                "foreign.der",
            ],
            &dir,
        );
        let foreign = std::fs::read(dir.join("foreign.der")).unwrap();
        assert_eq!(
            status(ca.ocsp_response(&foreign).await),
            x509_ocsp::OcspResponseStatus::Unauthorized
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
