//! CA keys in an HSM through PKCS#11 (SoftHSM2 in development and tests; the same code drives
//! a network HSM). Keys are generated inside the token as sensitive and non-extractable; the
//! database keeps only their public part and CKA_ID. Sessions are pooled so signatures run in
//! parallel (a session is not shareable between threads); a lost session is replaced.

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
    sync::{Arc, Mutex, OnceLock},
};

use cryptoki::{
    context::{CInitializeArgs, CInitializeFlags, Pkcs11},
    error::{Error as CkError, RvError},
    mechanism::Mechanism,
    object::{Attribute, AttributeType, ObjectClass, ObjectHandle},
    session::{Session, UserType},
    slot::Slot,
    types::AuthPin,
};
use rand::RngCore;
use sha2::{Digest, Sha256, Sha384};

use crate::ports::keys::{CaSigner, KeyError, KeyRecord, KeySpec, KeyStore};

pub const BACKEND: &str = "pkcs11";

/// DER OIDs of the curves, as CKA_EC_PARAMS wants them.
const P256_PARAMS: &[u8] = &[0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
const P384_PARAMS: &[u8] = &[0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22];

/// One context per module for the whole process: C_Finalize in one would end every other.
fn context(module: &Path) -> Result<Pkcs11, KeyError> {
    static CONTEXTS: OnceLock<Mutex<HashMap<PathBuf, Pkcs11>>> = OnceLock::new();
    let failed =
        |reason: String| KeyError::Token(format!("PKCS#11 module {}: {reason}", module.display()));
    let map = CONTEXTS.get_or_init(|| Mutex::new(HashMap::new()));
    let mut map = map
        .lock()
        .map_err(|_| failed("context lock poisoned".into()))?;
    if let Some(ctx) = map.get(module) {
        return Ok(ctx.clone());
    }
    let ctx = Pkcs11::new(module).map_err(|e| failed(format!("cannot load it: {e}")))?;
    match ctx.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK)) {
        Ok(()) | Err(CkError::Pkcs11(RvError::CryptokiAlreadyInitialized, _)) => {}
        Err(e) => return Err(failed(format!("cannot initialise it: {e}"))),
    }
    map.insert(module.to_owned(), ctx.clone());
    Ok(ctx)
}

struct Token {
    ctx: Pkcs11,
    slot: Slot,
    pin: AuthPin,
    label: String,
    idle: Mutex<Vec<Session>>,
}

impl Token {
    fn open_session(&self) -> Result<Session, CkError> {
        let session = self.ctx.open_rw_session(self.slot)?;
        match session.login(UserType::User, Some(&self.pin)) {
            Ok(()) | Err(CkError::Pkcs11(RvError::UserAlreadyLoggedIn, _)) => Ok(session),
            Err(e) => Err(e),
        }
    }

    /// Runs `f` on a pooled session; a session the token has lost is replaced once.
    fn with_session<T>(&self, f: impl Fn(&Session) -> Result<T, CkError>) -> Result<T, CkError> {
        let taken = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let session = match taken {
            Some(s) => s,
            None => self.open_session()?,
        };
        let result = match f(&session) {
            Err(CkError::Pkcs11(
                RvError::SessionHandleInvalid
                | RvError::SessionClosed
                | RvError::UserNotLoggedIn
                | RvError::DeviceRemoved,
                _,
            )) => {
                drop(session);
                let fresh = self.open_session()?;
                let retried = f(&fresh);
                self.give_back(fresh);
                return retried;
            }
            other => other,
        };
        self.give_back(session);
        result
    }

    fn give_back(&self, session: Session) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(session);
        }
    }
}

pub struct Pkcs11KeyStore {
    token: Arc<Token>,
}

fn ck(context: &str) -> impl Fn(CkError) -> KeyError + '_ {
    move |e| KeyError::Sign(format!("{context}: {e}"))
}

