//! Certificate Transparency in issuance (RFC 6962, Chrome's and Apple's CT policies): a public
//! TLS certificate is prepared as a precertificate (the poison extension last), signed, and
//! kept with its reservation before it leaves the CA; it is submitted to every configured log
//! at once; each SCT is checked against its log's key; the final certificate is the same
//! TBSCertificate with the SCT list in the poison's place, linted and signed again.
//!
//! A publicly trusted installation issues nothing short of the browsers' policy (two SCTs
//! up to 180 days, three beyond, from two operators): the precertificate stays recorded (the
//! BRs treat it as issued; OCSP answers for it) and the caller may try again under a new
//! serial. A private installation with logs configured embeds whatever SCTs came back.

use std::{collections::HashMap, sync::Arc};

use futures_util::future::join_all;

use super::{
    Authority, CaError, ca_entry,
    issue::{IssuanceToken, Opened, sign_token},
    lint::lint,
    parallel,
    profiles::{self, Profile},
};
use crate::{
    domain::ct_policy,
    ports::ct_log::CtLog,
    store::certificates,
    transparency::{
        precert,
        sct::{self, LogEntry},
    },
};

/// How far ahead of the CA's clock a log's timestamp may be: the CA and a log on another
/// continent do not share a clock; a relying party reads the SCT later still.
const CLOCK_SKEW_MS: u64 = 5 * 60 * 1000;

/// The logs public TLS certificates are submitted to, and whether the browsers' policy is
/// enforced (a publicly trusted installation) or the SCTs are embedded as they come.
#[derive(Clone)]
pub struct Transparency {
    logs: Vec<Arc<dyn CtLog>>,
    enforced: bool,
    minimum_scts: Option<usize>,
}

impl Transparency {
    pub fn new(logs: Vec<Arc<dyn CtLog>>, enforced: bool, minimum_scts: Option<usize>) -> Self {
        Self {
            logs,
            enforced,
            minimum_scts,
        }
    }

    pub fn logs(&self) -> &[Arc<dyn CtLog>] {
        &self.logs
    }
}

/// A signed object of a batch on its way to being stored: final already, or a logged
/// precertificate's final TBS waiting to be signed.
enum Step {
    Final(IssuanceToken, Vec<u8>),
    Resign(IssuanceToken),
}

impl Authority {
    /// Submits public TLS certificates to these logs first.
    pub fn with_transparency(mut self, transparency: Transparency) -> Self {
        self.transparency = Some(transparency);
        self
    }

    pub fn transparency(&self) -> Option<&Transparency> {
        self.transparency.as_ref()
    }

    /// Whether certificates of this profile are issued as precertificates first.
    pub(super) fn logs_certificates(&self, profile: &Profile) -> bool {
        profile.transparency
            && self
                .transparency
                .as_ref()
                .is_some_and(|t| !t.logs.is_empty())
    }

