//! The server process as an operator runs it: JSON logs, `/healthz` and `/readyz`, `/metrics`
//! over a real loopback connection (read by a Prometheus text-format parser) and refused to a
//! proxied request, and `server backup` of the live database, whose copy then opens.

// A test file: a failed step should stop the test with its message.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::{
    io::{Read, Write},
    net::{TcpListener, TcpStream},
    path::Path,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

/// Kills the server when the test ends, passed or not.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One HTTP/1.1 GET; the status code and the body.
fn get(port: u16, path: &str, headers: &[&str]) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .ok()?;
    let mut request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for h in headers {
        request.push_str(h);
        request.push_str("\r\n");
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).ok()?;
    let text = String::from_utf8_lossy(&answer).into_owned();
    let status = text.split(' ').nth(1)?.parse().ok()?;
    let (head, body) = text.split_once("\r\n\r\n")?;
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        unchunk(body)
    } else {
        body.to_owned()
    };
    Some((status, body))
}

fn unchunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.push_str(&rest[..size]);
        body = rest[size..].trim_start_matches("\r\n");
    }
    out
}

fn command(data: &Path, port: u16) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_server"));
    c.env("ROOTLINE_DATA_DIR", data)
        .env("ROOTLINE_LISTEN", format!("127.0.0.1:{port}"))
        .env("ROOTLINE_SITE_ROOT", data.join("site"))
        .env("ROOTLINE_LOG_FORMAT", "json")
        .env_remove("ROOTLINE_DATABASE_URL")
        .env_remove("ROOTLINE_MASTER_KEY")
        .env_remove("ROOTLINE_METRICS_TOKEN")
        .env_remove("RUST_LOG");
    c
}

#[test]
fn a_running_server_logs_json_answers_probes_and_metrics_and_backs_up_while_live() {
    let data = std::env::temp_dir().join(format!("rootline-ops-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(data.join("site")).unwrap();
    let port = free_port();
    let log = std::fs::File::create(data.join("server.log")).unwrap();
    let server = Running(
        command(&data, port)
            .arg("serve")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("the server binary runs"),
    );

    let deadline = Instant::now() + Duration::from_secs(60);
    let health = loop {
        if let Some(answer) = get(port, "/healthz", &[]) {
            break answer;
        }
        assert!(Instant::now() < deadline, "no /healthz within 60 s");
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(health, (200, "ok".to_owned()));
    // The first start creates the CA hierarchy before it listens.
    assert_eq!(
        get(port, "/readyz", &[]).unwrap(),
        (200, "ready".to_owned())
    );

    let (status, page) = get(port, "/metrics", &[]).unwrap();
    assert_eq!(status, 200, "{page}");
    let scrape = prometheus_parse::Scrape::parse(page.lines().map(|l| Ok(l.to_owned()))).unwrap();
    let readyz = scrape.samples.iter().find(|s| {
        s.metric == "rootline_http_requests_total"
            && s.labels.get("route") == Some("/readyz")
            && s.labels.get("status") == Some("200")
    });
    assert!(
        matches!(readyz.map(|s| &s.value), Some(prometheus_parse::Value::Counter(n)) if *n >= 1.0),
        "{page}"
    );
    assert!(
        scrape
            .samples
            .iter()
            .any(|s| s.metric == "rootline_db_pool_connections"),
        "{page}"
    );
    let (status, _) = get(port, "/metrics", &["X-Forwarded-For: 203.0.113.5"]).unwrap();
    assert_eq!(status, 403, "a proxied request is not this machine");

    // The backup, while the server runs; a second one to the same file is refused.
    let copy = data.join("backup.db");
    let out = command(&data, port)
        .args(["backup", "--out"])
        .arg(&copy)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Backup written"));
    let again = command(&data, port)
        .args(["backup", "--out"])
        .arg(&copy)
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("already exists"),
        "{again:?}"
    );
    drop(server);

    // The copy opens with the same master key and holds the hierarchy.
    let listed = command(&data, port)
        .env(
            "ROOTLINE_DATABASE_URL",
            format!("sqlite://{}", copy.display()),
        )
        .args(["ca", "list"])
        .output()
        .unwrap();
    assert!(listed.status.success(), "{listed:?}");
    let list = String::from_utf8_lossy(&listed.stdout);
    for ca in ["root", "tls", "smime", "client", "codesign", "docsign"] {
        assert!(list.lines().any(|l| l.starts_with(ca)), "{ca}: {list}");
    }

    // Every line the server logged is one JSON object with a level and a message.
    let logged = std::fs::read_to_string(data.join("server.log")).unwrap();
    assert!(logged.contains("Rootline is ready"), "{logged}");
    for line in logged.lines() {
        let event: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
        assert!(event["level"].is_string(), "{line}");
        assert!(event["fields"]["message"].is_string(), "{line}");
    }
    let _ = std::fs::remove_dir_all(&data);
}