impl Pkcs11KeyStore {
    /// Finds the token by label and logs in. A missing module or token, or a wrong PIN, stops
    /// here with a message that names the setting to fix.
    pub fn open(module: &Path, token_label: &str, pin: &str) -> Result<Self, KeyError> {
        let ctx = context(module)?;
        let not_found =
            |reason: String| KeyError::Token(format!("ROOTLINE_PKCS11_TOKEN_LABEL: {reason}"));
        let mut found = None;
        let mut labels = Vec::new();
        for slot in ctx
            .get_slots_with_token()
            .map_err(|e| not_found(format!("cannot list tokens: {e}")))?
        {
            if let Ok(info) = ctx.get_token_info(slot) {
                let label = info.label().trim().to_owned();
                if label == token_label {
                    found = Some(slot);
                }
                labels.push(label);
            }
        }
        let slot = found.ok_or_else(|| {
            not_found(format!(
                "no token labelled {token_label:?} in {} (tokens: {})",
                module.display(),
                if labels.is_empty() {
                    "none".into()
                } else {
                    labels.join(", ")
                }
            ))
        })?;
        let token = Token {
            ctx,
            slot,
            pin: AuthPin::new(pin.to_owned().into()),
            label: token_label.to_owned(),
            idle: Mutex::new(Vec::new()),
        };
        let session = token.open_session().map_err(|e| match e {
            CkError::Pkcs11(RvError::PinIncorrect, _) => KeyError::Token(format!(
                "ROOTLINE_PKCS11_PIN: wrong PIN for token {token_label:?}"
            )),
            CkError::Pkcs11(RvError::PinLocked, _) => KeyError::Token(format!(
                "ROOTLINE_PKCS11_PIN: the PIN of token {token_label:?} is locked"
            )),
            other => KeyError::Token(format!("cannot log in to token {token_label:?}: {other}")),
        })?;
        token.give_back(session);
        Ok(Self {
            token: Arc::new(token),
        })
    }

    fn find_private_key(&self, id: &[u8]) -> Result<Option<ObjectHandle>, KeyError> {
        let template = [
            Attribute::Class(ObjectClass::PRIVATE_KEY),
            Attribute::Id(id.to_vec()),
        ];
        self.token
            .with_session(|s| s.find_objects(&template))
            .map(|found| found.into_iter().next())
            .map_err(ck("find key"))
    }

    /// Whether the private key with this CKA_ID is sensitive and not extractable (for tests
    /// and operators' checks).
    pub fn key_is_locked_in(&self, record: &KeyRecord) -> Result<bool, KeyError> {
        let key = self
            .find_private_key(&record.handle)?
            .ok_or_else(|| KeyError::Sign("no such key in the token".into()))?;
        let attrs = self
            .token
            .with_session(|s| {
                s.get_attributes(key, &[AttributeType::Sensitive, AttributeType::Extractable])
            })
            .map_err(ck("read attributes"))?;
        let sensitive = attrs
            .iter()
            .any(|a| matches!(a, Attribute::Sensitive(true)));
        let extractable = attrs
            .iter()
            .any(|a| matches!(a, Attribute::Extractable(true)));
        Ok(sensitive && !extractable)
    }
}

/// The SEC1 point inside CKA_EC_POINT, which is a DER OCTET STRING around it.
fn unwrap_octet_string(der: &[u8]) -> Option<Vec<u8>> {
    let (tag, rest) = der.split_first()?;
    if *tag != 0x04 {
        return None;
    }
    let (len_byte, rest) = rest.split_first()?;
    let (len, body) = if *len_byte < 0x80 {
        (usize::from(*len_byte), rest)
    } else {
        let n = usize::from(len_byte & 0x7f);
        let (len_bytes, body) = (rest.get(..n)?, rest.get(n..)?);
        (
            len_bytes
                .iter()
                .fold(0usize, |acc, b| (acc << 8) | usize::from(*b)),
            body,
        )
    };
    body.get(..len).map(<[u8]>::to_vec)
}

/// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
fn rsa_public_key(modulus: &[u8], exponent: &[u8]) -> Vec<u8> {
    yasna::construct_der(|w| {
        w.write_sequence(|w| {
            w.next().write_bigint_bytes(modulus, true);
            w.next().write_bigint_bytes(exponent, true);
        });
    })
}

/// ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }, from PKCS#11's r || s.
fn ecdsa_der(raw: &[u8]) -> Result<Vec<u8>, KeyError> {
    if !raw.len().is_multiple_of(2) || raw.is_empty() {
        return Err(KeyError::Sign(
            "the token returned a malformed ECDSA signature".into(),
        ));
    }
    let (r, s) = raw.split_at(raw.len() / 2);
    Ok(yasna::construct_der(|w| {
        w.write_sequence(|w| {
            w.next().write_bigint_bytes(r, true);
            w.next().write_bigint_bytes(s, true);
        });
    }))
}

impl KeyStore for Pkcs11KeyStore {
    fn backend(&self) -> &'static str {
        BACKEND
    }

    fn generate(&self, label: &str, spec: KeySpec) -> Result<KeyRecord, KeyError> {
        let generate_failed = |e: CkError| KeyError::Generate {
            spec,
            reason: format!("token {}: {e}", self.token.label),
        };
        let mut id = vec![0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut id);
        let common = |private: bool| {
            let mut a = vec![
                Attribute::Token(true),
                Attribute::Label(label.as_bytes().to_vec()),
                Attribute::Id(id.clone()),
            ];
            if private {
                a.extend([
                    Attribute::Private(true),
                    Attribute::Sensitive(true),
                    Attribute::Extractable(false),
                    Attribute::Sign(true),
                ]);
            } else {
                a.push(Attribute::Verify(true));
            }
            a
        };
        let (mechanism, mut public) = match spec {
            KeySpec::EcP256 => (
                Mechanism::EccKeyPairGen,
                vec![Attribute::EcParams(P256_PARAMS.to_vec())],
            ),
            KeySpec::EcP384 => (
                Mechanism::EccKeyPairGen,
                vec![Attribute::EcParams(P384_PARAMS.to_vec())],
            ),
            KeySpec::Rsa3072 | KeySpec::Rsa4096 => {
                let bits: u64 = if spec == KeySpec::Rsa3072 { 3072 } else { 4096 };
                (
                    Mechanism::RsaPkcsKeyPairGen,
                    vec![
                        Attribute::ModulusBits(bits.into()),
                        Attribute::PublicExponent(vec![0x01, 0x00, 0x01]),
                    ],
                )
            }
        };
        public.extend(common(false));
        let private = common(true);
        let (public_handle, _) = self
            .token
            .with_session(|s| s.generate_key_pair(&mechanism, &public, &private))
            .map_err(generate_failed)?;
        let public_key = match spec {
            KeySpec::EcP256 | KeySpec::EcP384 => {
                let attrs = self
                    .token
                    .with_session(|s| s.get_attributes(public_handle, &[AttributeType::EcPoint]))
                    .map_err(generate_failed)?;
                attrs
                    .into_iter()
                    .find_map(|a| match a {
                        Attribute::EcPoint(p) => unwrap_octet_string(&p),
                        _ => None,
                    })
                    .ok_or_else(|| KeyError::Generate {
                        spec,
                        reason: "the token returned no EC point".into(),
                    })?
            }
            KeySpec::Rsa3072 | KeySpec::Rsa4096 => {
                let attrs = self
                    .token
                    .with_session(|s| {
                        s.get_attributes(
                            public_handle,
                            &[AttributeType::Modulus, AttributeType::PublicExponent],
                        )
                    })
                    .map_err(generate_failed)?;
                let modulus = attrs.iter().find_map(|a| match a {
                    Attribute::Modulus(m) => Some(m.clone()),
                    _ => None,
                });
                let exponent = attrs.iter().find_map(|a| match a {
                    Attribute::PublicExponent(e) => Some(e.clone()),
                    _ => None,
                });
                match (modulus, exponent) {
                    (Some(m), Some(e)) => rsa_public_key(&m, &e),
                    _ => {
                        return Err(KeyError::Generate {
                            spec,
                            reason: "the token returned no RSA public key".into(),
                        });
                    }
                }
            }
        };
        Ok(KeyRecord {
            backend: BACKEND.to_owned(),
            spec,
            public_key,
            handle: id,
        })
    }

    fn signer(&self, label: &str, record: &KeyRecord) -> Result<Arc<dyn CaSigner>, KeyError> {
        if record.backend != BACKEND {
            return Err(KeyError::WrongBackend {
                label: label.to_owned(),
                backend: record.backend.clone(),
            });
        }
        let key = self
            .find_private_key(&record.handle)?
            .ok_or_else(|| KeyError::Open {
                label: label.to_owned(),
                reason: format!("token {} holds no key with this id", self.token.label),
            })?;
        Ok(Arc::new(Pkcs11Signer {
            token: self.token.clone(),
            id: record.handle.clone(),
            key: Mutex::new(key),
            spec: record.spec,
            public_key: record.public_key.clone(),
        }))
    }
}

