//! Everything the module writes is checked by OpenSSL 3, and everything it reads is made by
//! OpenSSL 3.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::{
    path::PathBuf,
    process::{Command, Output, Stdio},
    sync::atomic::{AtomicUsize, Ordering},
};

use super::*;

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A scratch file that is removed when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        Self(std::env::temp_dir().join(format!("rootline-pki-{}-{n}-{name}", std::process::id())))
    }

    fn with(name: &str, contents: impl AsRef<[u8]>) -> Self {
        let file = Self::new(name);
        std::fs::write(&file.0, contents).unwrap();
        file
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }

    fn read(&self) -> Vec<u8> {
        std::fs::read(&self.0).unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn openssl(args: &[&str]) -> Output {
    Command::new("openssl")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("openssl is installed")
}

/// Runs openssl and returns stdout + stderr, failing the test when openssl fails.
fn openssl_ok(args: &[&str]) -> String {
    let output = openssl(args);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "openssl {args:?} failed:\n{text}");
    text
}

fn request(cn: &str, dns: &[&str]) -> CsrRequest {
    CsrRequest {
        common_name: Some(cn.to_owned()),
        dns_names: dns.iter().map(|name| (*name).to_owned()).collect(),
    }
}

fn public_key_of_key(key_pem: &str) -> String {
    let key = Scratch::with("key.pem", key_pem);
    openssl_ok(&["pkey", "-in", key.path(), "-pubout"])
}

fn public_key_of_csr(csr_pem: &str) -> String {
    let csr = Scratch::with("req.pem", csr_pem);
    openssl_ok(&["req", "-in", csr.path(), "-pubkey", "-noout"])
}

/// A throwaway CA, and a certificate it signs for `csr_pem` (extensions copied).
fn issue(csr_pem: &str) -> (String, String) {
    let ca_key = Scratch::new("ca.key");
    let ca = Scratch::new("ca.pem");
    openssl_ok(&[
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        ca_key.path(),
        "-out",
        ca.path(),
        "-subj",
        "/CN=Rootline Test CA",
        "-days",
        "2",
    ]);
    let csr = Scratch::with("leaf.csr", csr_pem);
    let leaf = Scratch::new("leaf.pem");
    openssl_ok(&[
        "x509",
        "-req",
        "-in",
        csr.path(),
        "-CA",
        ca.path(),
        "-CAkey",
        ca_key.path(),
        "-CAcreateserial",
        "-out",
        leaf.path(),
        "-days",
        "2",
        "-copy_extensions",
        "copy",
    ]);
    let _ = std::fs::remove_file(format!("{}.srl", ca.path().trim_end_matches(".pem")));
    (
        String::from_utf8(leaf.read()).unwrap(),
        String::from_utf8(ca.read()).unwrap(),
    )
}

// ---------------------------------------------------------------------------------------------
// generate

