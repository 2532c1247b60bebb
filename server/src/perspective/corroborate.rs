//! The primary's fan-out (TLS BR 3.2.2.9): every configured remote perspective runs the same
//! check at once; the answer comes as soon as the quorum in force is met or can no longer be
//! met, and the perspectives still looking are abandoned. Every answer that came is kept, to
//! be recorded with the validation.

use std::{future::Future, pin::Pin, sync::Arc};

use chrono::{DateTime, Utc};
use futures_util::{StreamExt, stream::FuturesUnordered};

use super::client::RemotePerspective;
use crate::{
    domain::{
        br_rules,
        mpic::{Decision, Region, Tally},
    },
    ports::{dns::DnsResolver, http_fetch::HttpFetcher},
};

/// A remote perspective as the fan-out sees it: where it is, and its lookups.
pub trait Remote: DnsResolver + HttpFetcher {
    fn name(&self) -> &str;
    fn region(&self) -> Region;
}

impl Remote for RemotePerspective {
    fn name(&self) -> &str {
        &self.name
    }

    fn region(&self) -> Region {
        self.region
    }
}

/// One perspective's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerspectiveAnswer {
    pub perspective: String,
    pub region: Region,
    pub corroborated: bool,
    /// Why not, when it did not.
    pub detail: Option<String>,
    pub at: DateTime<Utc>,
}

/// What the fan-out found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub corroborated: bool,
    /// The perspectives asked.
    pub asked: usize,
    /// The answers that came before the outcome was certain.
    pub answers: Vec<PerspectiveAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CorroborationError {
    /// Too few perspectives, or too few regions, are configured for the rule in force.
    #[error(
        "multi-perspective corroboration needs {needed} remote perspectives in {regions} RIR regions on this day; {configured} are configured in {configured_regions}"
    )]
    TooFew {
        needed: usize,
        regions: usize,
        configured: usize,
        configured_regions: usize,
    },
}

/// A check run at one perspective: `Ok` when it passes there, `Err` with what it saw.
pub type Check<'a> = Box<
    dyn Fn(Arc<dyn Remote>) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>
        + Send
        + Sync
        + 'a,
>;

/// A check from an async closure over the perspective, so call sites write
/// `check(move |remote| async move { … })` instead of boxing and pinning by hand.
pub fn check<'a, F, Fut>(run: F) -> Check<'a>
where
    F: Fn(Arc<dyn Remote>) -> Fut + Send + Sync + 'a,
    Fut: Future<Output = Result<(), String>> + Send + 'a,
{
    Box::new(move |remote| Box::pin(run(remote)))
}

/// Whether `remotes` are enough, in enough regions, for the quorum in force at `at`: checked
/// before anything is sent, so too few configured refuses at once.
pub fn quorum_possible(
    remotes: &[Arc<dyn Remote>],
    at: DateTime<Utc>,
) -> Result<(), CorroborationError> {
    let regions: Vec<Region> = remotes.iter().map(|r| r.region()).collect();
    if Tally::new(at, regions.clone()).possible() {
        return Ok(());
    }
    Err(CorroborationError::TooFew {
        needed: br_rules::required_remote_perspectives(at),
        regions: br_rules::min_distinct_regions(at),
        configured: remotes.len(),
        configured_regions: regions
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
    })
}

/// Runs `check` at every perspective of `remotes` and waits for all of them: for an
/// installation whose perspectives are too few for the quorum, where their answers are kept
/// and shown but decide nothing. `corroborated` is whether every one of them agreed.
pub async fn ask_all(
    remotes: &[Arc<dyn Remote>],
    now: impl Fn() -> DateTime<Utc>,
    check: Check<'_>,
) -> Outcome {
    let mut running: FuturesUnordered<_> = remotes
        .iter()
        .map(|remote| {
            let remote = remote.clone();
            let run = check(remote.clone());
            async move { (remote, run.await) }
        })
        .collect();
    let mut answers = Vec::new();
    while let Some((remote, result)) = running.next().await {
        answers.push(PerspectiveAnswer {
            perspective: remote.name().to_owned(),
            region: remote.region(),
            corroborated: result.is_ok(),
            detail: result.err(),
            at: now(),
        });
    }
    Outcome {
        corroborated: answers.iter().all(|a| a.corroborated),
        asked: remotes.len(),
        answers,
    }
}

