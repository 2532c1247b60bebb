//! Three server processes on one PostgreSQL database behind Debian's nginx, as a site with
//! several nodes runs them (docs/OPERATIONS.md, *Several nodes*): the nodes start together on
//! an empty database, a session made through nginx is accepted by each node directly, the
//! scheduled jobs deliver each mail and sign each CRL once between them, and a node killed with
//! SIGKILL in the middle of sign-ups and orders loses nothing that was answered with success.
//!
//! Needs `nginx` (scripts/ensure-tools.sh installs it) and PostgreSQL on 127.0.0.1:5432 (user
//! postgres, trust); without either the test says so and passes without running.

// A test file: a failed step should stop the test with its message.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::{
    collections::{HashMap, HashSet},
    io::{BufRead, BufReader, Read, Write},
    net::{TcpListener, TcpStream},
    path::PathBuf,
    process::{Child, Command, Stdio},
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use base64::Engine;

const PASSWORD: &str = "correct horse 42";
const MASTER_KEY: &str = "one master key shared by every node of the site";
/// How long a node's claim on a message lasts: short, so mail a killed node had claimed is
/// delivered by the others within the test.
const MAIL_LEASE_SECONDS: &str = "10";

/// Kills a process when the test ends, passed or not.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn nginx_binary() -> Option<PathBuf> {
    ["nginx", "/usr/sbin/nginx"]
        .into_iter()
        .map(PathBuf::from)
        .find(|bin| Command::new(bin).arg("-v").output().is_ok())
}

/// Why the test cannot run here, if it cannot.
fn missing_tools() -> Option<&'static str> {
    if nginx_binary().is_none() {
        return Some("nginx is not installed (scripts/ensure-tools.sh installs Debian's)");
    }
    if Command::new("psql").arg("--version").output().is_err() {
        return Some("psql is not installed");
    }
    if TcpStream::connect(("127.0.0.1", 5432)).is_err() {
        return Some("no PostgreSQL answers on 127.0.0.1:5432");
    }
    None
}

/// A port in 3900..4000 that nothing listens on now, each asked for once per run.
fn port_39xx(taken: &mut HashSet<u16>) -> u16 {
    let offset = (std::process::id() % 100) as u16;
    for i in 0..100 {
        let port = 3900 + (offset + i) % 100;
        if !taken.contains(&port) && TcpListener::bind(("127.0.0.1", port)).is_ok() {
            taken.insert(port);
            return port;
        }
    }
    panic!("no free port in 3900..4000");
}

/// Runs one SQL statement in the test database; its rows, one per line, columns by `|`.
fn sql(db: &str, query: &str) -> String {
    let out = Command::new("psql")
        .args(["-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-d", db])
        .args(["-AtXq", "-v", "ON_ERROR_STOP=1", "-c", query])
        .output()
        .expect("psql runs");
    assert!(out.status.success(), "{query}: {out:?}");
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

fn count(db: &str, query: &str) -> i64 {
    sql(db, query)
        .parse()
        .unwrap_or_else(|e| panic!("{query}: {e}"))
}

// ---------------------------------------------------------------------------------------
// HTTP, by hand: one request per connection, so each goes to nginx's next node.

struct Answer {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Answer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn headers(&self, name: &str) -> Vec<String> {
        let prefix = format!("{}:", name.to_ascii_lowercase());
        self.head
            .lines()
            .filter(|l| l.to_ascii_lowercase().starts_with(&prefix))
            .map(|l| l[prefix.len()..].trim().to_owned())
            .collect()
    }

    fn succeeded(&self) -> bool {
        (200..400).contains(&self.status)
    }
}

fn http(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<(&str, &str)>,
) -> Option<Answer> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .ok()?;
    let mut request =
        format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some((content_type, body)) = body {
        request.push_str(&format!(
            "Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ));
    } else {
        request.push_str("\r\n");
    }
    stream.write_all(request.as_bytes()).ok()?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).ok()?;
    let split = answer.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&answer[..split]).into_owned();
    let status = head.split(' ').nth(1)?.parse().ok()?;
    let raw = &answer[split + 4..];
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        unchunk(raw)
    } else {
        raw.to_vec()
    };
    Some(Answer { status, head, body })
}