#[test]
fn every_algorithm_makes_a_csr_openssl_verifies_with_the_right_key_and_names() {
    for algorithm in KeyAlgorithm::ALL {
        let made = generate(
            algorithm,
            &request(
                "www.example.com",
                &["www.example.com", "example.com", "*.example.com"],
            ),
        )
        .unwrap();
        assert_eq!(made.algorithm, algorithm);
        assert!(
            made.private_key_pem
                .starts_with("-----BEGIN PRIVATE KEY-----\n")
        );
        assert!(
            made.csr_pem
                .starts_with("-----BEGIN CERTIFICATE REQUEST-----\n")
        );

        let csr = Scratch::with("csr.pem", &made.csr_pem);
        let verified = openssl_ok(&["req", "-in", csr.path(), "-verify", "-noout"]);
        assert!(verified.contains("verify OK"), "{algorithm}: {verified}");

        let text = openssl_ok(&["req", "-in", csr.path(), "-noout", "-text"]);
        let expected_key = match algorithm {
            KeyAlgorithm::P256 => "NIST CURVE: P-256",
            KeyAlgorithm::P384 => "NIST CURVE: P-384",
            KeyAlgorithm::Rsa2048 => "Public-Key: (2048 bit)",
            KeyAlgorithm::Rsa3072 => "Public-Key: (3072 bit)",
        };
        assert!(text.contains(expected_key), "{algorithm}: {text}");
        let expected_signature = match algorithm {
            KeyAlgorithm::P256 => "ecdsa-with-SHA256",
            KeyAlgorithm::P384 => "ecdsa-with-SHA384",
            KeyAlgorithm::Rsa2048 | KeyAlgorithm::Rsa3072 => "sha256WithRSAEncryption",
        };
        assert!(text.contains(expected_signature), "{algorithm}: {text}");
        assert!(text.contains("Subject: CN = www.example.com"), "{text}");
        assert!(
            text.contains("DNS:www.example.com, DNS:example.com, DNS:*.example.com"),
            "{text}"
        );

        // The private key is PKCS#8 OpenSSL reads, and it is the CSR's key.
        let key = Scratch::with("key.pem", &made.private_key_pem);
        let key_text = openssl_ok(&["pkey", "-in", key.path(), "-noout", "-text"]);
        let expected_private = match algorithm {
            KeyAlgorithm::P256 => "NIST CURVE: P-256",
            KeyAlgorithm::P384 => "NIST CURVE: P-384",
            KeyAlgorithm::Rsa2048 => "Private-Key: (2048 bit",
            KeyAlgorithm::Rsa3072 => "Private-Key: (3072 bit",
        };
        assert!(
            key_text.contains(expected_private),
            "{algorithm}: {key_text}"
        );
        assert_eq!(
            public_key_of_key(&made.private_key_pem),
            public_key_of_csr(&made.csr_pem)
        );
    }
}

#[test]
fn two_keys_are_never_the_same() {
    let first = generate(KeyAlgorithm::P256, &request("a.example.com", &[])).unwrap();
    let second = generate(KeyAlgorithm::P256, &request("a.example.com", &[])).unwrap();
    assert_ne!(first.private_key_pem, second.private_key_pem);
}

#[test]
fn a_csr_with_only_domain_names_has_an_empty_subject_and_a_critical_san() {
    let made = generate(
        KeyAlgorithm::P256,
        &CsrRequest {
            common_name: Some("   ".into()),
            dns_names: vec!["shop.example.com".into()],
        },
    )
    .unwrap();
    let csr = Scratch::with("csr.pem", &made.csr_pem);
    openssl_ok(&["req", "-in", csr.path(), "-verify", "-noout"]);
    let text = openssl_ok(&["req", "-in", csr.path(), "-noout", "-text"]);
    assert!(
        text.contains("X509v3 Subject Alternative Name: critical"),
        "{text}"
    );
    assert!(!text.contains("CN ="), "{text}");
}

#[test]
fn a_csr_with_only_a_common_name_has_no_extension_request() {
    let made = generate(KeyAlgorithm::P256, &request("Internal Service", &[])).unwrap();
    let csr = Scratch::with("csr.pem", &made.csr_pem);
    openssl_ok(&["req", "-in", csr.path(), "-verify", "-noout"]);
    let text = openssl_ok(&["req", "-in", csr.path(), "-noout", "-text"]);
    assert!(text.contains("Subject: CN = Internal Service"), "{text}");
    // OpenSSL prints the "Requested Extensions" heading even when there are none.
    assert!(text.contains("Attributes:\n            (none)"), "{text}");
}

#[test]
fn domain_names_are_trimmed_lowercased_and_deduplicated() {
    let made = generate(
        KeyAlgorithm::P256,
        &request(
            "www.example.com",
            &[
                " WWW.Example.com ",
                "www.example.com.",
                "",
                "api.example.com",
            ],
        ),
    )
    .unwrap();
    let summary = inspect_csr(made.csr_pem.as_bytes()).unwrap();
    assert_eq!(summary.dns_names, ["www.example.com", "api.example.com"]);
}