/// Runs `check` at every perspective of `remotes` at once and applies the quorum in force at
/// `at`. `now` stamps each answer.
pub async fn corroborate(
    remotes: &[Arc<dyn Remote>],
    at: DateTime<Utc>,
    now: impl Fn() -> DateTime<Utc>,
    check: Check<'_>,
) -> Result<Outcome, CorroborationError> {
    quorum_possible(remotes, at)?;
    let regions: Vec<Region> = remotes.iter().map(|r| r.region()).collect();
    let mut tally = Tally::new(at, regions);
    let mut running: FuturesUnordered<_> = remotes
        .iter()
        .map(|remote| {
            let remote = remote.clone();
            let run = check(remote.clone());
            async move { (remote, run.await) }
        })
        .collect();
    let mut answers = Vec::new();
    while let Some((remote, result)) = running.next().await {
        tally.record(remote.region(), result.is_ok());
        answers.push(PerspectiveAnswer {
            perspective: remote.name().to_owned(),
            region: remote.region(),
            corroborated: result.is_ok(),
            detail: result.err(),
            at: now(),
        });
        match tally.decision() {
            Decision::Open => continue,
            decided => {
                return Ok(Outcome {
                    corroborated: decided == Decision::Corroborated,
                    asked: remotes.len(),
                    answers,
                });
            }
        }
    }
    // Every perspective answered and the tally is still open: it cannot be, but if the rules
    // ever allowed it, not corroborated is the safe answer.
    Ok(Outcome {
        corroborated: false,
        asked: remotes.len(),
        answers,
    })
}

#[cfg(test)]
mod tests {
    use async_trait::async_trait;
    use chrono::TimeZone;

    use super::*;
    use crate::ports::{
        dns::{CaaRecord, DnsError, FakeDns},
        http_fetch::{FakeHttp, FetchError},
    };
    use Region::{Apnic, Arin, Ripe};

    /// A perspective with its own view of the DNS; `slow` ones never answer.
    struct Fake {
        name: String,
        region: Region,
        dns: FakeDns,
        http: FakeHttp,
        slow: bool,
    }

    #[async_trait]
    impl DnsResolver for Fake {
        async fn txt(&self, name: &str) -> Result<Vec<String>, DnsError> {
            if self.slow {
                // Never answers: the outcome must not wait for it.
                std::future::pending::<()>().await;
            }
            self.dns.txt(name).await
        }

        async fn caa(&self, name: &str) -> Result<Vec<CaaRecord>, DnsError> {
            self.dns.caa(name).await
        }
    }

    #[async_trait]
    impl HttpFetcher for Fake {
        async fn validation_file(&self, d: &str, f: &str) -> Result<String, FetchError> {
            self.http.validation_file(d, f).await
        }

        async fn acme_challenge(&self, d: &str, t: &str) -> Result<String, FetchError> {
            self.http.acme_challenge(d, t).await
        }

        async fn acme_tls_alpn(&self, d: &str) -> Result<Vec<u8>, FetchError> {
            self.http.acme_tls_alpn(d).await
        }
    }

    impl Remote for Fake {
        fn name(&self) -> &str {
            &self.name
        }

        fn region(&self) -> Region {
            self.region
        }
    }

    const NAME: &str = "_validation.shop.example.com";
    const VALUE: &str = "the-random-value";

    /// Perspectives in `regions`; those marked `hijacked` see another value, `slow` ones
    /// answer late.
    fn perspectives(regions: &[(Region, &str)]) -> Vec<Arc<dyn Remote>> {
        regions
            .iter()
            .enumerate()
            .map(|(i, (region, seen))| {
                let fake = Fake {
                    name: format!("p{i}"),
                    region: *region,
                    dns: FakeDns::default(),
                    http: FakeHttp::default(),
                    slow: *seen == "slow",
                };
                let value = if *seen == "hijacked" {
                    "attacker"
                } else {
                    VALUE
                };
                fake.dns.add_txt(NAME, value);
                Arc::new(fake) as Arc<dyn Remote>
            })
            .collect()
    }

