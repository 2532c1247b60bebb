//! When a low-balance alert mails and when it re-arms (SET-1 / FIN-5): one mail as a balance
//! drops below its threshold, none while it stays there, and again only after it has been back
//! at the threshold or above. Amounts are integer minor units.

/// What a balance's new value does to its alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertChange {
    /// Dropped below the threshold and not alerted yet: mark it and mail once.
    Alert,
    /// Back at the threshold or above after an alert: the next drop mails again.
    Rearm,
}

/// The change a balance of `balance_minor` makes to an alert at `threshold_minor` that is
/// (`marked_below`) or is not already marked below; `None` when it stays as it is.
pub fn change(balance_minor: i64, threshold_minor: i64, marked_below: bool) -> Option<AlertChange> {
    match (balance_minor < threshold_minor, marked_below) {
        (true, false) => Some(AlertChange::Alert),
        (false, true) => Some(AlertChange::Rearm),
        (true, true) | (false, false) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drop_below_alerts_once_and_a_return_to_the_threshold_rearms() {
        // (balance, threshold, marked below, change)
        let table = [
            (4_999, 5_000, false, Some(AlertChange::Alert)),
            (0, 5_000, false, Some(AlertChange::Alert)),
            (4_999, 5_000, true, None),
            (5_000, 5_000, true, Some(AlertChange::Rearm)),
            (9_000, 5_000, true, Some(AlertChange::Rearm)),
            (5_000, 5_000, false, None),
            (9_000, 5_000, false, None),
        ];
        for (balance, threshold, below, expected) in table {
            assert_eq!(
                change(balance, threshold, below),
                expected,
                "{balance} {threshold} {below}"
            );
        }
    }
}
