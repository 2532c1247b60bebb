//! A small authoritative DNS server for end-to-end tests and local runs (`server dns-serve`).
//! It answers TXT, CAA and A queries over UDP and TCP from a JSON file that it reads again
//! for every query, so a test publishes a record by rewriting the file:
//!
//! ```json
//! {"txt": {"_validation-contactemail.example.test": ["admin@example.test"]},
//!  "caa": {"example.test": [{"flags": 0, "tag": "issue", "value": "rootline.test"}]},
//!  "a":   {"host.test": "127.0.0.1"}}
//! ```
//!
//! A name in none of the maps answers NXDOMAIN; a known name without records of the asked
//! type answers NOERROR with no records. It also serves a test root zone signed with its own
//! key (`dev_dnssec`), under which all its names are proven unsigned for a resolver that
//! trusts that key (`server/tests/dev-dns.anchor`). Never for production.

use std::{
    collections::HashMap,
    io,
    net::{Ipv4Addr, SocketAddr},
    path::{Path, PathBuf},
    sync::Arc,
};

use hickory_proto::{
    op::{Edns, Message, MessageType, Metadata, ResponseCode},
    rr::{
        Name, RData, Record, RecordType,
        rdata::{A, CAA, TXT},
    },
};
use serde::Deserialize;
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpStream, UdpSocket},
    task::JoinHandle,
};

use super::dev_dnssec::DevRoot;

