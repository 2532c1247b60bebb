//! Multi-Perspective Issuance Corroboration (TLS BR 3.2.2.9): the regions a remote
//! perspective can be in, and the tally the primary keeps while the perspectives answer, so
//! the fan-out returns as soon as the outcome is certain instead of waiting for the slowest.
//! How many perspectives, in how many regions, and how many may disagree is dated:
//! `br_rules` says it.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::br_rules::{self, Corroboration};

/// A Regional Internet Registry's service region (BR 3.2.2.9 counts distinct regions, not
/// countries or data centres).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Region {
    Afrinic,
    Apnic,
    Arin,
    Lacnic,
    Ripe,
}

impl Region {
    pub const ALL: [Region; 5] = [
        Region::Afrinic,
        Region::Apnic,
        Region::Arin,
        Region::Lacnic,
        Region::Ripe,
    ];

    /// The name operators write in the configuration and the portal shows.
    pub fn as_str(self) -> &'static str {
        match self {
            Region::Afrinic => "afrinic",
            Region::Apnic => "apnic",
            Region::Arin => "arin",
            Region::Lacnic => "lacnic",
            Region::Ripe => "ripe",
        }
    }

    pub fn parse(text: &str) -> Option<Region> {
        let text = text.trim().to_ascii_lowercase();
        let text = text.strip_suffix(" ncc").unwrap_or(&text);
        Region::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// Where a corroboration stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// More answers could still change the outcome.
    Open,
    /// The quorum in force is met, whatever the others answer.
    Corroborated,
    /// The quorum can no longer be met.
    Refused,
}

/// The answers so far of the remote perspectives asked for one check.
#[derive(Debug, Clone)]
pub struct Tally {
    at: DateTime<Utc>,
    /// Every perspective asked, by region.
    asked: Vec<Region>,
    corroborating: Vec<Region>,
    /// Answers that did not corroborate: a different result, an error, or no answer in time.
    others: Vec<Region>,
}

impl Tally {
    /// A tally for a check made at `at` with the perspectives of `asked` (one entry each).
    pub fn new(at: DateTime<Utc>, asked: Vec<Region>) -> Self {
        Self {
            at,
            asked,
            corroborating: Vec::new(),
            others: Vec::new(),
        }
    }

    /// Whether enough perspectives in enough regions are asked for the quorum to be possible
    /// at all: checked before anything is sent, so too few configured refuses at once.
    pub fn possible(&self) -> bool {
        self.decide(self.asked.len(), &self.asked) != Decision::Refused
    }

    /// Counts one perspective's answer, in `region`.
    pub fn record(&mut self, region: Region, corroborated: bool) {
        if self.corroborating.len() + self.others.len() >= self.asked.len() {
            return;
        }
        if corroborated {
            self.corroborating.push(region);
        } else {
            self.others.push(region);
        }
    }

    /// The outcome, as far as it is certain now.
    pub fn decision(&self) -> Decision {
        self.decide(self.corroborating.len(), &self.corroborating)
    }

    /// What the tally amounts to, as `br_rules` counts it.
    pub fn corroboration(&self) -> Corroboration {
        Corroboration {
            remote_perspectives: self.asked.len(),
            corroborating: self.corroborating.len(),
            corroborating_regions: distinct(&self.corroborating),
        }
    }

    /// `Corroborated` when what has corroborated meets the quorum; `Refused` when even every
    /// outstanding perspective corroborating (in the best regions left) could not.
    fn decide(&self, corroborating: usize, regions: &[Region]) -> Decision {
        let now = Corroboration {
            remote_perspectives: self.asked.len(),
            corroborating,
            corroborating_regions: distinct(regions),
        };
        if br_rules::quorum_met(self.at, now) {
            return Decision::Corroborated;
        }
        let best = Corroboration {
            remote_perspectives: self.asked.len(),
            corroborating: self.asked.len() - self.others.len(),
            corroborating_regions: self.best_regions(),
        };
        if br_rules::quorum_met(self.at, best) {
            Decision::Open
        } else {
            Decision::Refused
        }
    }

    /// The most distinct regions the corroborating perspectives could still span: those that
    /// corroborated, plus the region of every perspective that has not answered.
    fn best_regions(&self) -> usize {
        let mut outstanding = self.asked.clone();
        for answered in self.corroborating.iter().chain(&self.others) {
            if let Some(i) = outstanding.iter().position(|o| o == answered) {
                outstanding.remove(i);
            }
        }
        let mut all: BTreeSet<Region> = self.corroborating.iter().copied().collect();
        all.extend(outstanding);
        all.len()
    }
}

