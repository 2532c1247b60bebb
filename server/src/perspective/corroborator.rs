//! The primary's remote perspectives as configured, and how much their outcome counts. A
//! publicly trusted installation (`ROOTLINE_PUBLIC_TRUST`) must corroborate every domain
//! validation and CAA check with the quorum in force (TLS BR 3.2.2.9); a private one asks the
//! perspectives it has, and their outcome decides only when they are enough for the quorum.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::corroborate::{
    Check, CorroborationError, Outcome, Remote, ask_all, corroborate, quorum_possible,
};
use crate::domain::br_rules;

/// A fan-out that ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    pub outcome: Outcome,
    /// Whether the outcome decides the validation: the quorum binds (from 2025-09-15) and the
    /// perspectives are enough for it.
    pub enforced: bool,
}

impl Round {
    /// Whether the validation may go on: corroborated, or an outcome that decides nothing.
    pub fn allows(&self) -> bool {
        self.outcome.corroborated || !self.enforced
    }
}

#[derive(Clone, Default)]
pub struct Corroborator {
    remotes: Vec<Arc<dyn Remote>>,
    public_trust: bool,
}

impl Corroborator {
    pub fn new(remotes: Vec<Arc<dyn Remote>>, public_trust: bool) -> Self {
        Self {
            remotes,
            public_trust,
        }
    }

    /// No perspectives and not publicly trusted: the primary alone validates.
    pub fn none() -> Self {
        Self::default()
    }

    pub fn public_trust(&self) -> bool {
        self.public_trust
    }

    pub fn remotes(&self) -> &[Arc<dyn Remote>] {
        &self.remotes
    }

    /// Whether a publicly trusted installation has enough perspectives for the rule in force
    /// at `at` (a private one always may go on).
    pub fn ready(&self, at: DateTime<Utc>) -> Result<(), CorroborationError> {
        if self.public_trust {
            quorum_possible(&self.remotes, at)?;
        }
        Ok(())
    }

    /// Repeats `check` from the remote perspectives. `None` when there are none to ask and
    /// none are required; `TooFew` when a publicly trusted installation lacks them.
    pub async fn run(
        &self,
        at: DateTime<Utc>,
        now: impl Fn() -> DateTime<Utc>,
        check: Check<'_>,
    ) -> Result<Option<Round>, CorroborationError> {
        if self.remotes.is_empty() && !self.public_trust {
            return Ok(None);
        }
        let binding = br_rules::quorum_binding(at);
        match quorum_possible(&self.remotes, at) {
            Ok(()) => Ok(Some(Round {
                outcome: corroborate(&self.remotes, at, now, check).await?,
                enforced: binding,
            })),
            Err(too_few) if self.public_trust => Err(too_few),
            // Too few for the quorum on a private installation: every answer is kept and
            // shown, and none decides.
            Err(_) => Ok(Some(Round {
                outcome: ask_all(&self.remotes, now, check).await,
                enforced: false,
            })),
        }
    }
}