#[test]
fn a_request_without_any_name_is_refused() {
    let empty = CsrRequest {
        common_name: None,
        dns_names: vec![" ".into()],
    };
    assert_eq!(
        generate(KeyAlgorithm::P256, &empty),
        Err(PkiError::MissingName)
    );
}

#[test]
fn bad_names_are_refused_with_the_name() {
    for bad in [
        "exa mple.com",
        "-bad.example.com",
        "localhost",
        "a.*.example.com",
        "ex_ample.com",
    ] {
        assert_eq!(
            generate(KeyAlgorithm::P256, &request("x.example.com", &[bad])),
            Err(PkiError::InvalidDnsName(bad.to_owned())),
            "{bad}"
        );
    }
    assert_eq!(
        generate(KeyAlgorithm::P256, &request(&"a".repeat(65), &[])),
        Err(PkiError::CommonNameTooLong)
    );
    assert_eq!(
        generate(KeyAlgorithm::P256, &request("new\nline", &[])),
        Err(PkiError::InvalidCommonName)
    );
    // 64 characters is still fine.
    assert!(generate(KeyAlgorithm::P256, &request(&"a".repeat(64), &[])).is_ok());
}

#[test]
fn a_debug_print_does_not_show_the_private_key() {
    let made = generate(KeyAlgorithm::P256, &request("a.example.com", &[])).unwrap();
    let printed = format!("{made:?}");
    assert!(!printed.contains("PRIVATE KEY"), "{printed}");
}

#[test]
fn algorithms_parse_from_tokens_and_labels() {
    for algorithm in KeyAlgorithm::ALL {
        assert_eq!(KeyAlgorithm::parse(algorithm.as_str()), Some(algorithm));
        assert_eq!(KeyAlgorithm::parse(algorithm.label()), Some(algorithm));
    }
    assert_eq!(KeyAlgorithm::parse("P-256"), Some(KeyAlgorithm::P256));
    assert_eq!(KeyAlgorithm::parse("rsa-3072"), Some(KeyAlgorithm::Rsa3072));
    assert_eq!(KeyAlgorithm::parse("prime256v1"), Some(KeyAlgorithm::P256));
    assert_eq!(KeyAlgorithm::parse("RSA 1024"), None);
    assert_eq!(KeyAlgorithm::parse(""), None);
    assert_eq!(KeyAlgorithm::default(), KeyAlgorithm::P256);
}

// ---------------------------------------------------------------------------------------------
// PKCS#12

const PASSWORD: &str = "correct horse battery";

#[test]
fn openssl_opens_a_pkcs12_of_the_key_and_finds_the_same_key() {
    for algorithm in [KeyAlgorithm::P256, KeyAlgorithm::Rsa2048] {
        let made = generate(algorithm, &request("www.example.com", &["www.example.com"])).unwrap();
        let p12 = pkcs12(&made.private_key_pem, None, PASSWORD, "www.example.com").unwrap();
        let file = Scratch::with("key.p12", &p12);
        let pass = format!("pass:{PASSWORD}");

        let info = openssl_ok(&[
            "pkcs12",
            "-in",
            file.path(),
            "-info",
            "-nodes",
            "-passin",
            &pass,
        ]);
        assert!(info.contains("MAC: sha256, Iteration 600000"), "{info}");
        assert!(
            info.contains(
                "Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256"
            ),
            "{info}"
        );
        assert!(info.contains("friendlyName: www.example.com"), "{info}");
        assert!(info.contains("-----BEGIN PRIVATE KEY-----"), "{info}");

        let out = Scratch::new("out.pem");
        openssl_ok(&[
            "pkcs12",
            "-in",
            file.path(),
            "-nocerts",
            "-nodes",
            "-passin",
            &pass,
            "-out",
            out.path(),
        ]);
        let extracted = String::from_utf8(out.read()).unwrap();
        assert_eq!(
            public_key_of_key(&extracted),
            public_key_of_key(&made.private_key_pem)
        );
    }
}

