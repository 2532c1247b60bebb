//! `ROOTLINE_PUBLIC_TRUST`: a server that is to be a publicly trusted CA refuses to start
//! without what the rules need and names each missing thing; the default, a private CA,
//! starts without perspectives (and the MPIC Playwright spec and unit tests cover the rest).

// A test file: a failed step should stop the test with its message.
#![allow(clippy::expect_used)]

use std::process::Command;

#[test]
fn a_publicly_trusted_server_without_perspectives_or_ct_refuses_to_start_and_says_why() {
    let data = std::env::temp_dir().join(format!("rootline-public-trust-{}", std::process::id()));
    let out = Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("serve")
        .env("ROOTLINE_DATA_DIR", &data)
        .env("ROOTLINE_LISTEN", "127.0.0.1:9")
        .env("ROOTLINE_PUBLIC_TRUST", "true")
        .env("RUST_LOG", "warn")
        .output()
        .expect("the server binary runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.status.success(), "{text}");
    assert!(
        text.contains(
            "ROOTLINE_PUBLIC_TRUST is on, but this installation cannot be a publicly trusted CA"
        ),
        "{text}"
    );
    assert!(text.contains("remote perspectives"), "{text}");
    assert!(text.contains("ROOTLINE_PERSPECTIVES"), "{text}");
    assert!(text.contains("Certificate Transparency: 0 logs"), "{text}");
    assert!(text.contains("ROOTLINE_CT_LOGS"), "{text}");
    // Nothing was created: the refusal comes before the database is opened.
    assert!(!data.join("rootline.db").exists());
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn a_bad_public_trust_setting_stops_the_start_with_its_name() {
    let out = Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("serve")
        .env("ROOTLINE_PUBLIC_TRUST", "perhaps")
        .env("RUST_LOG", "warn")
        .output()
        .expect("the server binary runs");
    let text = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success());
    assert!(
        text.contains("ROOTLINE_PUBLIC_TRUST is not valid"),
        "{text}"
    );
}
