//! Settings > Low balance alerts (SET-1 / FIN-5): an administrator reads, saves and removes
//! the alert on the account's balance and on each group's that pays from its own balance.
//! What a movement does to an alert is `low_balance_check`.

use std::collections::HashMap;

use app::i18n::Msg;
use app::model::{
    AccountId, FieldErrors, GroupId, Permission,
    billing::format_money,
    groups::FinanceMode,
    low_balance::{AlertSetting, AlertView, AlertedBalance, LowBalanceAlerts, LowBalanceForm},
};

use super::{BillingError, BillingService};
use crate::{
    domain::{ledger::Holder, low_balance},
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::{
        GroupRow, groups, ledger,
        low_balance_alerts::{self, NewAlert},
    },
};

impl BillingService {
    /// The account's balances an alert can watch, with their alerts. Needs `ManageSettings`.
    pub async fn low_balance_alerts(
        &self,
        caller: &Caller,
    ) -> Result<LowBalanceAlerts, BillingError> {
        caller.require(Permission::ManageSettings)?;
        let account = AccountId(caller.account.id);
        let mut alerts: HashMap<Holder, AlertView> =
            low_balance_alerts::for_account(&self.store, account)
                .await?
                .into_iter()
                .map(|a| {
                    let view = AlertView {
                        enabled: a.enabled,
                        threshold_minor: a.threshold_minor,
                        addresses: low_balance_alerts::addresses_of(&a),
                        below: a.below,
                    };
                    (*a.holder, view)
                })
                .collect();
        let balances: HashMap<Holder, i64> = ledger::balances(&self.store, account.get())
            .await?
            .into_iter()
            .map(|b| (*b.holder, b.balance_minor))
            .collect();
        let mut paying: Vec<GroupRow> = groups::for_account(&self.store, account.get())
            .await?
            .into_iter()
            .filter(|g| *g.finance_mode == FinanceMode::Group)
            .collect();
        paying.sort_by_key(|g| g.name.to_lowercase());
        let mut setting = |balance: AlertedBalance, group_name: Option<String>| {
            let holder = holder_of(balance);
            AlertSetting {
                balance,
                group_name,
                balance_minor: balances.get(&holder).copied().unwrap_or(0),
                alert: alerts.remove(&holder),
            }
        };
        let mut out = vec![setting(AlertedBalance::Account, None)];
        for g in paying {
            out.push(setting(AlertedBalance::Group(GroupId(g.id)), Some(g.name)));
        }
        Ok(LowBalanceAlerts {
            currency: *caller.account.currency,
            balances: out,
        })
    }

    /// Saves the alert on one balance (replacing the one there was). A threshold above the
    /// balance as it is now counts as alerted already: the banner shows at once and the mail
    /// waits for the next drop. Needs `ManageSettings`; another account's group is not found.
    pub async fn set_low_balance_alert(
        &self,
        caller: &Caller,
        form: &LowBalanceForm,
        ip: Option<String>,
    ) -> Result<(), BillingError> {
        caller.require(Permission::ManageSettings)?;
        let currency = *caller.account.currency;
        let balance = AlertedBalance::from_form(&form.group).ok_or(BillingError::NotFound)?;
        let (holder, name) = self.watched(caller, balance, true).await?;
        let valid = form.validate(currency).map_err(BillingError::Invalid)?;
        let account = AccountId(caller.account.id);
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let current = ledger::balance(&tx, account.get(), holder).await?;
        let below = low_balance::change(current, valid.threshold.minor, false).is_some();
        low_balance_alerts::save(
            &tx,
            NewAlert {
                account,
                holder,
                enabled: valid.enabled,
                threshold: valid.threshold,
                addresses: &valid.addresses,
                lang: caller.user.mail_lang(),
                below,
                by_user_id: caller.user.id,
                at: now,
            },
        )
        .await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(account.get()),
                user_id: Some(caller.user.id),
                ip,
                module: "billing",
                action: "low_balance_alert_saved",
                summary: format!(
                    "Low-balance alert on {name} {}: below {} mails {}",
                    if valid.enabled { "on" } else { "off" },
                    format_money(valid.threshold.minor, currency.as_str()),
                    valid.addresses.join(", ")
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes the alert on one balance; removing one that is not there changes nothing.
    /// Needs `ManageSettings`; another account's group is not found.
    pub async fn remove_low_balance_alert(
        &self,
        caller: &Caller,
        balance: AlertedBalance,
        ip: Option<String>,
    ) -> Result<(), BillingError> {
        caller.require(Permission::ManageSettings)?;
        // A group that went back to the account's balance may still have its alert removed.
        let (holder, name) = self.watched(caller, balance, false).await?;
        let account = AccountId(caller.account.id);
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        if low_balance_alerts::remove(&tx, account, holder).await? {
            audit::record(
                &tx,
                now,
                AuditEntry {
                    account_id: Some(account.get()),
                    user_id: Some(caller.user.id),
                    ip,
                    module: "billing",
                    action: "low_balance_alert_removed",
                    summary: format!("Low-balance alert on {name} removed"),
                },
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The ledger holder of one of the caller's balances and how the audit log names it. A
    /// group of another account (or none) is not found; with `paying`, a group that pays from
    /// the account's balance has no balance of its own to watch.
    async fn watched(
        &self,
        caller: &Caller,
        balance: AlertedBalance,
        paying: bool,
    ) -> Result<(Holder, String), BillingError> {
        let AlertedBalance::Group(id) = balance else {
            return Ok((Holder::Account, "the account balance".to_owned()));
        };
        let group = groups::for_account(&self.store, caller.account.id)
            .await?
            .into_iter()
            .find(|g| g.id == id.get())
            .ok_or(BillingError::NotFound)?;
        if paying && *group.finance_mode != FinanceMode::Group {
            return Err(BillingError::Invalid(FieldErrors::single(
                "group",
                Msg::new("err-low-balance-group-pays-account").arg("group", group.name),
            )));
        }
        Ok((Holder::Group(group.id), format!("group {}", group.name)))
    }
}

/// The ledger's holder of a balance an alert watches.
pub(super) fn holder_of(balance: AlertedBalance) -> Holder {
    match balance {
        AlertedBalance::Account => Holder::Account,
        AlertedBalance::Group(g) => Holder::Group(g.get()),
    }
}

#[cfg(test)]
mod tests;