#[test]
fn openssl_refuses_a_pkcs12_with_the_wrong_password() {
    let made = generate(KeyAlgorithm::P256, &request("www.example.com", &[])).unwrap();
    let p12 = pkcs12(&made.private_key_pem, None, PASSWORD, "key").unwrap();
    let file = Scratch::with("key.p12", &p12);
    let output = openssl(&[
        "pkcs12",
        "-in",
        file.path(),
        "-info",
        "-nodes",
        "-passin",
        "pass:correct horse battery!",
    ]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("Mac verify error"));
}

#[test]
fn a_pkcs12_with_a_non_ascii_password_opens_in_openssl() {
    let made = generate(KeyAlgorithm::P256, &request("www.example.com", &[])).unwrap();
    let password = "pässwört-ключ";
    let p12 = pkcs12(&made.private_key_pem, None, password, "key").unwrap();
    let file = Scratch::with("key.p12", &p12);
    let info = openssl_ok(&[
        "pkcs12",
        "-in",
        file.path(),
        "-info",
        "-nodes",
        "-passin",
        &format!("pass:{password}"),
    ]);
    assert!(info.contains("-----BEGIN PRIVATE KEY-----"), "{info}");
}

#[test]
fn a_pkcs12_with_the_certificate_and_chain_holds_them_with_the_key() {
    let made = generate(
        KeyAlgorithm::P256,
        &request("www.example.com", &["www.example.com"]),
    )
    .unwrap();
    let (leaf, ca) = issue(&made.csr_pem);
    // The chain first: the leaf is found by its key, not by its place.
    let bundle = format!("{ca}{leaf}");
    let p12 = pkcs12(
        &made.private_key_pem,
        Some(&bundle),
        PASSWORD,
        "My web server",
    )
    .unwrap();
    let file = Scratch::with("bundle.p12", &p12);
    let pass = format!("pass:{PASSWORD}");

    let info = openssl_ok(&[
        "pkcs12",
        "-in",
        file.path(),
        "-info",
        "-nodes",
        "-passin",
        &pass,
    ]);
    assert_eq!(
        info.matches("-----BEGIN CERTIFICATE-----").count(),
        2,
        "{info}"
    );
    assert!(info.contains("friendlyName: My web server"), "{info}");

    let client = Scratch::new("client.pem");
    openssl_ok(&[
        "pkcs12",
        "-in",
        file.path(),
        "-clcerts",
        "-nokeys",
        "-passin",
        &pass,
        "-out",
        client.path(),
    ]);
    let client = openssl_ok(&["x509", "-in", client.path(), "-noout", "-subject"]);
    assert!(client.contains("CN = www.example.com"), "{client}");

    let chain = Scratch::new("chain.pem");
    openssl_ok(&[
        "pkcs12",
        "-in",
        file.path(),
        "-cacerts",
        "-nokeys",
        "-passin",
        &pass,
        "-out",
        chain.path(),
    ]);
    let chain = openssl_ok(&["x509", "-in", chain.path(), "-noout", "-subject"]);
    assert!(chain.contains("CN = Rootline Test CA"), "{chain}");

    // OpenSSL pairs the key with the leaf (same local key id) when it re-exports the file.
    let reexported = Scratch::new("re.p12");
    openssl_ok(&[
        "pkcs12",
        "-in",
        file.path(),
        "-passin",
        &pass,
        "-nodes",
        "-out",
        reexported.path(),
    ]);
    let pem = String::from_utf8(reexported.read()).unwrap();
    assert!(pem.contains("localKeyID"), "{pem}");
}

