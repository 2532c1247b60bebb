//! The server process with its CA keys in SoftHSM2: start-up refuses a missing token and a
//! wrong PIN with a clear message, and `ca init` puts every CA key in the token.

// A test file: a failed step should stop the test with its message.
#![allow(clippy::expect_used)]

use std::process::Command;

const MODULE: &str = "/usr/lib/softhsm/libsofthsm2.so";

fn server(data: &std::path::Path, token: &str, pin: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_server"))
        .args(args)
        .env("ROOTLINE_DATA_DIR", data)
        .env("ROOTLINE_PKCS11_MODULE", MODULE)
        .env("ROOTLINE_PKCS11_TOKEN_LABEL", token)
        .env("ROOTLINE_PKCS11_PIN", pin)
        .env("RUST_LOG", "warn")
        .output()
        .expect("the server binary runs");
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn the_server_keeps_ca_keys_in_the_token_and_refuses_a_bad_token_or_pin() {
    let label = format!("rl-startup-{}", std::process::id());
    let init = Command::new("softhsm2-util")
        .args([
            "--init-token",
            "--free",
            "--label",
            &label,
            "--pin",
            "123456",
            "--so-pin",
            "654321",
        ])
        .output()
        .expect("softhsm2-util runs (apt-get install softhsm2; `make test` does it)");
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let data = std::env::temp_dir().join(format!("rootline-hsm-{}", std::process::id()));

    let (ok, out) = server(&data, &label, "000000", &["ca", "list"]);
    assert!(
        !ok && out.contains("ROOTLINE_PKCS11_PIN: wrong PIN"),
        "{out}"
    );
    let (ok, out) = server(&data, "no-such-token", "123456", &["ca", "list"]);
    assert!(
        !ok && out.contains("no token labelled \"no-such-token\""),
        "{out}"
    );

    let (ok, out) = server(&data, &label, "123456", &["ca", "init"]);
    assert!(ok, "{out}");
    let (ok, out) = server(&data, &label, "123456", &["ca", "list"]);
    assert!(ok, "{out}");
    assert_eq!(out.matches("(pkcs11)").count(), 6, "{out}");

    let _ = Command::new("softhsm2-util")
        .args(["--delete-token", "--token", &label])
        .output();
    let _ = std::fs::remove_dir_all(&data);
}
