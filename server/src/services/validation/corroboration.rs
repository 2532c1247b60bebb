//! Multi-Perspective Issuance Corroboration from the validation's side (TLS BR 3.2.2.9): a
//! check the primary passed is repeated from the remote perspectives, the round is kept with
//! the validation, and its outcome says whether the validation stands. The portal's DCV,
//! ACME's challenges and the CAA check before issuance all come through here.

use app::{
    i18n::{Lang, Msg},
    model::corroboration::{CorroboratedCheck, CorroborationView, PerspectiveAnswerView},
};

use super::{ValidationError, ValidationService};
use crate::{
    perspective::corroborate::{Check, CorroborationError},
    store::corroborations::{self, AnswerRow, NewAnswer, NewRound, RoundRow},
};

impl ValidationService {
    /// Repeats `check` of `name` from the remote perspectives and keeps the round. `Ok(Err)`
    /// carries the reason to show when the outcome refuses the validation.
    pub(crate) async fn corroborate(
        &self,
        account_id: i32,
        name: &str,
        kind: CorroboratedCheck,
        check: Check<'_>,
    ) -> Result<Result<(), Msg>, ValidationError> {
        let at = self.clock.now();
        let clock = self.clock.clone();
        let round = match self.corroborator.run(at, move || clock.now(), check).await {
            Ok(None) => return Ok(Ok(())),
            Ok(Some(round)) => round,
            Err(CorroborationError::TooFew {
                needed,
                regions,
                configured,
                configured_regions,
            }) => {
                return Ok(Err(Msg::new("err-mpic-too-few")
                    .arg("needed", needed)
                    .arg("regions", regions)
                    .arg("configured", configured)
                    .arg("configured_regions", configured_regions)));
            }
        };
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        let answers: Vec<NewAnswer<'_>> = round
            .outcome
            .answers
            .iter()
            .map(|a| NewAnswer {
                perspective: &a.perspective,
                region: a.region.as_str(),
                corroborated: a.corroborated,
                detail: a.detail.as_deref(),
                at: a.at,
            })
            .collect();
        let tx = self.store.begin().await?;
        corroborations::insert(
            &tx,
            NewRound {
                account_id,
                name: &name,
                check: kind,
                asked: round.outcome.asked,
                corroborated: round.outcome.corroborated,
                enforced: round.enforced,
                at,
                answers: &answers,
            },
        )
        .await?;
        tx.commit().await?;
        if round.allows() {
            return Ok(Ok(()));
        }
        let seen = round
            .outcome
            .answers
            .iter()
            .filter(|a| !a.corroborated)
            .map(|a| {
                format!(
                    "{} ({}): {}",
                    a.perspective,
                    a.region.as_str(),
                    a.detail.as_deref().unwrap_or("").trim_end_matches('.')
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        Ok(Err(Msg::new("err-mpic-refused")
            .arg(
                "corroborating",
                round
                    .outcome
                    .answers
                    .iter()
                    .filter(|a| a.corroborated)
                    .count(),
            )
            .arg("asked", round.outcome.asked)
            .arg("seen", seen)))
    }

    /// The newest round of each of `names` in the account, as the domain pages show it.
    pub(crate) async fn corroboration_views(
        &self,
        account_id: i32,
        names: &[String],
    ) -> Result<std::collections::HashMap<String, CorroborationView>, ValidationError> {
        let lower: Vec<String> = names
            .iter()
            .map(|n| n.trim_end_matches('.').to_ascii_lowercase())
            .collect();
        Ok(corroborations::newest_for(&self.store, account_id, &lower)
            .await?
            .into_iter()
            .map(|(name, (round, answers))| (name, round_view(&round, &answers)))
            .collect())
    }
}

fn round_view(round: &RoundRow, answers: &[AnswerRow]) -> CorroborationView {
    CorroborationView {
        check: *round.check_kind,
        at: app::model::Stamp::from(round.at),
        asked: u32::try_from(round.asked).unwrap_or(0),
        corroborated: round.corroborated,
        enforced: round.enforced,
        answers: answers
            .iter()
            .map(|a| PerspectiveAnswerView {
                perspective: a.perspective.clone(),
                region: a.region.clone(),
                corroborated: a.corroborated,
                detail: a.detail.clone(),
                at: app::model::Stamp::from(a.at),
            })
            .collect(),
    }
}

/// A refusal as ACME problems and order events carry it: in English, as they are kept.
pub fn refusal_text(why: &Msg) -> String {
    why.text(Lang::En)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use app::model::domains::{AddDomainForm, DomainStatus};
    use chrono::{Duration, TimeZone, Utc};

    use super::super::{CheckOutcome, test_support::harness};
    use super::*;
    use crate::{
        domain::br_rules::Rule,
        perspective::{corroborator::Corroborator, fake::FakeRemote},
    };

    const NAME: &str = "shop.example.com";

    /// The harness's service with `remotes`, a domain to validate by DNS and its value
    /// published where the primary and every perspective look, at `at`; the perspectives in
    /// `hijacked` see an attacker's value instead.
    async fn set_up(
        remotes: &[Arc<FakeRemote>],
        hijacked: &[usize],
        public_trust: bool,
        at: chrono::DateTime<Utc>,
    ) -> (super::super::test_support::Harness, ValidationService, i32) {
        let h = harness().await;
        h.clock.set(at);
        let service = ValidationService::new(
            h.store.clone(),
            h.clock.clone(),
            Arc::new(crate::ports::random::CountingRandom::default()),
            h.dns.clone(),
            h.http.clone(),
            "https://portal.rootline.test".into(),
        )
        .with_corroborator(Arc::new(Corroborator::new(
            FakeRemote::as_remotes(remotes),
            public_trust,
        )));
        let d = service
            .add_domain(
                h.account_id,
                &AddDomainForm {
                    name: NAME.into(),
                    method: "dns_txt".into(),
                },
            )
            .await
            .unwrap();
        let value = d.value.unwrap_or_default();
        h.dns.add_txt(NAME, &value);
        for (i, r) in remotes.iter().enumerate() {
            let seen = if hijacked.contains(&i) {
                "the-attackers-value"
            } else {
                value.as_str()
            };
            r.dns.add_txt(NAME, seen);
        }
        (h, service, d.id)
    }

    fn day(y: i32, m: u32, d: u32) -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap()
    }

    #[tokio::test]
    async fn a_validation_stands_with_one_of_five_perspectives_disagreeing_and_the_round_is_shown()
    {
        let remotes = FakeRemote::spread(5);
        let (h, service, id) = set_up(&remotes, &[1], true, day(2026, 12, 15)).await;
        let outcome = service.verify(h.account_id, id, Lang::En).await.unwrap();
        assert!(
            matches!(outcome, CheckOutcome::Verified { .. }),
            "{outcome:?}"
        );
        let page = service.domains_page(h.account_id, true).await.unwrap();
        let round = page.domains[0]
            .corroboration
            .clone()
            .expect("a round is shown");
        assert_eq!(round.check, CorroboratedCheck::DnsTxt);
        assert!(round.corroborated && round.enforced);
        assert_eq!(round.asked, 5);
        assert!(round.corroborating() >= 4, "{round:?}");
        // Another account sees none of it.
        let other = service
            .domains_page(h.other_account_id, true)
            .await
            .unwrap();
        assert!(other.domains.is_empty());
    }

    #[tokio::test]
    async fn two_hijacked_perspectives_of_five_refuse_the_validation_and_say_what_they_saw() {
        let remotes = FakeRemote::spread(5);
        let (h, service, id) = set_up(&remotes, &[1, 2], true, day(2026, 12, 15)).await;
        let outcome = service.verify(h.account_id, id, Lang::En).await.unwrap();
        let CheckOutcome::NotYet(why) = outcome else {
            panic!("{outcome:?}")
        };
        assert_eq!(why.key(), "err-mpic-refused");
        let text = why.text(Lang::En);
        assert!(
            text.contains("p1 (ripe)") && text.contains("p2 (apnic)"),
            "{text}"
        );
        assert!(text.contains("do not hold the value"), "{text}");
        let page = service.domains_page(h.account_id, true).await.unwrap();
        let d = &page.domains[0];
        assert_eq!(d.status, DomainStatus::Pending);
        let round = d.corroboration.clone().unwrap();
        assert!(!round.corroborated && round.enforced);
    }

    #[tokio::test]
    async fn four_perspectives_serve_a_public_ca_the_day_before_2026_12_15_and_not_on_it() {
        let remotes = FakeRemote::spread(4);
        let on = Rule::MpicFivePerspectives.starts();
        let (h, service, id) = set_up(&remotes, &[], true, on - Duration::seconds(1)).await;
        let before = service.verify(h.account_id, id, Lang::En).await.unwrap();
        assert!(
            matches!(before, CheckOutcome::Verified { .. }),
            "{before:?}"
        );

        let (h, service, id) = set_up(&remotes, &[], true, on).await;
        let after = service.verify(h.account_id, id, Lang::En).await.unwrap();
        let CheckOutcome::NotYet(why) = after else {
            panic!("{after:?}")
        };
        assert_eq!(why.key(), "err-mpic-too-few");
        assert!(
            why.text(Lang::En)
                .contains("from 5 remote network perspectives")
        );
    }

    #[tokio::test]
    async fn a_private_ca_with_too_few_perspectives_keeps_their_answers_and_is_not_refused() {
        let remotes = FakeRemote::spread(1);
        let (h, service, id) = set_up(&remotes, &[0], false, day(2026, 12, 15)).await;
        let outcome = service.verify(h.account_id, id, Lang::En).await.unwrap();
        assert!(
            matches!(outcome, CheckOutcome::Verified { .. }),
            "{outcome:?}"
        );
        let page = service.domains_page(h.account_id, true).await.unwrap();
        let round = page.domains[0].corroboration.clone().unwrap();
        assert!(!round.enforced && !round.corroborated);
        assert_eq!(round.answers.len(), 1);
        assert!(round.answers[0].detail.is_some());
    }

    #[tokio::test]
    async fn a_private_ca_without_perspectives_validates_alone_and_records_no_round() {
        let (h, service, id) = set_up(&[], &[], false, day(2026, 12, 15)).await;
        let outcome = service.verify(h.account_id, id, Lang::En).await.unwrap();
        assert!(matches!(outcome, CheckOutcome::Verified { .. }));
        let page = service.domains_page(h.account_id, true).await.unwrap();
        assert_eq!(page.domains[0].corroboration, None);
    }
}