#[test]
fn pkcs12_refuses_a_short_password() {
    let made = generate(KeyAlgorithm::P256, &request("www.example.com", &[])).unwrap();
    assert_eq!(
        pkcs12(&made.private_key_pem, None, "seven77", "key"),
        Err(PkiError::PasswordTooShort(PKCS12_MIN_PASSWORD_CHARS))
    );
    assert_eq!(
        pkcs12(&made.private_key_pem, None, "", "key"),
        Err(PkiError::PasswordTooShort(8))
    );
    // Eight characters, counted as characters rather than bytes.
    assert!(pkcs12(&made.private_key_pem, None, "ääääääää", "key").is_ok());
}

#[test]
fn pkcs12_refuses_a_certificate_of_another_key() {
    let made = generate(KeyAlgorithm::P256, &request("www.example.com", &[])).unwrap();
    let other = generate(KeyAlgorithm::P256, &request("www.example.com", &[])).unwrap();
    let (leaf, _) = issue(&other.csr_pem);
    assert_eq!(
        pkcs12(&made.private_key_pem, Some(&leaf), PASSWORD, "key"),
        Err(PkiError::CertificateMismatch)
    );
}

#[test]
fn pkcs12_refuses_what_is_not_a_key_or_a_certificate() {
    let made = generate(KeyAlgorithm::P256, &request("www.example.com", &[])).unwrap();
    assert_eq!(
        pkcs12(&made.csr_pem, None, PASSWORD, "key"),
        Err(PkiError::InvalidPrivateKey)
    );
    assert_eq!(
        pkcs12("hello", None, PASSWORD, "key"),
        Err(PkiError::InvalidPrivateKey)
    );
    assert_eq!(
        pkcs12(
            &made.private_key_pem,
            Some("not a certificate"),
            PASSWORD,
            "key"
        ),
        Err(PkiError::InvalidCertificate)
    );
}

// ---------------------------------------------------------------------------------------------
// inspect_csr

/// A CSR made by `openssl req -new` with the given key options and SANs, as (PEM, DER).
fn openssl_csr(key_args: &[&str], digest: &str, subject: &str, sans: &str) -> (Vec<u8>, Vec<u8>) {
    let key = Scratch::new("o.key");
    let csr = Scratch::new("o.csr");
    let der = Scratch::new("o.der");
    let mut args = vec!["req", "-new"];
    args.extend_from_slice(key_args);
    let san = format!("subjectAltName={sans}");
    args.extend_from_slice(&[
        "-nodes",
        "-keyout",
        key.path(),
        "-subj",
        subject,
        "-out",
        csr.path(),
    ]);
    if !digest.is_empty() {
        args.push(digest);
    }
    if !sans.is_empty() {
        args.extend_from_slice(&["-addext", &san]);
    }
    openssl_ok(&args);
    openssl_ok(&[
        "req",
        "-in",
        csr.path(),
        "-outform",
        "DER",
        "-out",
        der.path(),
    ]);
    (csr.read(), der.read())
}

#[test]
fn inspect_reads_an_openssl_ecdsa_csr() {
    let (pem, der) = openssl_csr(
        &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"],
        "-sha256",
        "/C=IN/O=Example Ltd/CN=www.example.com",
        "DNS:www.example.com,DNS:mail.example.com,IP:192.0.2.1",
    );
    for input in [&pem, &der] {
        let summary = inspect_csr(input).unwrap();
        assert_eq!(summary.common_name.as_deref(), Some("www.example.com"));
        assert_eq!(summary.dns_names, ["www.example.com", "mail.example.com"]);
        assert_eq!(summary.key, "ECDSA P-256");
        assert_eq!(summary.key_algorithm, Some(KeyAlgorithm::P256));
        assert!(summary.signature_valid);
        assert!(
            summary.subject.contains("CN=www.example.com"),
            "{}",
            summary.subject
        );
        assert!(
            summary.subject.contains("O=Example Ltd"),
            "{}",
            summary.subject
        );
    }
}

#[test]
fn inspect_reads_an_openssl_p384_csr_signed_with_sha384() {
    let (pem, _) = openssl_csr(
        &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384"],
        "-sha384",
        "/CN=p384.example.com",
        "DNS:p384.example.com",
    );
    let summary = inspect_csr(&pem).unwrap();
    assert_eq!(summary.key, "ECDSA P-384");
    assert!(summary.signature_valid);
}