struct Pkcs11Signer {
    token: Arc<Token>,
    /// CKA_ID, to find the key again when the token has forgotten our handle.
    id: Vec<u8>,
    key: Mutex<ObjectHandle>,
    spec: KeySpec,
    public_key: Vec<u8>,
}

impl Pkcs11Signer {
    /// Signs with the cached handle; if the token no longer knows it (logged out, restarted),
    /// logs in again, finds the key by its id, and tries once more.
    fn sign_raw(&self, mechanism: &Mechanism, data: &[u8]) -> Result<Vec<u8>, CkError> {
        let key = self.key.lock().map(|k| *k).map_err(|_| {
            CkError::Pkcs11(RvError::GeneralError, cryptoki::context::Function::Sign)
        })?;
        match self.token.with_session(|s| s.sign(mechanism, key, data)) {
            Err(CkError::Pkcs11(
                RvError::ObjectHandleInvalid | RvError::KeyHandleInvalid | RvError::UserNotLoggedIn,
                _,
            )) => {
                let session = self.token.open_session()?;
                let template = [
                    Attribute::Class(ObjectClass::PRIVATE_KEY),
                    Attribute::Id(self.id.clone()),
                ];
                let found =
                    session
                        .find_objects(&template)?
                        .into_iter()
                        .next()
                        .ok_or(CkError::Pkcs11(
                            RvError::KeyHandleInvalid,
                            cryptoki::context::Function::FindObjects,
                        ))?;
                if let Ok(mut k) = self.key.lock() {
                    *k = found;
                }
                let signature = session.sign(mechanism, found, data);
                self.token.give_back(session);
                signature
            }
            other => other,
        }
    }
}

impl CaSigner for Pkcs11Signer {
    fn spec(&self) -> KeySpec {
        self.spec
    }