/// Answers live for a second: tests rewrite the file and expect to be seen.
const TTL: u32 = 1;
/// Without EDNS a UDP answer may not be longer (RFC 1035); longer ones are truncated so the
/// client asks again over TCP.
const CLASSIC_UDP_LIMIT: usize = 512;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Records {
    #[serde(default)]
    pub txt: HashMap<String, Vec<String>>,
    #[serde(default)]
    pub caa: HashMap<String, Vec<CaaEntry>>,
    #[serde(default)]
    pub a: HashMap<String, Ipv4Addr>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaaEntry {
    #[serde(default)]
    pub flags: u8,
    pub tag: String,
    pub value: String,
}

fn key(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

impl Records {
    async fn read(path: &Path) -> Result<Self, String> {
        let text = tokio::fs::read_to_string(path)
            .await
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let parsed: Self = serde_json::from_str(&text)
            .map_err(|e| format!("{} is not a records file: {e}", path.display()))?;
        // Names are matched without case and without a trailing dot.
        Ok(Self {
            txt: parsed.txt.into_iter().map(|(k, v)| (key(&k), v)).collect(),
            caa: parsed.caa.into_iter().map(|(k, v)| (key(&k), v)).collect(),
            a: parsed.a.into_iter().map(|(k, v)| (key(&k), v)).collect(),
        })
    }

    fn knows(&self, name: &str) -> bool {
        self.txt.contains_key(name) || self.caa.contains_key(name) || self.a.contains_key(name)
    }

    fn answer(&self, name: &Name, kind: RecordType) -> Result<Vec<Record>, String> {
        let k = key(&name.to_ascii());
        let rdata: Vec<RData> = match kind {
            RecordType::TXT => self
                .txt
                .get(&k)
                .map(|values| values.iter().map(|v| RData::TXT(txt(v))).collect())
                .unwrap_or_default(),
            RecordType::CAA => self
                .caa
                .get(&k)
                .map(|entries| entries.iter().map(|e| RData::CAA(caa(e))).collect())
                .unwrap_or_default(),
            RecordType::A => self
                .a
                .get(&k)
                .map(|ip| vec![RData::A(A(*ip))])
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        Ok(rdata
            .into_iter()
            .map(|d| Record::from_rdata(name.clone(), TTL, d))
            .collect())
    }
}

/// One TXT record; a value longer than a DNS character-string is split into several,
/// which resolvers join again.
fn txt(value: &str) -> TXT {
    let parts: Vec<&[u8]> = value.as_bytes().chunks(255).collect();
    if parts.is_empty() {
        TXT::new(vec![String::new()])
    } else {
        TXT::from_bytes(parts)
    }
}

fn caa(entry: &CaaEntry) -> CAA {
    // Built from a plain issue record, then given the published tag and raw value, so any
    // tag (also unknown ones, for tests) and any value text goes out as written.
    let mut record = CAA::new_issue(entry.flags & 0x80 != 0, None, Vec::new());
    record.reserved_flags = entry.flags & 0x7f;
    record.tag = entry.tag.clone();
    record.value = entry.value.as_bytes().to_vec();
    record
}

/// The answer to one query message, as bytes; `None` when the query cannot be parsed (it is
/// dropped, as a real server would).
async fn respond(records_file: &Path, root: &DevRoot, query: &[u8], udp: bool) -> Option<Vec<u8>> {
    let request = Message::from_vec(query).ok()?;
    if request.metadata.message_type != MessageType::Query {
        return None;
    }
    let mut response = Message::new(
        request.metadata.id,
        MessageType::Response,
        request.metadata.op_code,
    );
    response.metadata = Metadata::response_from_request(&request.metadata);
    response.metadata.authoritative = true;
    response.add_queries(request.queries.iter().cloned());
    if let Some(edns) = &request.edns {
        let mut ours = Edns::new();
        ours.set_max_payload(edns.max_payload().max(512));
        response.set_edns(ours);
    }
    match Records::read(records_file).await {
        Err(reason) => {
            tracing::warn!("dns-serve: {reason}");
            response.metadata.response_code = ResponseCode::ServFail;
        }
        Ok(records) => {
            for q in &request.queries {
                // The test root's own answers (its key, a TLD's missing DS) make every name
                // of the file provably unsigned to a resolver that trusts the root.
                if let Some(signed) = root.answer(q) {
                    response.add_answers(signed.answers);
                    response.add_authorities(signed.authorities);
                    continue;
                }
                if !records.knows(&key(&q.name.to_ascii())) {
                    response.metadata.response_code = ResponseCode::NXDomain;
                    continue;
                }
                match records.answer(&q.name, q.query_type) {
                    Ok(answers) => {
                        response.add_answers(answers);
                    }
                    Err(_) => response.metadata.response_code = ResponseCode::ServFail,
                }
            }
        }
    }
    let bytes = response.to_vec().ok()?;
    let limit = request
        .edns
        .as_ref()
        .map_or(CLASSIC_UDP_LIMIT, |e| usize::from(e.max_payload().max(512)));
    if udp && bytes.len() > limit {
        return response.truncate().to_vec().ok();
    }
    Some(bytes)
}

/// A bound server; `run` answers until the task is dropped or aborted.
pub struct DevDns {
    udp: UdpSocket,
    tcp: TcpListener,
    records_file: Arc<PathBuf>,
    root: Arc<DevRoot>,
}

impl DevDns {
    /// Binds UDP and TCP on `listen`. With port 0, both get the same free port.
    pub async fn bind(listen: SocketAddr, records_file: PathBuf) -> io::Result<Self> {
        let root = Arc::new(DevRoot::new().map_err(io::Error::other)?);
        let mut last = None;
        for _ in 0..20 {
            let udp = UdpSocket::bind(listen).await?;
            let port = udp.local_addr()?.port();
            match TcpListener::bind(SocketAddr::new(listen.ip(), port)).await {
                Ok(tcp) => {
                    return Ok(Self {
                        udp,
                        tcp,
                        records_file: Arc::new(records_file),
                        root,
                    });
                }
                // Only with an ephemeral port is another try meaningful.
                Err(e) if listen.port() == 0 => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| io::Error::other("no free port for UDP and TCP")))
    }

    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.udp.local_addr()
    }

    pub async fn run(self) -> io::Result<()> {
        let Self {
            udp,
            tcp,
            records_file,
            root,
        } = self;
        let udp = Arc::new(udp);
        let udp_task = {
            let file = records_file.clone();
            let root = root.clone();
            let udp = udp.clone();
            tokio::spawn(async move {
                let mut buf = vec![0_u8; 4096];
                loop {
                    let (n, peer) = match udp.recv_from(&mut buf).await {
                        Ok(got) => got,
                        Err(e) => {
                            tracing::warn!("dns-serve: UDP receive failed: {e}");
                            continue;
                        }
                    };
                    let query = buf.get(..n).unwrap_or_default().to_vec();
                    let file = file.clone();
                    let root = root.clone();
                    let udp = udp.clone();
                    tokio::spawn(async move {
                        if let Some(answer) = respond(&file, &root, &query, true).await {
                            let _ = udp.send_to(&answer, peer).await;
                        }
                    });
                }
            })
        };
        let _stop_udp = AbortOnDrop(udp_task);
        loop {
            let (stream, _) = tcp.accept().await?;
            let file = records_file.clone();
            let root = root.clone();
            tokio::spawn(async move {
                let _ = serve_tcp(stream, &file, &root).await;
            });
        }
    }

    /// Runs in the background; the server stops when the handle is aborted.
    pub fn spawn(self) -> JoinHandle<io::Result<()>> {
        tokio::spawn(self.run())
    }
}

struct AbortOnDrop(JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// DNS over TCP: each message is preceded by its length in two bytes (RFC 1035 4.2.2).
async fn serve_tcp(mut stream: TcpStream, file: &Path, root: &DevRoot) -> io::Result<()> {
    loop {
        let mut len = [0_u8; 2];
        if stream.read_exact(&mut len).await.is_err() {
            return Ok(());
        }
        let mut query = vec![0_u8; usize::from(u16::from_be_bytes(len))];
        stream.read_exact(&mut query).await?;
        let Some(answer) = respond(file, root, &query, false).await else {
            return Ok(());
        };
        let Ok(answer_len) = u16::try_from(answer.len()) else {
            return Ok(());
        };
        stream.write_all(&answer_len.to_be_bytes()).await?;
        stream.write_all(&answer).await?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        adapters::dns::HickoryDns,
        ports::dns::{CaaRecord, DnsError, DnsResolver},
    };

    struct Running {
        dir: PathBuf,
        file: PathBuf,
        server: JoinHandle<io::Result<()>>,
        addr: SocketAddr,
        dns: HickoryDns,
    }

    impl Drop for Running {
        fn drop(&mut self) {
            self.server.abort();
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }

    async fn start(records: &str) -> Running {
        let dir = std::env::temp_dir().join(format!("rootline-dev-dns-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("records.json");
        std::fs::write(&file, records).unwrap();
        let server = DevDns::bind("127.0.0.1:0".parse().unwrap(), file.clone())
            .await
            .unwrap();
        let addr = server.local_addr().unwrap();
        Running {
            dir,
            file,
            server: server.spawn(),
            addr,
            dns: HickoryDns::new(Some(addr)),
        }
    }

    #[tokio::test]
    async fn the_resolver_reads_txt_and_caa_from_the_test_server() {
        let long = "v".repeat(300);
        let run = start(&format!(
            r#"{{"txt": {{"_validation-contactemail.Example.test.": ["admin@example.test", "{long}"]}},
                "caa": {{"example.test": [
                    {{"flags": 0, "tag": "issue", "value": "rootline.test; account=1"}},
                    {{"flags": 128, "tag": "futureprop", "value": "x"}},
                    {{"tag": "iodef", "value": "mailto:sec@example.test"}}]}},
                "a": {{"host.test": "127.0.0.1"}}}}"#
        ))
        .await;
        let mut txt = run
            .dns
            .txt("_validation-contactemail.example.test")
            .await
            .unwrap();
        txt.sort();
        assert_eq!(txt, vec!["admin@example.test".to_owned(), long]);
        let caa = run.dns.caa("EXAMPLE.test").await.unwrap();
        assert_eq!(
            caa,
            vec![
                CaaRecord {
                    critical: false,
                    tag: "issue".into(),
                    value: "rootline.test; account=1".into()
                },
                CaaRecord {
                    critical: true,
                    tag: "futureprop".into(),
                    value: "x".into()
                },
                CaaRecord {
                    critical: false,
                    tag: "iodef".into(),
                    value: "mailto:sec@example.test".into()
                },
            ]
        );
        // NODATA and NXDOMAIN are both "no records", not failures
        assert!(run.dns.txt("example.test").await.unwrap().is_empty());
        assert!(run.dns.caa("host.test").await.unwrap().is_empty());
        assert!(run.dns.caa("nowhere.test").await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn a_rewritten_file_is_seen_without_a_restart() {
        let run = start(r#"{"txt": {}}"#).await;
        assert!(run.dns.txt("_dcv.example.test").await.unwrap().is_empty());
        std::fs::write(&run.file, r#"{"txt": {"_dcv.example.test": ["token-1"]}}"#).unwrap();
        assert_eq!(
            run.dns.txt("_dcv.example.test").await.unwrap(),
            vec!["token-1".to_owned()]
        );
        std::fs::write(&run.file, r#"{"txt": {"_dcv.example.test": ["token-2"]}}"#).unwrap();
        assert_eq!(
            run.dns.txt("_dcv.example.test").await.unwrap(),
            vec!["token-2".to_owned()]
        );
    }

    #[tokio::test]
    async fn a_broken_records_file_is_a_lookup_failure_not_an_empty_answer() {
        let run = start("{ not json").await;
        let e = run.dns.caa("example.test").await.unwrap_err();
        assert!(matches!(e, DnsError::Failed { ref name, .. } if name == "example.test"));
    }

    #[tokio::test]
    async fn a_server_that_does_not_answer_is_a_lookup_failure() {
        // a bound UDP socket that never replies, and no TCP listener
        let silent = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let dns = HickoryDns::new(Some(silent.local_addr().unwrap()))
            .with_query_timeout(std::time::Duration::from_millis(300));
        assert!(matches!(
            dns.txt("example.test").await,
            Err(DnsError::Failed { .. })
        ));
    }

    #[tokio::test]
    async fn answers_over_tcp_too() {
        let run = start(r#"{"a": {"host.test": "127.0.0.1"}}"#).await;
        let mut query = Message::query();
        query.add_query(hickory_proto::op::Query::query(
            Name::from_ascii("host.test.").unwrap(),
            RecordType::A,
        ));
        let bytes = query.to_vec().unwrap();
        let mut stream = TcpStream::connect(run.addr).await.unwrap();
        stream
            .write_all(&u16::try_from(bytes.len()).unwrap().to_be_bytes())
            .await
            .unwrap();
        stream.write_all(&bytes).await.unwrap();
        let mut len = [0_u8; 2];
        stream.read_exact(&mut len).await.unwrap();
        let mut answer = vec![0_u8; usize::from(u16::from_be_bytes(len))];
        stream.read_exact(&mut answer).await.unwrap();
        let answer = Message::from_vec(&answer).unwrap();
        assert!(answer.metadata.authoritative);
        assert_eq!(answer.answers.len(), 1);
        assert_eq!(
            answer.answers.first().map(|r| r.data.clone()),
            Some(RData::A(A(Ipv4Addr::LOCALHOST)))
        );
    }
}
