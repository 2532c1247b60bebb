//! The ledger's rules (FIN-2): who is debited and credited by each kind of transaction, that
//! every transaction balances, and the spend limit of a group. Amounts are integer minor units.

/// Whose balance an entry changes, within one account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Holder {
    /// The operator's side: where granted credits come from and where charges go. Its balance
    /// is minus the credits outstanding, so it alone runs below zero.
    Operator,
    /// The account's own balance.
    Account,
    /// A group's allocated balance.
    Group(i32),
    /// Credits held for a withdrawal the operator has not yet paid out or refused: no longer
    /// the account's to spend, not yet gone from the account.
    Withdrawal,
}

impl Holder {
    /// The stored key: `operator`, `account`, `group:<id>`.
    pub fn key(self) -> String {
        match self {
            Self::Operator => "operator".into(),
            Self::Account => "account".into(),
            Self::Group(id) => format!("group:{id}"),
            Self::Withdrawal => "withdrawal".into(),
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        match key {
            "operator" => Some(Self::Operator),
            "account" => Some(Self::Account),
            "withdrawal" => Some(Self::Withdrawal),
            other => other
                .strip_prefix("group:")
                .and_then(|id| id.parse().ok())
                .map(Self::Group),
        }
    }

    /// Only the operator's side may hold a negative balance.
    pub fn may_go_negative(self) -> bool {
        self == Self::Operator
    }
}

/// The kinds of transaction; the app's model names them (statement filters and labels).
pub use app::model::statement::LedgerKind as Kind;

/// One side of a transaction: a signed change of one holder's balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub holder: Holder,
    pub amount_minor: i64,
}

/// Why a movement cannot be posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostingError {
    /// Amounts are positive; the postings carry the signs.
    NotPositive,
    /// Allocation moves credits between the account and a group, so it needs the group.
    NeedsGroup,
}

/// The postings of a movement of `amount_minor` (> 0): the first is always the debit.
/// `group` is the group allocated to or from, or for an order the group that pays when its
/// finance mode is `group` (`None`: the account pays).
pub fn postings(
    kind: Kind,
    amount_minor: i64,
    group: Option<i32>,
) -> Result<[Posting; 2], PostingError> {
    if amount_minor <= 0 {
        return Err(PostingError::NotPositive);
    }
    let payer = group.map_or(Holder::Account, Holder::Group);
    let (from, to) = match kind {
        Kind::Grant => (Holder::Operator, Holder::Account),
        Kind::Allocate => (Holder::Account, group_of(group)?),
        Kind::Deallocate => (group_of(group)?, Holder::Account),
        Kind::OrderCharge => (payer, Holder::Operator),
        Kind::OrderRefund => (Holder::Operator, payer),
        Kind::Payment => (Holder::Operator, Holder::Account),
        Kind::WithdrawalHold => (Holder::Account, Holder::Withdrawal),
        Kind::WithdrawalPaid => (Holder::Withdrawal, Holder::Operator),
        Kind::WithdrawalRelease => (Holder::Withdrawal, Holder::Account),
    };
    Ok([
        Posting {
            holder: from,
            amount_minor: -amount_minor,
        },
        Posting {
            holder: to,
            amount_minor,
        },
    ])
}

fn group_of(group: Option<i32>) -> Result<Holder, PostingError> {
    group.map(Holder::Group).ok_or(PostingError::NeedsGroup)
}

/// A transaction balances when its entries sum to zero (checked without overflow).
pub fn balances(postings: &[Posting]) -> bool {
    postings
        .iter()
        .try_fold(0i64, |sum, p| sum.checked_add(p.amount_minor))
        == Some(0)
}

/// What a group may still spend under its limit; `None` without a limit. Never below zero.
pub fn spend_limit_left(limit_minor: Option<i64>, spent_minor: i64) -> Option<i64> {
    limit_minor.map(|limit| limit.saturating_sub(spent_minor).max(0))
}