    /// Turns the signed precertificates of a batch into final certificates; everything else
    /// passes through as it is.
    pub(super) async fn complete_precertificates(
        &self,
        signed: Vec<Result<(IssuanceToken, Vec<u8>), CaError>>,
        cas: &HashMap<String, Opened>,
    ) -> Result<Vec<Result<(IssuanceToken, Vec<u8>), CaError>>, CaError> {
        if !signed.iter().flatten().any(|(t, _)| t.precertificate) {
            return Ok(signed);
        }
        // Kept before any of them leaves the CA: a crash from here on leaves a known
        // precertificate on its reservation, never an unknown signed object.
        let precerts: Vec<(i32, Vec<u8>)> = signed
            .iter()
            .flatten()
            .filter(|(t, _)| t.precertificate)
            .map(|(t, der)| (t.id, der.clone()))
            .collect();
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        certificates::record_precertificates(&tx, &precerts).await?;
        crate::store::audit::append_many(
            &tx,
            now,
            signed
                .iter()
                .flatten()
                .filter(|(t, _)| t.precertificate)
                .map(|(t, _)| {
                    ca_entry(
                        "precertificate_signed",
                        format!(
                            "Signed precertificate serial {} ({}) with CA {}; submitting it to Certificate Transparency logs",
                            t.serial_hex, t.profile, t.ca_name
                        ),
                    )
                })
                .collect(),
        )
        .await?;
        tx.commit().await?;

        let steps: Vec<Result<Step, CaError>> = join_all(signed.into_iter().map(|r| async move {
            let (mut token, der) = r?;
            if !token.precertificate {
                return Ok(Step::Final(token, der));
            }
            let (ca, _, _) = cas
                .get(&token.ca_name)
                .ok_or(CaError::NoSuchCa("issuing CA"))?;
            token.tbs = self.final_tbs(&token, &der, &ca.cert_der, ca.id).await?;
            Ok(Step::Resign(token))
        }))
        .await;

        let unfinished: Vec<String> = steps
            .iter()
            .filter_map(|s| match s {
                Err(CaError::Transparency(why)) => Some(why.clone()),
                _ => None,
            })
            .collect();
        if !unfinished.is_empty() {
            let tx = self.store.begin().await?;
            crate::store::audit::append_many(
                &tx,
                self.clock.now(),
                unfinished
                    .into_iter()
                    .map(|why| ca_entry("precertificate_unfinished", why))
                    .collect(),
            )
            .await?;
            tx.commit().await?;
        }

        let cas: HashMap<String, Opened> = cas.clone();
        parallel::map(steps, move |step: Result<Step, CaError>| match step? {
            Step::Final(token, der) => Ok((token, der)),
            Step::Resign(token) => {
                let (_, signer, key) = cas
                    .get(&token.ca_name)
                    .ok_or(CaError::NoSuchCa("issuing CA"))?;
                sign_token(token, signer.as_ref(), key)
            }
        })
        .await
    }

    /// Gathers SCTs for a signed precertificate and lays out its final TBSCertificate.
    async fn final_tbs(
        &self,
        token: &IssuanceToken,
        precert_der: &[u8],
        issuer_der: &[u8],
        ca_id: i32,
    ) -> Result<Vec<u8>, CaError> {
        let unfinished = |why: String| {
            CaError::Transparency(format!(
                "precertificate serial {} was not completed: {why}",
                token.serial_hex
            ))
        };
        let Some(transparency) = self.transparency.as_ref() else {
            return Err(unfinished(
                "no Certificate Transparency logs are configured".into(),
            ));
        };
        let mut chain = vec![precert_der.to_vec()];
        chain.extend(self.ca_chain(ca_id).await?);
        let issuer_spki = issuer_spki(issuer_der).map_err(unfinished)?;
        let logged = precert::logged_tbs(&token.tbs).map_err(|e| unfinished(e.to_string()))?;
        let entry = LogEntry::Precert {
            issuer_key_hash: sct::issuer_key_hash(&issuer_spki),
            tbs: &logged,
        };

        let answers = join_all(transparency.logs.iter().map(|log| {
            let chain = &chain;
            async move { (log.clone(), log.add_pre_chain(chain).await) }
        }))
        .await;
        let now_ms = u64::try_from(self.clock.now().timestamp_millis()).unwrap_or(0);
        let mut kept = Vec::new();
        let mut failures = Vec::new();
        for (log, answer) in answers {
            let info = log.info();
            let checked = answer.map_err(|e| e.to_string()).and_then(|a| {
                let sct = a.to_sct().map_err(|e| format!("log {}: {e}", info.name))?;
                sct::verify(&sct, &info.public_key, &entry, now_ms + CLOCK_SKEW_MS)
                    .map_err(|e| format!("log {}: {e}", info.name))?;
                Ok(sct)
            });
            match checked {
                Ok(sct) => kept.push((info.name.clone(), info.operator.clone(), sct)),
                Err(why) => {
                    tracing::warn!(serial = %token.serial_hex, reason = %why, "a CT log gave no usable SCT");
                    failures.push(why);
                }
            }
        }
        // One order, whatever order the logs answered in: the bytes signed do not depend on
        // which log was quickest.
        kept.sort_by(|a, b| a.0.cmp(&b.0));
        if transparency.enforced {
            let need = ct_policy::requirement(
                token.not_before,
                token.not_after,
                transparency.minimum_scts,
            );
            let operators: Vec<&str> = kept.iter().map(|(_, op, _)| op.as_str()).collect();
            if let Some(short) = ct_policy::shortfall(need, &operators) {
                let mut why = short;
                if !failures.is_empty() {
                    why.push_str(" (");
                    why.push_str(&failures.join("; "));
                    why.push(')');
                }
                return Err(unfinished(why));
            }
        }
        let tbs = precert::final_tbs(&token.tbs, kept.into_iter().map(|(_, _, s)| s).collect())
            .map_err(|e| unfinished(e.to_string()))?;
        let profile = profiles::profile(token.profile)
            .ok_or_else(|| unfinished(format!("there is no profile {}", token.profile)))?;
        lint(&tbs, profile).map_err(|f| CaError::Refused {
            rule: f.rule,
            detail: f.detail,
        })?;
        Ok(tbs)
    }
}