#[test]
fn inspect_reads_an_openssl_rsa_csr() {
    for (bits, digest) in [("2048", "-sha256"), ("4096", "-sha512")] {
        let bits_arg = format!("rsa_keygen_bits:{bits}");
        let (pem, der) = openssl_csr(
            &["-newkey", "rsa", "-pkeyopt", &bits_arg],
            digest,
            "/CN=rsa.example.com",
            "DNS:rsa.example.com",
        );
        for input in [&pem, &der] {
            let summary = inspect_csr(input).unwrap();
            assert_eq!(summary.common_name.as_deref(), Some("rsa.example.com"));
            assert_eq!(summary.dns_names, ["rsa.example.com"]);
            assert_eq!(summary.key, format!("RSA {bits}"));
            assert!(summary.signature_valid, "{bits} {digest}");
        }
    }
    let (pem, _) = openssl_csr(
        &["-newkey", "rsa", "-pkeyopt", "rsa_keygen_bits:2048"],
        "-sha256",
        "/CN=rsa.example.com",
        "",
    );
    let summary = inspect_csr(&pem).unwrap();
    assert_eq!(summary.key_algorithm, Some(KeyAlgorithm::Rsa2048));
    assert!(summary.dns_names.is_empty());
}

#[test]
fn inspect_reads_back_what_generate_made() {
    for algorithm in KeyAlgorithm::ALL {
        let made = generate(
            algorithm,
            &request("www.example.com", &["www.example.com", "example.com"]),
        )
        .unwrap();
        let summary = inspect_csr(made.csr_pem.as_bytes()).unwrap();
        assert_eq!(summary.common_name.as_deref(), Some("www.example.com"));
        assert_eq!(summary.dns_names, ["www.example.com", "example.com"]);
        assert_eq!(summary.key, algorithm.label());
        assert_eq!(summary.key_algorithm, Some(algorithm));
        assert!(summary.signature_valid);
        assert_eq!(summary.clone().verified(), Ok(summary));
    }
}

#[test]
fn a_tampered_csr_does_not_verify() {
    for key_args in [
        &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"][..],
        &["-newkey", "rsa", "-pkeyopt", "rsa_keygen_bits:2048"][..],
    ] {
        let (_, der) = openssl_csr(
            key_args,
            "-sha256",
            "/CN=a.example.com",
            "DNS:a.example.com",
        );

        // A flipped bit at the end of the signature.
        let mut signature_flipped = der.clone();
        *signature_flipped.last_mut().unwrap() ^= 0x01;
        let result = inspect_csr(&signature_flipped);
        assert!(
            matches!(
                result,
                Ok(CsrSummary {
                    signature_valid: false,
                    ..
                })
            ),
            "{result:?}"
        );
        assert_eq!(result.unwrap().verified(), Err(PkiError::SignatureInvalid));

        // A different name than the one that was signed.
        let at = der.windows(13).position(|w| w == b"a.example.com").unwrap();
        let mut renamed = der.clone();
        renamed[at] = b'b';
        let summary = inspect_csr(&renamed).unwrap();
        assert_eq!(summary.common_name.as_deref(), Some("b.example.com"));
        assert!(!summary.signature_valid);
    }
}