fn unchunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = body.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&body[..eol])
            .ok()
            .and_then(|s| usize::from_str_radix(s.trim(), 16).ok())
            .unwrap_or(0);
        if size == 0 || body.len() < eol + 2 + size {
            break;
        }
        out.extend_from_slice(&body[eol + 2..eol + 2 + size]);
        body = &body[(eol + 4 + size).min(body.len())..];
    }
    out
}

fn form(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Calls a server function with a form body, as the portal's forms do.
fn call(
    port: u16,
    endpoint: &str,
    cookie: Option<&str>,
    fields: &[(&str, &str)],
) -> Option<Answer> {
    let cookie = cookie.map(|c| ("Cookie", c));
    http(
        port,
        "POST",
        &format!("/api/{endpoint}"),
        cookie.as_slice(),
        Some(("application/x-www-form-urlencoded", &form(fields))),
    )
}

// ---------------------------------------------------------------------------------------
// An SMTP sink that keeps every message it is given.

#[derive(Clone)]
struct Mail {
    to: Vec<String>,
    text: String,
}

#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<Mail>>>);

impl Sink {
    fn start(listener: TcpListener) -> Self {
        let sink = Self::default();
        let kept = sink.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let kept = kept.clone();
                std::thread::spawn(move || kept.session(stream));
            }
        });
        sink
    }

    fn session(&self, mut stream: TcpStream) {
        let Ok(read) = stream.try_clone() else { return };
        let mut lines = BufReader::new(read);
        let mut reply = |text: &str| stream.write_all(format!("{text}\r\n").as_bytes()).is_ok();
        if !reply("220 sink ESMTP") {
            return;
        }
        let mut to = Vec::new();
        loop {
            let mut line = String::new();
            if lines.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let command = line.to_ascii_uppercase();
            let ok = if command.starts_with("EHLO") || command.starts_with("HELO") {
                reply("250 sink")
            } else if command.starts_with("MAIL FROM") || command.starts_with("RSET") {
                to.clear();
                reply("250 ok")
            } else if command.starts_with("RCPT TO") {
                let address = line
                    .split(['<', '>'])
                    .nth(1)
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                to.push(address);
                reply("250 ok")
            } else if command.starts_with("DATA") {
                if !reply("354 go on") {
                    return;
                }
                let mut data = String::new();
                loop {
                    let mut l = String::new();
                    if lines.read_line(&mut l).unwrap_or(0) == 0 {
                        return;
                    }
                    if l == ".\r\n" {
                        break;
                    }
                    data.push_str(l.strip_prefix('.').unwrap_or(&l));
                }
                self.0.lock().unwrap().push(Mail {
                    to: std::mem::take(&mut to),
                    text: decoded_body(&data),
                });
                reply("250 kept")
            } else if command.starts_with("QUIT") {
                reply("221 bye");
                return;
            } else {
                reply("250 ok")
            };
            if !ok {
                return;
            }
        }
    }

    fn mails(&self) -> Vec<Mail> {
        self.0.lock().unwrap().clone()
    }

    /// How many messages each address received.
    fn per_recipient(&self) -> HashMap<String, i64> {
        let mut counts = HashMap::new();
        for mail in self.mails() {
            for to in mail.to {
                *counts.entry(to).or_default() += 1;
            }
        }
        counts
    }

    fn wait_for(&self, to: &str) -> Mail {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(mail) = self
                .mails()
                .into_iter()
                .find(|m| m.to.iter().any(|t| t == to))
            {
                return mail;
            }
            assert!(Instant::now() < deadline, "no mail to {to} within 60 s");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// The text of a single-part message, whichever transfer encoding lettre chose.
fn decoded_body(message: &str) -> String {
    let (head, body) = message.split_once("\r\n\r\n").unwrap_or(("", message));
    let head = head.to_ascii_lowercase();
    if head.contains("content-transfer-encoding: base64") {
        let compact: String = body.split_whitespace().collect();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(compact)
            .unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    } else if head.contains("content-transfer-encoding: quoted-printable") {
        let joined = body.replace("=\r\n", "");
        let mut bytes = Vec::with_capacity(joined.len());
        let mut rest = joined.as_bytes();
        while let Some((&b, tail)) = rest.split_first() {
            let hex = tail
                .get(..2)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match (b, hex) {
                (b'=', Some(v)) => {
                    bytes.push(v);
                    rest = &tail[2..];
                }
                _ => {
                    bytes.push(b);
                    rest = tail;
                }
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    } else {
        body.to_owned()
    }
}

/// The token of the first `/activate/<token>` link in a text.
fn activation_token(text: &str) -> String {
    let at = text.find("/activate/").expect("an activation link") + "/activate/".len();
    text[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

// ---------------------------------------------------------------------------------------
// The site: a fresh database, three nodes, nginx in front.

struct Site {
    db: String,
    dir: PathBuf,
    /// Behind a lock so the test can kill one while its load threads use the site.
    nodes: Mutex<Vec<Option<Running>>>,
    node_ports: Vec<u16>,
    nginx: Option<Running>,
    lb: u16,
    smtp: u16,
    sink: Sink,
}

impl Drop for Site {
    fn drop(&mut self) {
        self.nginx.take();
        self.nodes.lock().unwrap().clear();
        let _ = Command::new("psql")
            .args([
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-AtXq",
                "-c",
            ])
            .arg(format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.db))
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Site {
    fn database_url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:5432/{}", self.db)
    }

    /// The environment every node shares: one database, one master key, one public address
    /// (nginx), one SMTP server.
    fn command(&self, node: usize) -> Command {
        let data = self.dir.join(format!("node{node}"));
        std::fs::create_dir_all(data.join("site")).unwrap();
        let mut c = Command::new(env!("CARGO_BIN_EXE_server"));
        c.env("ROOTLINE_DATA_DIR", &data)
            .env("ROOTLINE_DATABASE_URL", self.database_url())
            .env("ROOTLINE_MASTER_KEY", MASTER_KEY)
            .env(
                "ROOTLINE_PUBLIC_URL",
                format!("http://127.0.0.1:{}", self.lb),
            )
            .env(
                "ROOTLINE_SMTP_URL",
                format!("smtp://127.0.0.1:{}", self.smtp),
            )
            .env("ROOTLINE_SITE_ROOT", data.join("site"))
            .env("ROOTLINE_TRUSTED_PROXIES", "127.0.0.1")
            // Every request of the test comes from 127.0.0.1.
            .env("ROOTLINE_CLIENT_LIMIT_SCALE", "10000")
            .env("ROOTLINE_MAIL_LEASE_SECONDS", MAIL_LEASE_SECONDS)
            .env_remove("ROOTLINE_PKCS11_MODULE")
            .env_remove("ROOTLINE_METRICS_TOKEN")
            .env_remove("ROOTLINE_LOG_FORMAT")
            .env_remove("RUST_LOG");
        c
    }

    fn start() -> Self {
        let mut taken = HashSet::new();
        let smtp_port = port_39xx(&mut taken);
        let sink = Sink::start(TcpListener::bind(("127.0.0.1", smtp_port)).unwrap());
        let node_ports: Vec<u16> = (0..3).map(|_| port_39xx(&mut taken)).collect();
        let lb = port_39xx(&mut taken);
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let db = format!("rootline_test_nodes_{}_{stamp:x}", std::process::id());
        let dir = std::env::temp_dir().join(&db);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        sql("postgres", &format!("CREATE DATABASE {db}"));
        let mut site = Self {
            db,
            dir,
            nodes: Mutex::new(Vec::new()),
            node_ports: node_ports.clone(),
            nginx: None,
            lb,
            smtp: smtp_port,
            sink,
        };

        // All three at once on the empty database: migrations, the CA hierarchy and the
        // default products must each happen once.
        for (i, port) in node_ports.iter().enumerate() {
            let log = std::fs::File::create(site.dir.join(format!("node{i}.log"))).unwrap();
            let child = site
                .command(i)
                .env("ROOTLINE_LISTEN", format!("127.0.0.1:{port}"))
                .arg("serve")
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .expect("the server binary runs");
            site.nodes.lock().unwrap().push(Some(Running(child)));
        }
        site.nginx = Some(site.start_nginx());
        for (i, port) in node_ports.iter().enumerate() {
            site.wait_ready(i, *port);
        }
        site.wait_ready(99, lb);
        site
    }

    fn start_nginx(&self) -> Running {
        let dir = self.dir.join("nginx");
        for sub in ["body", "proxy", "fastcgi", "uwsgi", "scgi"] {
            std::fs::create_dir_all(dir.join(sub)).unwrap();
        }
        let d = dir.display();
        let upstream: String = self
            .node_ports
            .iter()
            .map(|p| format!("    server 127.0.0.1:{p};\n"))
            .collect();
        // Round robin over the three nodes; a node that refuses the connection is skipped.
        let config = format!(
            "daemon off;\nworker_processes 1;\npid {d}/nginx.pid;\nerror_log {d}/error.log warn;\n\
             events {{ worker_connections 512; }}\n\
             http {{\n  access_log {d}/access.log;\n  client_body_temp_path {d}/body;\n  \
             proxy_temp_path {d}/proxy;\n  fastcgi_temp_path {d}/fastcgi;\n  uwsgi_temp_path {d}/uwsgi;\n  \
             scgi_temp_path {d}/scgi;\n  upstream rootline {{\n{upstream}  }}\n  server {{\n    \
             listen 127.0.0.1:{lb};\n    location / {{\n      proxy_pass http://rootline;\n      \
             proxy_set_header Host $http_host;\n      \
             proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n      \
             proxy_read_timeout 120s;\n    }}\n  }}\n}}\n",
            lb = self.lb
        );
        std::fs::write(dir.join("nginx.conf"), config).unwrap();
        let log = std::fs::File::create(dir.join("stderr.log")).unwrap();
        Running(
            Command::new(nginx_binary().unwrap())
                .arg("-p")
                .arg(&dir)
                .arg("-c")
                .arg(dir.join("nginx.conf"))
                .arg("-e")
                .arg(dir.join("error.log"))
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .expect("nginx runs"),
        )
    }

    fn wait_ready(&self, node: usize, port: u16) {
        let deadline = Instant::now() + Duration::from_secs(180);
        loop {
            if let Some(a) = http(port, "GET", "/readyz", &[], None)
                && a.status == 200
            {
                return;
            }
            // A node that stopped (a failed start) will not become ready: say why at once.
            let stopped = self
                .nodes
                .lock()
                .unwrap()
                .get_mut(node)
                .and_then(Option::as_mut)
                .is_some_and(|n| n.0.try_wait().ok().flatten().is_some());
            assert!(!stopped, "node {node} stopped: {}", self.log(node));
            assert!(
                Instant::now() < deadline,
                "node {node} (port {port}) not ready within 180 s: {}",
                self.log(node)
            );
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    fn log(&self, node: usize) -> String {
        std::fs::read_to_string(self.dir.join(format!("node{node}.log"))).unwrap_or_default()
    }

    /// Signs up an Enterprise account through nginx; the answer.
    fn sign_up(&self, email: &str) -> Option<Answer> {
        call(
            self.lb,
            "auth/sign-up",
            None,
            &[
                ("kind", "enterprise"),
                ("name", "Asha Rao"),
                ("email", email),
                ("mobile", "+91 98450 12345"),
                ("organization", "Nodes Test Pvt Ltd"),
                ("country", "IN"),
                ("accept_terms", "yes"),
                ("terms_version", "1"),
                ("agreement_version", "1"),
            ],
        )
    }

    /// Activates with the token and signs in, both through nginx; the session cookie.
    fn activate_and_sign_in(&self, token: &str, email: &str) -> String {
        let activated = call(
            self.lb,
            "auth/activate",
            None,
            &[
                ("token", token),
                ("password", PASSWORD),
                ("password_confirmation", PASSWORD),
            ],
        )
        .unwrap();
        assert!(
            activated.succeeded(),
            "activate: {} {}",
            activated.status,
            activated.text()
        );
        let signed_in = call(
            self.lb,
            "auth/sign-in",
            None,
            &[("email", email), ("password", PASSWORD)],
        )
        .unwrap();
        assert!(
            signed_in.succeeded(),
            "sign in: {} {}",
            signed_in.status,
            signed_in.text()
        );
        let cookie = signed_in
            .headers("set-cookie")
            .into_iter()
            .find(|c| c.starts_with("rootline_session="))
            .unwrap_or_else(|| panic!("no session cookie: {}", signed_in.head));
        cookie.split(';').next().unwrap().to_owned()
    }

    /// Waits until every queued message has been delivered (by whichever node).
    fn wait_outbox_empty(&self) {
        let deadline = Instant::now() + Duration::from_secs(240);
        loop {
            let left = count(
                &self.db,
                "SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL",
            );
            if left == 0 {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{left} messages still undelivered after 240 s"
            );
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    /// How many messages the outbox holds for each address.
    fn outbox_per_recipient(&self) -> HashMap<String, i64> {
        sql(
            &self.db,
            "SELECT lower(to_address), count(*) FROM mail_outbox GROUP BY lower(to_address)",
        )
        .lines()
        .map(|l| {
            let (to, n) = l.split_once('|').unwrap();
            (to.to_owned(), n.parse().unwrap())
        })
        .collect()
    }
}

fn signed_in_as(port: u16, cookie: &str, email: &str) -> bool {
    let answer = call(port, "auth/current-session", Some(cookie), &[]).unwrap();
    answer.status == 200 && answer.text().to_ascii_lowercase().contains(email)
}

#[test]
fn three_nodes_behind_nginx_share_sessions_run_each_job_once_and_lose_nothing_when_one_is_killed() {
    if let Some(why) = missing_tools() {
        eprintln!("SKIPPED: the several-nodes test needs nginx and PostgreSQL: {why}");
        return;
    }
    let mut site = Site::start();
    let run_id = site.db.rsplit('_').next().unwrap().to_owned();
    let run = run_id.as_str();

    // Started together, the nodes made one hierarchy and one set of default products.
    assert_eq!(
        count(&site.db, "SELECT count(*) FROM certificate_authorities"),
        count(
            &site.db,
            "SELECT count(DISTINCT name) FROM certificate_authorities"
        ),
    );
    let products = count(&site.db, "SELECT count(*) FROM products");
    assert!(products > 0);
    assert_eq!(
        products,
        count(
            &site.db,
            "SELECT count(DISTINCT (name, kind)) FROM products"
        ),
        "a default product was added twice: {}",
        sql(&site.db, "SELECT name, kind FROM products ORDER BY id")
    );

    // (a) One sign-in through nginx; each node, asked directly, knows the session.
    let admin = format!("admin.{run}@example.com");
    let answer = site.sign_up(&admin).unwrap();
    assert!(
        answer.succeeded(),
        "sign-up: {} {}",
        answer.status,
        answer.text()
    );
    let token = activation_token(&site.sink.wait_for(&admin).text);
    let cookie = site.activate_and_sign_in(&token, &admin);
    for port in &site.node_ports {
        assert!(
            signed_in_as(*port, &cookie, &admin),
            "node on {port} does not know the session"
        );
        let anonymous = call(*port, "auth/current-session", None, &[]).unwrap();
        assert!(!anonymous.text().contains(&admin), "{}", anonymous.text());
    }

    // (b) Mail queued on every node is delivered once although all three run the job.
    let signups: Vec<String> = (0..24).map(|i| format!("b{i}.{run}@example.com")).collect();
    std::thread::scope(|s| {
        for chunk in signups.chunks(6) {
            let site = &site;
            s.spawn(move || {
                for email in chunk {
                    let answer = site.sign_up(email).unwrap();
                    assert!(answer.succeeded(), "{} {}", answer.status, answer.text());
                }
            });
        }
    });
    site.wait_outbox_empty();
    let delivered = site.sink.per_recipient();
    let queued = site.outbox_per_recipient();
    assert_eq!(
        delivered, queued,
        "each queued message is delivered exactly once"
    );
    for email in &signups {
        assert_eq!(delivered.get(email.as_str()), Some(&1), "{email}");
    }
    let senders = (0..3)
        .filter(|i| site.log(*i).contains("mail sent by SMTP"))
        .count();
    eprintln!("{senders} of 3 nodes delivered mail");

    // Each CRL shard of each CA (the whole-CA CRL and shards 1 to N) was signed once for this
    // period, though each node's job found it due.
    let deadline = Instant::now() + Duration::from_secs(60);
    while count(
        &site.db,
        "SELECT count(*) FROM (SELECT DISTINCT ca_id, shard FROM crls) AS signed",
    ) < count(
        &site.db,
        "SELECT sum(crl_shards + 1) FROM certificate_authorities",
    ) {
        assert!(Instant::now() < deadline, "CRLs not published within 60 s");
        std::thread::sleep(Duration::from_millis(250));
    }
    assert_eq!(
        sql(
            &site.db,
            "SELECT ca_id, shard, count(*), max(crl_number) FROM crls GROUP BY ca_id, shard \
             HAVING count(*) <> 1 OR max(crl_number) <> 1"
        ),
        "",
        "a CRL was signed twice in one period"
    );
    let crls: HashSet<Vec<u8>> = site
        .node_ports
        .iter()
        .map(|p| {
            let a = http(*p, "GET", "/crl/tls.crl", &[], None).unwrap();
            assert_eq!(a.status, 200);
            a.body
        })
        .collect();
    assert_eq!(crls.len(), 1, "every node serves the same CRL");

    // Credits from an operator and an access key, for orders that charge the ledger.
    let operator = format!("ops.{run}@example.com");
    let created = site
        .command(0)
        .args(["create-operator", "--email", &operator])
        .output()
        .unwrap();
    assert!(created.status.success(), "{created:?}");
    let operator_cookie = site.activate_and_sign_in(
        &activation_token(&String::from_utf8_lossy(&created.stdout)),
        &operator,
    );
    let account_id = sql(
        &site.db,
        &format!(
            "SELECT m.account_id FROM memberships m JOIN users u ON u.id = m.user_id \
             WHERE u.email = '{admin}'"
        ),
    );
    let granted = call(
        site.lb,
        "operator/credits/grant",
        Some(&operator_cookie),
        &[
            ("account_id", &account_id),
            ("amount", "1000000"),
            ("remarks", "Opening balance for the several-nodes test"),
        ],
    )
    .unwrap();
    assert!(
        granted.succeeded(),
        "grant: {} {}",
        granted.status,
        granted.text()
    );
    let admin_id = sql(
        &site.db,
        &format!("SELECT id FROM users WHERE email = '{admin}'"),
    );
    let made = call(
        site.lb,
        "settings/rest-api/create",
        Some(&cookie),
        &[("user_id", &admin_id), ("description", "Load")],
    )
    .unwrap();
    assert!(made.succeeded(), "key: {} {}", made.status, made.text());
    let text = made.text();
    let at = text.find("rlk_").expect("the new key");
    let key: String = text[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect();
    let bearer = format!("Bearer {key}");
    let products = http(
        site.lb,
        "GET",
        "/api/v1/products",
        &[("Authorization", &bearer)],
        None,
    )
    .unwrap();
    assert_eq!(products.status, 200, "{}", products.text());
    let products: serde_json::Value = serde_json::from_slice(&products.body).unwrap();
    let dv = products
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == "dv_single")
        .expect("the default DV product")["id"]
        .clone();

    // (c) Sign-ups and orders through nginx; one node is killed with SIGKILL half-way.
    let stop = AtomicBool::new(false);
    let answered = AtomicUsize::new(0);
    let ok_signups = Mutex::new(Vec::<String>::new());
    let ok_orders = Mutex::new(Vec::<i64>::new());
    std::thread::scope(|s| {
        for t in 0..3 {
            let (site, stop, answered, ok_signups) = (&site, &stop, &answered, &ok_signups);
            s.spawn(move || {
                for i in 0.. {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let email = format!("c{t}x{i}.{run}@example.com");
                    if site.sign_up(&email).is_some_and(|a| a.succeeded()) {
                        ok_signups.lock().unwrap().push(email);
                        answered.fetch_add(1, Ordering::SeqCst);
                    }
                }
            });
        }
        for t in 0..3 {
            let (site, stop, answered, ok_orders) = (&site, &stop, &answered, &ok_orders);
            let (bearer, dv) = (&bearer, &dv);
            s.spawn(move || {
                for i in 0.. {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let body =
                        serde_json::json!({ "product_id": dv, "names": [format!("o{t}x{i}.example.com")] })
                            .to_string();
                    let idempotency = format!("{run}-{t}-{i}");
                    let answer = http(
                        site.lb,
                        "POST",
                        "/api/v1/orders",
                        &[("Authorization", bearer), ("Idempotency-Key", &idempotency)],
                        Some(("application/json", &body)),
                    );
                    if let Some(a) = answer.filter(|a| a.status == 201) {
                        let order: serde_json::Value = serde_json::from_slice(&a.body).unwrap();
                        ok_orders.lock().unwrap().push(order["id"].as_i64().unwrap());
                        answered.fetch_add(1, Ordering::SeqCst);
                    }
                }
            });
        }
        let wait_for = |n: usize| {
            let deadline = Instant::now() + Duration::from_secs(300);
            while answered.load(Ordering::SeqCst) < n {
                assert!(
                    Instant::now() < deadline,
                    "the load stalled before {n} answers"
                );
                std::thread::sleep(Duration::from_millis(20));
            }
        };
        wait_for(30);
        // SIGKILL: no shutdown, whatever the node was doing stops mid-way.
        site.nodes.lock().unwrap()[1].take();
        wait_for(90);
        stop.store(true, Ordering::SeqCst);
    });
    let ok_signups = ok_signups.into_inner().unwrap();
    let ok_orders = ok_orders.into_inner().unwrap();
    eprintln!(
        "answered with success: {} sign-ups, {} orders",
        ok_signups.len(),
        ok_orders.len()
    );
    assert!(!ok_orders.is_empty() && !ok_signups.is_empty());

    // Requests at once took their locks in one order: PostgreSQL broke no deadlock.
    for i in 0..3 {
        assert!(
            !site.log(i).contains("deadlock detected"),
            "node {i}: {}",
            site.log(i)
                .lines()
                .find(|l| l.contains("deadlock detected"))
                .unwrap_or_default()
        );
    }

    // Every answered sign-up and order is in the database.
    let users: HashSet<String> = sql(&site.db, "SELECT email FROM users")
        .lines()
        .map(str::to_owned)
        .collect();
    for email in &ok_signups {
        assert!(
            users.contains(email),
            "sign-up of {email} answered but lost"
        );
    }
    let orders: HashSet<i64> = sql(&site.db, "SELECT id FROM orders")
        .lines()
        .map(|l| l.parse().unwrap())
        .collect();
    for id in &ok_orders {
        assert!(orders.contains(id), "order {id} answered but lost");
    }

    // The ledger adds up: each transaction balances, each cached balance is the sum of its
    // entries, each order is charged once, and the account holds the grant less the orders.
    assert_eq!(
        sql(
            &site.db,
            "SELECT transaction_id FROM ledger_entries GROUP BY transaction_id \
             HAVING sum(amount_minor) <> 0"
        ),
        ""
    );
    assert_eq!(
        sql(
            &site.db,
            "SELECT b.id FROM ledger_balances b WHERE b.balance_minor <> (SELECT \
             coalesce(sum(e.amount_minor), 0) FROM ledger_entries e WHERE e.account_id = \
             b.account_id AND e.holder = b.holder AND e.currency = b.currency)"
        ),
        ""
    );
    assert_eq!(
        sql(
            &site.db,
            "SELECT o.id FROM orders o WHERE (SELECT count(*) FROM ledger_transactions t \
             WHERE t.order_id = o.id) <> 1"
        ),
        "",
        "an order is not charged exactly once"
    );
    let (grant, charged, held) = (
        count(
            &site.db,
            &format!(
                "SELECT coalesce(sum(amount_minor), 0) FROM ledger_transactions \
                 WHERE account_id = {account_id} AND order_id IS NULL"
            ),
        ),
        count(
            &site.db,
            &format!(
                "SELECT coalesce(sum(price_minor), 0) FROM orders WHERE account_id = {account_id}"
            ),
        ),
        count(
            &site.db,
            &format!(
                "SELECT coalesce(sum(balance_minor), 0) FROM ledger_balances \
                 WHERE account_id = {account_id} AND holder <> 'operator'"
            ),
        ),
    );
    assert_eq!(held, grant - charged, "grant {grant}, orders {charged}");

    // Every queued mail is delivered by the two nodes left, also what the dead one had
    // claimed (its claims lapse after the lease). At least once: a node killed between
    // sending a message and recording it leaves it to be sent again.
    site.wait_outbox_empty();
    let delivered = site.sink.per_recipient();
    for (to, n) in site.outbox_per_recipient() {
        assert!(
            delivered.get(&to).copied().unwrap_or(0) >= n,
            "{to}: {n} queued, {:?} delivered",
            delivered.get(&to)
        );
    }
    for email in &ok_signups {
        assert!(delivered.contains_key(email.as_str()), "no mail to {email}");
    }

    // The nodes left still serve the session.
    for i in [0, 2] {
        assert!(signed_in_as(site.node_ports[i], &cookie, &admin));
    }
    site.nginx.take();
}
