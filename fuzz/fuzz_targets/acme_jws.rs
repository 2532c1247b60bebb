//! ACME request bodies (RFC 8555 section 6.2): the flattened JWS, its protected header, the
//! account key as a JWK with its thumbprint and signature check, every payload the server
//! reads, the External Account Binding inside newAccount, and ARI's certID.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use server::services::acme::{
    AccountUpdate, AuthzUpdate, Jwk, Jws, NewAccountRequest, NewOrderRequest, cert_id_of, jws,
};

fuzz_target!(|data: &[u8]| {
    let _ = cert_id_of(data);
    let Ok(request) = Jws::parse(data) else {
        return;
    };
    if let Some(key) = request
        .protected
        .jwk
        .as_ref()
        .and_then(|j| Jwk::parse(j).ok())
    {
        let _ = key.thumbprint();
        let _ = key.canonical_json();
        let _ = request.verify(&key);
        let _ = jws::key_authorization("token", &key);
    }
    let _ = request.verify_hmac(b"an external account binding key");
    let _ = request.json_payload::<NewOrderRequest>();
    let _ = request.json_payload::<AccountUpdate>();
    let _ = request.json_payload::<AuthzUpdate>();
    if let Ok(account) = request.json_payload::<NewAccountRequest>()
        && let Some(binding) = account.external_account_binding
        && let Ok(inner) = Jws::from_value(&binding)
    {
        let _ = inner.verify_hmac(b"an external account binding key");
        if let Ok(bound) = inner.json_payload::<Value>() {
            let _ = Jwk::parse(&bound);
        }
    }
});