    fn txt_check<'a>() -> Check<'a> {
        Box::new(|remote: Arc<dyn Remote>| {
            Box::pin(async move {
                match remote.txt(NAME).await {
                    Ok(seen) if seen.iter().any(|v| v == VALUE) => Ok(()),
                    Ok(seen) => Err(format!("saw {seen:?}")),
                    Err(e) => Err(e.to_string()),
                }
            })
        })
    }

    fn day(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap()
    }

    async fn run(
        regions: &[(Region, &str)],
        at: DateTime<Utc>,
    ) -> Result<Outcome, CorroborationError> {
        corroborate(&perspectives(regions), at, move || at, txt_check()).await
    }

    #[tokio::test]
    async fn one_hijacked_perspective_of_five_is_outvoted_and_two_are_not() {
        let at = day(2026, 12, 15);
        let one = run(
            &[
                (Arin, "ok"),
                (Ripe, "hijacked"),
                (Apnic, "ok"),
                (Arin, "ok"),
                (Ripe, "ok"),
            ],
            at,
        )
        .await
        .unwrap();
        assert!(one.corroborated);
        let two = run(
            &[
                (Arin, "ok"),
                (Ripe, "hijacked"),
                (Apnic, "hijacked"),
                (Arin, "ok"),
                (Ripe, "ok"),
            ],
            at,
        )
        .await
        .unwrap();
        assert!(!two.corroborated);
        let refused: Vec<_> = two.answers.iter().filter(|a| !a.corroborated).collect();
        assert_eq!(refused.len(), 2);
        assert!(
            refused[0]
                .detail
                .as_deref()
                .unwrap_or("")
                .contains("attacker")
        );
    }

    #[tokio::test]
    async fn four_configured_perspectives_are_refused_from_2026_12_15_and_used_the_day_before() {
        let four = [(Arin, "ok"), (Ripe, "ok"), (Apnic, "ok"), (Arin, "ok")];
        let before = run(&four, day(2026, 12, 15) - chrono::Duration::seconds(1))
            .await
            .unwrap();
        assert!(before.corroborated);
        let on = run(&four, day(2026, 12, 15)).await.unwrap_err();
        assert_eq!(
            on,
            CorroborationError::TooFew {
                needed: 5,
                regions: 2,
                configured: 4,
                configured_regions: 3
            }
        );
        assert!(on.to_string().contains("needs 5 remote perspectives"));
    }

    #[tokio::test]
    async fn the_outcome_comes_without_waiting_for_a_slow_perspective() {
        let outcome = run(
            &[
                (Arin, "ok"),
                (Ripe, "ok"),
                (Apnic, "ok"),
                (Arin, "ok"),
                (Ripe, "slow"),
            ],
            day(2026, 12, 15),
        )
        .await
        .unwrap();
        assert!(outcome.corroborated);
        assert_eq!(outcome.asked, 5);
        assert_eq!(outcome.answers.len(), 4, "the slow one was not waited for");
        assert!(outcome.answers.iter().all(|a| a.perspective != "p4"));
    }

    #[tokio::test]
    async fn six_perspectives_outvote_two_hijacked_but_not_three() {
        let at = day(2026, 12, 15);
        let two = [
            (Arin, "hijacked"),
            (Ripe, "hijacked"),
            (Apnic, "ok"),
            (Arin, "ok"),
            (Ripe, "ok"),
            (Apnic, "ok"),
        ];
        assert!(run(&two, at).await.unwrap().corroborated);
        let three = [
            (Arin, "hijacked"),
            (Ripe, "hijacked"),
            (Apnic, "hijacked"),
            (Arin, "ok"),
            (Ripe, "ok"),
            (Apnic, "ok"),
        ];
        assert!(!run(&three, at).await.unwrap().corroborated);
    }
}