fn distinct(regions: &[Region]) -> usize {
    regions.iter().collect::<BTreeSet<_>>().len()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use Region::{Apnic, Arin, Ripe};

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap()
    }

    fn day_before(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        at(y, m, d) - chrono::Duration::seconds(1)
    }

    #[test]
    fn regions_parse_as_operators_write_them() {
        assert_eq!(Region::parse("RIPE NCC"), Some(Ripe));
        assert_eq!(Region::parse(" arin "), Some(Arin));
        assert_eq!(Region::parse("apnic"), Some(Apnic));
        assert_eq!(Region::parse("europe"), None);
        for r in Region::ALL {
            assert_eq!(Region::parse(r.as_str()), Some(r));
        }
    }

    #[test]
    fn five_perspectives_corroborate_at_the_fourth_agreement_from_2026_12_15() {
        let asked = vec![Arin, Arin, Ripe, Apnic, Ripe];
        let mut t = Tally::new(at(2026, 12, 15), asked);
        assert!(t.possible());
        for (i, r) in [Arin, Ripe, Apnic].into_iter().enumerate() {
            t.record(r, true);
            assert_eq!(t.decision(), Decision::Open, "after {} answers", i + 1);
        }
        t.record(Arin, true);
        assert_eq!(
            t.decision(),
            Decision::Corroborated,
            "4 of 5, one may disagree"
        );
    }

    #[test]
    fn a_second_disagreement_among_five_refuses_without_waiting_for_the_rest() {
        let mut t = Tally::new(at(2026, 12, 15), vec![Arin, Arin, Ripe, Apnic, Ripe]);
        t.record(Arin, false);
        assert_eq!(t.decision(), Decision::Open);
        t.record(Ripe, false);
        assert_eq!(t.decision(), Decision::Refused);
    }

    #[test]
    fn six_perspectives_tolerate_two_disagreements_and_not_three() {
        let asked = vec![Arin, Arin, Ripe, Ripe, Apnic, Apnic];
        let mut t = Tally::new(at(2026, 12, 15), asked.clone());
        t.record(Arin, false);
        t.record(Ripe, false);
        assert_eq!(t.decision(), Decision::Open);
        for r in [Arin, Ripe, Apnic, Apnic] {
            t.record(r, true);
        }
        assert_eq!(t.decision(), Decision::Corroborated);

        let mut refused = Tally::new(at(2026, 12, 15), asked);
        for r in [Arin, Ripe, Apnic] {
            refused.record(r, false);
        }
        assert_eq!(refused.decision(), Decision::Refused);
    }

    #[test]
    fn four_perspectives_suffice_the_day_before_2026_12_15_and_not_on_it() {
        let four = vec![Arin, Ripe, Apnic, Ripe];
        assert!(Tally::new(day_before(2026, 12, 15), four.clone()).possible());
        assert!(!Tally::new(at(2026, 12, 15), four).possible());
    }

    #[test]
    fn three_perspectives_in_one_region_suffice_before_2026_03_15_and_not_on_it() {
        let one_region = vec![Arin, Arin, Arin];
        let mut before = Tally::new(day_before(2026, 3, 15), one_region.clone());
        before.record(Arin, true);
        before.record(Arin, true);
        assert_eq!(before.decision(), Decision::Corroborated);
        assert!(!Tally::new(at(2026, 3, 15), one_region).possible());
    }

    #[test]
    fn agreement_in_one_region_waits_for_a_second_region_when_two_are_required() {
        let mut t = Tally::new(at(2026, 3, 15), vec![Arin, Arin, Ripe]);
        t.record(Arin, true);
        t.record(Arin, true);
        assert_eq!(
            t.decision(),
            Decision::Open,
            "2 of 3 agree, but in one region"
        );
        t.record(Ripe, true);
        assert_eq!(t.decision(), Decision::Corroborated);

        let mut lost = Tally::new(at(2026, 3, 15), vec![Arin, Arin, Ripe]);
        lost.record(Arin, true);
        lost.record(Arin, true);
        lost.record(Ripe, false);
        assert_eq!(lost.decision(), Decision::Refused);
    }

    #[test]
    fn two_perspectives_from_2025_09_15_and_one_is_too_few() {
        assert!(Tally::new(at(2025, 9, 15), vec![Arin, Ripe]).possible());
        assert!(!Tally::new(at(2025, 9, 15), vec![Arin]).possible());
        let mut t = Tally::new(at(2025, 9, 15), vec![Arin, Ripe]);
        t.record(Ripe, true);
        assert_eq!(
            t.decision(),
            Decision::Corroborated,
            "one of two may disagree"
        );
    }

    #[test]
    fn answers_beyond_those_asked_are_not_counted() {
        let mut t = Tally::new(at(2026, 12, 15), vec![Arin, Ripe, Apnic, Arin, Ripe]);
        for _ in 0..10 {
            t.record(Arin, true);
        }
        assert_eq!(t.corroboration().corroborating, 5);
    }
}
