//! What a movement of credits does to low-balance alerts (SET-1 / FIN-5), inside the
//! movement's transaction: a balance that drops below its alert's threshold is marked and its
//! recipients are mailed once; one back at the threshold or above is re-armed. The mail goes
//! through the outbox, so it exists exactly when the movement does.

use app::i18n::{FluentValue, Lang, tr, tr_args};
use app::model::{AccountId, Money};
use chrono::{DateTime, Utc};

use super::BillingError;
use crate::{
    domain::{
        ledger::Holder,
        low_balance::{AlertChange, change},
    },
    ports::Mail,
    services::notifications,
    store::{
        Tx, accounts, groups, ledger,
        low_balance_alerts::{self, AlertRow},
    },
};

/// Applies the alerts of the balances a movement changed (`holders`: the ones it posted to),
/// once their balances have moved. `portal` is the public URL the mail links to.
pub(super) async fn after_movement(
    tx: &Tx,
    account_id: i32,
    holders: &[Holder],
    portal: &str,
    at: DateTime<Utc>,
) -> Result<(), BillingError> {
    let watched: Vec<Holder> = holders
        .iter()
        .copied()
        .filter(|h| matches!(h, Holder::Account | Holder::Group(_)))
        .collect();
    if watched.is_empty() {
        return Ok(());
    }
    let account = AccountId(account_id);
    for alert in low_balance_alerts::enabled_for(tx, account, &watched).await? {
        let balance = ledger::balance(tx, account_id, *alert.holder).await?;
        match change(balance, alert.threshold_minor, alert.below) {
            Some(AlertChange::Alert) => {
                // Only the movement that marks it mails: a concurrent one finds it marked.
                let marked = low_balance_alerts::mark_below(tx, account, alert.id).await?;
                if marked {
                    mail_recipients(tx, &alert, balance, portal, at).await?;
                }
            }
            Some(AlertChange::Rearm) => {
                low_balance_alerts::rearm(tx, account, alert.id).await?;
            }
            None => {}
        }
    }
    Ok(())
}

async fn mail_recipients(
    tx: &Tx,
    alert: &AlertRow,
    balance_minor: i64,
    portal: &str,
    at: DateTime<Utc>,
) -> Result<(), BillingError> {
    let group = match *alert.holder {
        Holder::Group(id) => groups::for_account(tx, alert.account_id)
            .await?
            .into_iter()
            .find(|g| g.id == id)
            .map(|g| g.name),
        Holder::Account | Holder::Operator | Holder::Withdrawal => None,
    };
    let account_name = accounts::find(tx, alert.account_id)
        .await?
        .map(|a| a.name)
        .unwrap_or_default();
    let currency = *alert.currency;
    let text = LowBalanceMail {
        lang: *alert.lang,
        account_name: &account_name,
        group_name: group.as_deref(),
        balance: Money::new(balance_minor, currency),
        threshold: Money::new(alert.threshold_minor, currency),
        link: &format!("{}/billing/add-credits", portal.trim_end_matches('/')),
    };
    for to in low_balance_alerts::addresses_of(alert) {
        notifications::queue(tx, &text.to(&to), at).await?;
    }
    Ok(())
}

/// The alert's mail, in the language of the administrator who saved the alert.
struct LowBalanceMail<'a> {
    lang: Lang,
    account_name: &'a str,
    /// The group whose own balance it is; `None` for the account's.
    group_name: Option<&'a str>,
    balance: Money,
    threshold: Money,
    link: &'a str,
}

impl LowBalanceMail<'_> {
    fn to(&self, address: &str) -> Mail {
        let lang = self.lang;
        let args: [(&'static str, FluentValue<'_>); 5] = [
            ("account", self.account_name.into()),
            ("group", self.group_name.unwrap_or_default().into()),
            ("balance", self.balance.text(lang).into()),
            ("threshold", self.threshold.text(lang).into()),
            ("link", self.link.into()),
        ];
        let (subject, body) = match self.group_name {
            None => (
                "mail-low-balance-account-subject",
                "mail-low-balance-account-body",
            ),
            Some(_) => (
                "mail-low-balance-group-subject",
                "mail-low-balance-group-body",
            ),
        };
        Mail {
            to: address.to_owned(),
            to_name: None,
            subject: tr_args(lang, subject, &args),
            text: format!(
                "{}\n\n{}\n\n{}\n",
                tr(lang, "mail-hello"),
                tr_args(lang, body, &args),
                tr(lang, "mail-signature")
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use app::model::Currency;

    use super::*;

    #[test]
    fn the_mail_names_the_balance_its_amounts_and_the_link_in_each_language() {
        let mail = |lang, group| {
            LowBalanceMail {
                lang,
                account_name: "Acme Ltd",
                group_name: group,
                balance: Money::new(4_000, Currency::Usd),
                threshold: Money::new(5_000, Currency::Usd),
                link: "https://pki.example.com/billing/add-credits",
            }
            .to("ops@example.com")
        };
        let en = mail(Lang::En, None);
        assert_eq!(en.to, "ops@example.com");
        for needle in [
            "Acme Ltd",
            "USD 40.00",
            "USD 50.00",
            "https://pki.example.com/billing/add-credits",
        ] {
            assert!(en.text.contains(needle), "{needle}: {}", en.text);
        }
        let group = mail(Lang::En, Some("Engineering"));
        assert!(group.text.contains("Engineering"), "{}", group.text);
        assert_ne!(group.subject, en.subject);
        let pl = mail(Lang::Pl, Some("Engineering"));
        assert!(pl.text.contains("40,00\u{a0}USD"), "{}", pl.text);
        assert!(pl.text.contains("Engineering"));
        assert_ne!(pl.subject, group.subject);
        assert_ne!(pl.text, group.text);
    }
}