/// The issuing CA's SubjectPublicKeyInfo DER, which the issuer key hash is taken over.
fn issuer_spki(ca_der: &[u8]) -> Result<Vec<u8>, String> {
    use x509_parser::prelude::{FromDer, X509Certificate};
    let (_, ca) = X509Certificate::from_der(ca_der).map_err(|e| e.to_string())?;
    Ok(ca.public_key().raw.to_vec())
}

#[cfg(test)]
mod tests {
    use std::{
        io::{BufRead, BufReader},
        net::SocketAddr,
        path::Path,
        process::{Command, Stdio},
    };

    use base64::{Engine, engine::general_purpose::STANDARD};
    use chrono::{Duration, Utc};

    use super::*;
    use crate::{
        adapters::ct_log_http::HttpCtLog,
        ca::{
            Issued,
            list::pem_certificate,
            test_support::{SECRET, authority_at, checked, dv_csr, openssl, pkilint, temp_dir},
        },
        ports::{clock::FakeClock, ct_log::CtLogInfo, keys::KeySpec},
        store::{certificates, test_db::fresh_store},
        transparency::log_server::{Answer, LogOptions, TestLog},
    };

    /// A test log the test starts, with the key OpenSSL made for it.
    struct RunningLog {
        name: String,
        spki: Vec<u8>,
        task: tokio::task::JoinHandle<std::io::Result<()>>,
        client: Arc<dyn CtLog>,
    }

    impl Drop for RunningLog {
        fn drop(&mut self) {
            self.task.abort();
        }
    }

    async fn start_log(dir: &Path, name: &str, operator: &str, answer: Answer) -> RunningLog {
        let key = dir.join(format!("{name}.key"));
        let out = Command::new("openssl")
            .args([
                "genpkey",
                "-algorithm",
                "EC",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
            ])
            .arg("-out")
            .arg(&key)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let log = TestLog::bind(
            SocketAddr::from(([127, 0, 0, 1], 0)),
            LogOptions {
                key,
                roots: Some(dir.join("root.pem")),
                entries: Some(dir.join(format!("{name}.entries"))),
                answer,
            },
        )
        .await
        .unwrap();
        let spki = log.public_key_der().to_vec();
        let url = url::Url::parse(&format!("http://{}/", log.local_addr())).unwrap();
        let client: Arc<dyn CtLog> = Arc::new(
            HttpCtLog::new(CtLogInfo {
                name: name.into(),
                operator: operator.into(),
                url,
                public_key: spki.clone(),
            })
            .unwrap(),
        );
        RunningLog {
            name: name.into(),
            spki,
            task: log.spawn(),
            client,
        }
    }

    /// A CA whose clock is the real one (a few seconds behind, so OpenSSL finds the
    /// certificate valid), and its certificates in `dir`.
    async fn ca_in(dir: &Path) -> Authority {
        let ca = authority_at(
            fresh_store().await,
            SECRET,
            Arc::new(FakeClock::at(Utc::now() - Duration::seconds(5))),
        );
        ca.init(KeySpec::EcP256).await.unwrap();
        for name in ["root", "tls"] {
            let pem = ca.certificate_pem(name).await.unwrap().unwrap();
            std::fs::write(dir.join(format!("{name}.pem")), pem).unwrap();
        }
        ca
    }

    fn with_logs(ca: Authority, logs: &[&RunningLog], enforced: bool) -> Authority {
        ca.with_transparency(Transparency::new(
            logs.iter().map(|l| l.client.clone()).collect(),
            enforced,
            None,
        ))
    }

