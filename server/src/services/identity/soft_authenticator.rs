//! A software WebAuthn authenticator for tests: it answers the portal's challenges the way a
//! browser and a platform authenticator do ("none" attestation, ES256, user verified), and
//! can be told to claim another origin.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use ring::{
    rand::SystemRandom,
    signature::{ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, KeyPair},
};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

pub struct SoftAuthenticator {
    key: EcdsaKeyPair,
    pub credential_id: Vec<u8>,
    /// The user handle the portal asked to store (what makes the passkey discoverable).
    pub user_handle: Vec<u8>,
    counter: u32,
    pub origin: String,
}

fn head(major: u8, n: usize, out: &mut Vec<u8>) {
    let m = major << 5;
    match n {
        0..=23 => out.push(m | n as u8),
        24..=255 => out.extend([m | 24, n as u8]),
        _ => {
            out.push(m | 25);
            out.extend((n as u16).to_be_bytes());
        }
    }
}

fn int(v: i64, out: &mut Vec<u8>) {
    if v >= 0 {
        head(0, v as usize, out);
    } else {
        head(1, (-1 - v) as usize, out);
    }
}

fn bytes(b: &[u8], out: &mut Vec<u8>) {
    head(2, b.len(), out);
    out.extend(b);
}

fn text(t: &str, out: &mut Vec<u8>) {
    head(3, t.len(), out);
    out.extend(t.as_bytes());
}

fn b64(b: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(b)
}

fn challenge(options: &str) -> (Value, String) {
    let v: Value = serde_json::from_str(options).unwrap();
    let c = v["publicKey"]["challenge"].as_str().unwrap().to_owned();
    (v, c)
}

impl SoftAuthenticator {
    pub fn new(origin: &str) -> Self {
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, &rng).unwrap();
        let key = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, pkcs8.as_ref(), &rng)
            .unwrap();
        let mut credential_id = vec![0u8; 16];
        ring::rand::SecureRandom::fill(&rng, &mut credential_id).unwrap();
        Self {
            key,
            credential_id,
            user_handle: Vec::new(),
            counter: 0,
            origin: origin.to_owned(),
        }
    }

    fn client_data(&self, kind: &str, challenge: &str) -> Vec<u8> {
        serde_json::to_vec(&json!({
            "type": kind, "challenge": challenge, "origin": self.origin, "crossOrigin": false
        }))
        .unwrap()
    }

    fn rp_hash(&self) -> Vec<u8> {
        let host = url::Url::parse(&self.origin)
            .unwrap()
            .host_str()
            .unwrap()
            .to_owned();
        Sha256::digest(host.as_bytes()).to_vec()
    }

    /// The browser's answer to `navigator.credentials.create()` with these options, as JSON.
    pub fn register(&mut self, options: &str) -> String {
        let (v, challenge) = challenge(options);
        self.user_handle = URL_SAFE_NO_PAD
            .decode(v["publicKey"]["user"]["id"].as_str().unwrap())
            .unwrap();
        let public = self.key.public_key().as_ref();
        let mut cose = Vec::new();
        head(5, 5, &mut cose);
        int(1, &mut cose);
        int(2, &mut cose); // kty: EC2
        int(3, &mut cose);
        int(-7, &mut cose); // alg: ES256
        int(-1, &mut cose);
        int(1, &mut cose); // crv: P-256
        int(-2, &mut cose);
        bytes(&public[1..33], &mut cose);
        int(-3, &mut cose);
        bytes(&public[33..65], &mut cose);
        let mut auth_data = self.rp_hash();
        auth_data.push(0x45); // user present, user verified, attested credential data
        auth_data.extend(self.counter.to_be_bytes());
        auth_data.extend([0u8; 16]);
        auth_data.extend((self.credential_id.len() as u16).to_be_bytes());
        auth_data.extend(&self.credential_id);
        auth_data.extend(cose);
        let mut attestation = Vec::new();
        head(5, 3, &mut attestation);
        text("fmt", &mut attestation);
        text("none", &mut attestation);
        text("attStmt", &mut attestation);
        head(5, 0, &mut attestation);
        text("authData", &mut attestation);
        bytes(&auth_data, &mut attestation);
        json!({
            "id": b64(&self.credential_id),
            "rawId": b64(&self.credential_id),
            "type": "public-key",
            "response": {
                "attestationObject": b64(&attestation),
                "clientDataJSON": b64(&self.client_data("webauthn.create", &challenge)),
            },
            "clientExtensionResults": {},
        })
        .to_string()
    }

    /// The browser's answer to `navigator.credentials.get()` with these options, as JSON.
    pub fn assert(&mut self, options: &str) -> String {
        let (_, challenge) = challenge(options);
        self.counter += 1;
        let mut auth_data = self.rp_hash();
        auth_data.push(0x05); // user present, user verified
        auth_data.extend(self.counter.to_be_bytes());
        let client_data = self.client_data("webauthn.get", &challenge);
        let mut signed = auth_data.clone();
        signed.extend(Sha256::digest(&client_data));
        let signature = self.key.sign(&SystemRandom::new(), &signed).unwrap();
        json!({
            "id": b64(&self.credential_id),
            "rawId": b64(&self.credential_id),
            "type": "public-key",
            "response": {
                "authenticatorData": b64(&auth_data),
                "clientDataJSON": b64(&client_data),
                "signature": b64(signature.as_ref()),
                "userHandle": b64(&self.user_handle),
            },
            "clientExtensionResults": {},
        })
        .to_string()
    }
}