/// Whether charging `amount_minor` keeps the group's spending (charges minus refunds) within
/// its limit.
pub fn within_spend_limit(limit_minor: Option<i64>, spent_minor: i64, amount_minor: i64) -> bool {
    match limit_minor {
        None => true,
        Some(limit) => spent_minor
            .checked_add(amount_minor)
            .is_some_and(|total| total <= limit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holder_keys_round_trip() {
        for h in [
            Holder::Operator,
            Holder::Account,
            Holder::Group(1),
            Holder::Group(4711),
            Holder::Withdrawal,
        ] {
            assert_eq!(Holder::parse(&h.key()), Some(h));
        }
        for bad in ["", "group:", "group:x", "groups:1", "Account"] {
            assert_eq!(Holder::parse(bad), None, "{bad}");
        }
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
            // The stored column holds 16 characters.
            assert!(k.as_str().len() <= 16, "{k:?}");
        }
    }

    #[test]
    fn each_kind_debits_and_credits_the_right_holders_and_balances() {
        use Holder::*;
        // (kind, group, debited, credited)
        let table = [
            (Kind::Grant, None, Operator, Account),
            (Kind::Grant, Some(3), Operator, Account),
            (Kind::Allocate, Some(3), Account, Group(3)),
            (Kind::Deallocate, Some(3), Group(3), Account),
            (Kind::OrderCharge, None, Account, Operator),
            (Kind::OrderCharge, Some(3), Group(3), Operator),
            (Kind::OrderRefund, None, Operator, Account),
            (Kind::OrderRefund, Some(3), Operator, Group(3)),
            (Kind::Payment, None, Operator, Account),
            (Kind::WithdrawalHold, None, Account, Withdrawal),
            (Kind::WithdrawalPaid, None, Withdrawal, Operator),
            (Kind::WithdrawalRelease, None, Withdrawal, Account),
        ];
        for (kind, group, from, to) in table {
            let p = postings(kind, 2_500, group).unwrap();
            assert_eq!(
                p,
                [
                    Posting {
                        holder: from,
                        amount_minor: -2_500
                    },
                    Posting {
                        holder: to,
                        amount_minor: 2_500
                    }
                ],
                "{kind:?} {group:?}"
            );
            assert!(balances(&p));
        }
    }

    #[test]
    fn movements_need_a_positive_amount_and_allocations_a_group() {
        for amount in [0, -1, i64::MIN] {
            assert_eq!(
                postings(Kind::Grant, amount, None),
                Err(PostingError::NotPositive)
            );
        }
        for kind in [Kind::Allocate, Kind::Deallocate] {
            assert_eq!(postings(kind, 5, None), Err(PostingError::NeedsGroup));
        }
    }

    #[test]
    fn unbalanced_or_overflowing_entries_do_not_balance() {
        let p = |holder, amount_minor| Posting {
            holder,
            amount_minor,
        };
        assert!(balances(&[]));
        assert!(!balances(&[p(Holder::Account, 5)]));
        assert!(!balances(&[p(Holder::Account, 5), p(Holder::Operator, -4)]));
        assert!(!balances(&[
            p(Holder::Account, i64::MAX),
            p(Holder::Operator, i64::MAX),
            p(Holder::Group(1), 2),
        ]));
        assert!(balances(&[
            p(Holder::Account, 7),
            p(Holder::Group(1), -3),
            p(Holder::Operator, -4),
        ]));
    }

    #[test]
    fn the_spend_limit_counts_charges_minus_refunds() {
        // (limit, spent, amount, allowed, left before)
        let table = [
            (None, 0, 1_000_000, true, None),
            (Some(10_000), 0, 10_000, true, Some(10_000)),
            (Some(10_000), 2_500, 7_500, true, Some(7_500)),
            (Some(10_000), 2_500, 7_501, false, Some(7_500)),
            (Some(0), 0, 1, false, Some(0)),
            (Some(10_000), 12_000, 1, false, Some(0)),
            (Some(i64::MAX), i64::MAX, 1, false, Some(0)),
        ];
        for (limit, spent, amount, allowed, left) in table {
            assert_eq!(
                within_spend_limit(limit, spent, amount),
                allowed,
                "{limit:?} {spent} {amount}"
            );
            assert_eq!(spend_limit_left(limit, spent), left);
        }
    }
}