    async fn issue_dv(ca: &Authority, dir: &Path, days: i64) -> Result<Issued, CaError> {
        let token = ca
            .prepare(
                &checked(&dv_csr(dir)),
                super::super::SignOptions {
                    profile: "tls-dv",
                    days: Some(days),
                    ..Default::default()
                },
            )
            .await?;
        ca.issue(token).await
    }

    /// OpenSSL's CT log list for `s_client -ctlogfile`.
    fn ctlog_file(dir: &Path, logs: &[&RunningLog]) -> std::path::PathBuf {
        let mut text = format!(
            "enabled_logs = {}\n",
            logs.iter()
                .map(|l| l.name.as_str())
                .collect::<Vec<_>>()
                .join(",")
        );
        for log in logs {
            text.push_str(&format!(
                "\n[{}]\ndescription = Rootline test log {}\nkey = {}\n",
                log.name,
                log.name,
                STANDARD.encode(&log.spki)
            ));
        }
        let path = dir.join("ctlogs.cnf");
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Serves the certificate with `openssl s_server` and connects with `openssl s_client -ct`:
    /// what OpenSSL says of the SCTs and the chain.
    fn s_client_report(dir: &Path, issued: &Issued) -> String {
        std::fs::write(dir.join("leaf.pem"), pem_certificate(&issued.der)).unwrap();
        // OpenSSL judges SCTs at the TLS session's start in whole seconds: an SCT made in
        // the same second as the handshake would count as from the future. Served
        // certificates are older than that; these are a few milliseconds old.
        std::thread::sleep(std::time::Duration::from_millis(1100));
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut server = Command::new("openssl")
            .args(["s_server", "-accept"])
            .arg(format!("127.0.0.1:{port}"))
            .args([
                "-cert",
                "leaf.pem",
                "-key",
                "key.pem",
                "-cert_chain",
                "tls.pem",
                // Answering HTTP, it reads nothing from its (empty) standard input, which
                // would otherwise end the connection before the handshake.
                "-www",
                "-naccept",
                "1",
            ])
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = server.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        // s_server says ACCEPT once it listens.
        assert!(lines.any(|l| l.is_ok_and(|l| l.contains("ACCEPT"))));
        let out = Command::new("openssl")
            .args(["s_client", "-connect"])
            .arg(format!("127.0.0.1:{port}"))
            .args([
                "-servername",
                "www.example.com",
                "-ct",
                "-ctlogfile",
                "ctlogs.cnf",
                "-CAfile",
                "root.pem",
            ])
            .current_dir(dir)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let _ = server.kill();
        let _ = server.wait();
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    }

    #[tokio::test]
    async fn a_public_tls_certificate_embeds_scts_that_openssl_validates_and_pkilint_passes() {
        let dir = temp_dir("ct");
        let ca = ca_in(&dir).await;
        let a = start_log(&dir, "alpha", "OperatorOne", Answer::Honest).await;
        let b = start_log(&dir, "beta", "OperatorTwo", Answer::Honest).await;
        let c = start_log(&dir, "gamma", "OperatorOne", Answer::Honest).await;
        let ca = with_logs(ca, &[&a, &b, &c], true);

        // 199 days: beyond Chrome's 180, so three SCTs are needed.
        let issued = issue_dv(&ca, &dir, 199).await.unwrap();
        let scts = precert::embedded_scts(&issued.der).unwrap();
        assert_eq!(scts.len(), 3);
        assert!(!precert::is_precertificate(
            x509_parser::parse_x509_certificate(&issued.der)
                .unwrap()
                .1
                .tbs_certificate
                .as_ref()
        ));

        // The precertificate was kept with the reservation, and the row keeps the TBS the
        // final certificate signs.
        let row = certificates::find_by_serial(&ca.store, &issued.serial_hex)
            .await
            .unwrap()
            .unwrap();
        let precert_der = row.precert_der.clone().unwrap();
        let (_, precert) = x509_parser::parse_x509_certificate(&precert_der).unwrap();
        assert!(precert::is_precertificate(precert.tbs_certificate.as_ref()));
        let (_, fin) = x509_parser::parse_x509_certificate(&issued.der).unwrap();
        assert_eq!(fin.tbs_certificate.as_ref(), row.tbs_der.as_slice());
        assert_eq!(precert.raw_serial(), fin.raw_serial());
        // Each log saw the precertificate, not the final certificate.
        for log in ["alpha", "beta", "gamma"] {
            let entries = std::fs::read_to_string(dir.join(format!("{log}.entries"))).unwrap();
            assert!(entries.contains("\"precert\""), "{entries}");
            assert!(entries.contains(&STANDARD.encode(&precert_der)), "{log}");
        }

        // The outside judge: OpenSSL validates every SCT against the logs' keys and the chain.
        ctlog_file(&dir, &[&a, &b, &c]);
        let report = s_client_report(&dir, &issued);
        assert!(report.contains("SCTs present (3)"), "{report}");
        assert_eq!(
            report.matches("SCT validation status: valid").count(),
            3,
            "{report}"
        );
        assert!(report.contains("Verify return code: 0 (ok)"), "{report}");

        let text = openssl(&["x509", "-in", "leaf.pem", "-noout", "-text"], &dir);
        assert!(text.contains("CT Precertificate SCTs"), "{text}");
        pkilint(
            &dir,
            "lint_cabf_serverauth_cert",
            "DV-FINAL-CERTIFICATE",
            &issued.der,
        );
        pkilint(
            &dir,
            "lint_cabf_serverauth_cert",
            "DV-PRE-CERTIFICATE",
            &precert_der,
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn a_log_whose_sct_does_not_verify_is_not_counted_and_short_of_the_policy_nothing_final_is_issued()
     {
        let dir = temp_dir("ct-short");
        let ca = ca_in(&dir).await;
        let a = start_log(&dir, "alpha", "OperatorOne", Answer::Honest).await;
        let b = start_log(&dir, "beta", "OperatorTwo", Answer::BadSignature).await;
        let ca = with_logs(ca, &[&a, &b], true);

        let refused = issue_dv(&ca, &dir, 90).await;
        let Err(CaError::Transparency(why)) = refused else {
            panic!("expected a Certificate Transparency refusal, got {refused:?}");
        };
        assert!(
            why.contains("1 SCTs from 1 log operators were obtained"),
            "{why}"
        );
        assert!(why.contains("log beta"), "{why}");
        assert!(why.contains("does not verify"), "{why}");

        // The precertificate is known: kept on its reservation, which OCSP answers for.
        let rows = certificates::all_for_operator(&ca.store).await.unwrap();
        let row = rows.iter().find(|r| r.profile == "tls-dv").unwrap();
        assert_eq!(*row.status, certificates::SIGNING);
        assert!(row.precert_der.is_some());
        assert!(row.cert_der.is_none());
        let audit = crate::store::audit::all(&ca.store).await.unwrap();
        assert!(
            audit
                .iter()
                .any(|e| e.action == "precertificate_unfinished"
                    && e.summary.contains(&row.serial_hex)),
            "{audit:?}"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn a_private_installation_embeds_the_scts_that_came_and_issues_without_the_rest() {
        let dir = temp_dir("ct-private");
        let ca = ca_in(&dir).await;
        let a = start_log(&dir, "alpha", "OperatorOne", Answer::Honest).await;
        let b = start_log(&dir, "beta", "OperatorTwo", Answer::BadSignature).await;
        let ca = with_logs(ca, &[&a, &b], false);

        let issued = issue_dv(&ca, &dir, 90).await.unwrap();
        assert_eq!(precert::embedded_scts(&issued.der).unwrap().len(), 1);
        ctlog_file(&dir, &[&a]);
        let report = s_client_report(&dir, &issued);
        assert!(report.contains("SCT validation status: valid"), "{report}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn certificates_outside_public_tls_never_go_to_the_logs() {
        let dir = temp_dir("ct-other");
        let ca = ca_in(&dir).await;
        let a = start_log(&dir, "alpha", "OperatorOne", Answer::Honest).await;
        let ca = with_logs(ca, &[&a], true);
        let csr = crate::ca::test_support::openssl_csr(
            &dir,
            "ec:P-256",
            "/CN=someone@example.com",
            Some("email:someone@example.com"),
            &[],
        );
        let token = ca
            .prepare(
                &checked(&csr),
                super::super::SignOptions {
                    profile: "smime-mailbox-strict",
                    days: None,
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let issued = ca.issue(token).await.unwrap();
        assert!(precert::embedded_scts(&issued.der).unwrap().is_empty());
        assert!(!dir.join("alpha.entries").exists());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