#[test]
fn inspect_refuses_what_is_not_a_csr() {
    assert_eq!(inspect_csr(b""), Err(PkiError::InvalidCsr));
    assert_eq!(inspect_csr(b"hello, world"), Err(PkiError::InvalidCsr));
    assert_eq!(
        inspect_csr(&[0x30, 0x03, 0x02, 0x01, 0x00]),
        Err(PkiError::InvalidCsr)
    );
    assert_eq!(
        inspect_csr(b"-----BEGIN CERTIFICATE REQUEST-----\nnot base64!\n-----END CERTIFICATE REQUEST-----\n"),
        Err(PkiError::InvalidCsr)
    );
    // A certificate is not a CSR.
    let made = generate(KeyAlgorithm::P256, &request("www.example.com", &[])).unwrap();
    let (leaf, _) = issue(&made.csr_pem);
    assert_eq!(inspect_csr(leaf.as_bytes()), Err(PkiError::InvalidCsr));
    // Nor is a private key.
    assert_eq!(
        inspect_csr(made.private_key_pem.as_bytes()),
        Err(PkiError::InvalidCsr)
    );
    assert!(
        PkiError::InvalidCsr
            .to_string()
            .contains("not a certificate signing request")
    );
}

#[test]
fn inspect_names_a_key_it_does_not_support() {
    let (pem, _) = openssl_csr(&["-newkey", "ed25519"], "", "/CN=ed.example.com", "");
    assert_eq!(
        inspect_csr(&pem),
        Err(PkiError::UnsupportedKey("Ed25519".into()))
    );
}

// ---------------------------------------------------------------------------------------------
// key_matches_certificate

#[test]
fn a_key_matches_its_own_certificate_only() {
    let made = generate(
        KeyAlgorithm::P256,
        &request("www.example.com", &["www.example.com"]),
    )
    .unwrap();
    let (leaf, ca) = issue(&made.csr_pem);
    assert_eq!(
        key_matches_certificate(&made.private_key_pem, &leaf),
        Ok(true)
    );
    assert_eq!(
        key_matches_certificate(&made.private_key_pem, &ca),
        Ok(false)
    );

    let rsa = generate(KeyAlgorithm::Rsa2048, &request("www.example.com", &[])).unwrap();
    let (rsa_leaf, _) = issue(&rsa.csr_pem);
    assert_eq!(
        key_matches_certificate(&rsa.private_key_pem, &rsa_leaf),
        Ok(true)
    );
    assert_eq!(
        key_matches_certificate(&rsa.private_key_pem, &leaf),
        Ok(false)
    );
    assert_eq!(
        key_matches_certificate(&made.private_key_pem, &rsa_leaf),
        Ok(false)
    );

    let p384 = generate(KeyAlgorithm::P384, &request("www.example.com", &[])).unwrap();
    let (p384_leaf, _) = issue(&p384.csr_pem);
    assert_eq!(
        key_matches_certificate(&p384.private_key_pem, &p384_leaf),
        Ok(true)
    );
    assert_eq!(
        key_matches_certificate(&p384.private_key_pem, &leaf),
        Ok(false)
    );
}

#[test]
fn key_matching_refuses_what_is_not_a_key_or_a_certificate() {
    let made = generate(KeyAlgorithm::P256, &request("www.example.com", &[])).unwrap();
    let (leaf, _) = issue(&made.csr_pem);
    assert_eq!(
        key_matches_certificate(&made.private_key_pem, &made.csr_pem),
        Err(PkiError::InvalidCertificate)
    );
    assert_eq!(
        key_matches_certificate("garbage", &leaf),
        Err(PkiError::InvalidPrivateKey)
    );
}

#[test]
fn saving_a_file_is_refused_outside_the_browser() {
    assert!(save_file("key.pem", b"x", "application/x-pem-file").is_err());
}

#[test]
fn a_key_of_another_kind_is_refused_by_name() {
    let key = Scratch::new("ed.key");
    openssl_ok(&["genpkey", "-algorithm", "ed25519", "-out", key.path()]);
    let pem = String::from_utf8(key.read()).unwrap();
    assert_eq!(
        pkcs12(&pem, None, PASSWORD, "key"),
        Err(PkiError::UnsupportedKey("Ed25519".into()))
    );
    assert_eq!(
        PkiError::UnsupportedKey("Ed25519".into()).to_string(),
        "Ed25519 keys are not supported. Use ECDSA P-256 or P-384, or RSA."
    );
}