    fn public_key(&self) -> &[u8] {
        &self.public_key
    }

    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, KeyError> {
        match self.spec {
            // SoftHSM 2.6 has no CKM_ECDSA_SHA256: hash here, sign the digest in the token.
            KeySpec::EcP256 | KeySpec::EcP384 => {
                let digest = if self.spec == KeySpec::EcP256 {
                    Sha256::digest(message).to_vec()
                } else {
                    Sha384::digest(message).to_vec()
                };
                let raw = self
                    .sign_raw(&Mechanism::Ecdsa, &digest)
                    .map_err(ck("ECDSA"))?;
                ecdsa_der(&raw)
            }
            KeySpec::Rsa3072 | KeySpec::Rsa4096 => self
                .sign_raw(&Mechanism::Sha256RsaPkcs, message)
                .map_err(ck("RSA")),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::process::Command;

    use ring::signature::{
        ECDSA_P256_SHA256_ASN1, ECDSA_P384_SHA384_ASN1, RSA_PKCS1_2048_8192_SHA256,
        UnparsedPublicKey,
    };

    use super::*;

    pub const MODULE: &str = "/usr/lib/softhsm/libsofthsm2.so";
    pub const PIN: &str = "123456";

    pub const TEST_TOKEN: &str = "rootline-test";

    /// Logging out affects every session of the process, so the test that does it runs alone.
    pub static LOGIN_STATE: Mutex<()> = Mutex::new(());

    /// The SoftHSM2 token the tests share. SoftHSM2 reads its tokens once, when the library is
    /// initialised, so the token must exist before any test opens the module; it is created
    /// once (in `SOFTHSM2_CONF`'s folder, a temporary one under `make test`) and reused.
    pub fn test_store() -> Pkcs11KeyStore {
        static READY: OnceLock<()> = OnceLock::new();
        READY.get_or_init(|| {
            assert!(
                Path::new(MODULE).exists(),
                "SoftHSM2 is needed (apt-get install softhsm2; `make test` does it)"
            );
            let slots = Command::new("softhsm2-util")
                .arg("--show-slots")
                .output()
                .expect("softhsm2-util runs");
            let listed = String::from_utf8_lossy(&slots.stdout);
            if !listed
                .lines()
                .any(|l| l.trim() == format!("Label:            {TEST_TOKEN}"))
            {
                let out = Command::new("softhsm2-util")
                    .args([
                        "--init-token",
                        "--free",
                        "--label",
                        TEST_TOKEN,
                        "--pin",
                        PIN,
                        "--so-pin",
                        "654321",
                    ])
                    .output()
                    .expect("softhsm2-util runs");
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        });
        Pkcs11KeyStore::open(Path::new(MODULE), TEST_TOKEN, PIN).unwrap()
    }

    fn verifies(record: &KeyRecord, message: &[u8], signature: &[u8]) -> bool {
        let alg: &dyn ring::signature::VerificationAlgorithm = match record.spec {
            KeySpec::EcP256 => &ECDSA_P256_SHA256_ASN1,
            KeySpec::EcP384 => &ECDSA_P384_SHA384_ASN1,
            KeySpec::Rsa3072 | KeySpec::Rsa4096 => &RSA_PKCS1_2048_8192_SHA256,
        };
        UnparsedPublicKey::new(alg, &record.public_key)
            .verify(message, signature)
            .is_ok()
    }

    #[test]
    fn keys_made_in_the_token_never_leave_it_and_sign_verifiably() {
        let _alone = LOGIN_STATE.lock();
        let store = test_store();
        for spec in [KeySpec::EcP256, KeySpec::EcP384, KeySpec::Rsa3072] {
            let record = store.generate(&format!("ca-{spec}"), spec).unwrap();
            assert_eq!(record.backend, BACKEND);
            assert!(store.key_is_locked_in(&record).unwrap(), "{spec}");
            let signer = store.signer("ca", &record).unwrap();
            let signature = signer.sign(b"to be signed").unwrap();
            assert!(verifies(&record, b"to be signed", &signature), "{spec}");
            assert!(!verifies(&record, b"something else", &signature), "{spec}");
        }
    }

    #[test]
    fn signing_runs_in_parallel_and_survives_a_lost_login() {
        let _alone = LOGIN_STATE.lock();
        let store = test_store();
        let record = store.generate("ca-par", KeySpec::EcP256).unwrap();
        let signer = store.signer("ca-par", &record).unwrap();
        std::thread::scope(|scope| {
            for t in 0..4 {
                let signer = signer.clone();
                let record = &record;
                scope.spawn(move || {
                    for i in 0..25 {
                        let msg = format!("{t}-{i}");
                        let sig = signer.sign(msg.as_bytes()).unwrap();
                        assert!(verifies(record, msg.as_bytes(), &sig));
                    }
                });
            }
        });
        // Logging out ends the login of every session, as a token restart would.
        let session = store.token.open_session().unwrap();
        session.logout().unwrap();
        drop(session);
        let sig = signer.sign(b"after").unwrap();
        assert!(verifies(&record, b"after", &sig));
    }

    #[test]
    fn a_missing_token_or_module_is_named_clearly() {
        // (A wrong PIN is tested in a process of its own, tests/hsm_startup.rs: here another
        // test has usually logged the process in already.)
        drop(test_store());
        let err = Pkcs11KeyStore::open(Path::new(MODULE), "no-such-token", PIN)
            .err()
            .unwrap();
        assert!(
            err.to_string()
                .contains("no token labelled \"no-such-token\""),
            "{err}"
        );
        let err = Pkcs11KeyStore::open(Path::new("/nonexistent/libpkcs11.so"), TEST_TOKEN, PIN)
            .err()
            .unwrap();
        assert!(err.to_string().contains("cannot load"), "{err}");
    }

    #[test]
    fn a_software_key_is_refused_by_the_hsm_store() {
        let soft = crate::adapters::softkeys::SoftKeyStore::from_secret(
            b"a master secret of at least thirty-two characters",
        )
        .unwrap();
        let record = soft.generate("ca", KeySpec::EcP256).unwrap();
        assert!(matches!(
            test_store().signer("ca", &record),
            Err(KeyError::WrongBackend { .. })
        ));
    }
}
