//! IP restrictions of an account: rules for all users or one, each a range of addresses,
//! enforced on every request by the `ip_restrictions` middleware. Changes that would shut out
//! the administrator making them need an explicit confirmation.

use app::i18n::Msg;
use app::model::Permission;
use std::net::IpAddr;

use app::model::{
    AccountId, FieldErrors, IpRuleId,
    ip_rules::{IpRuleForm, IpRuleView, IpRulesPage},
};

use super::{AccessError, AccessService};
use crate::{
    domain::ip_range::IpRange,
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::{IpRuleRow, Store, StoreError, ip_rules, memberships, users},
};

/// Whether `ip` may be used by the user in the account: yes when no enabled rule applies to
/// them, else when one of those rules contains it.
pub async fn ip_allowed(
    store: &Store,
    account_id: i32,
    user_id: i32,
    ip: IpAddr,
) -> Result<bool, StoreError> {
    let rules = ip_rules::enabled_for(store, account_id, user_id).await?;
    Ok(allows(rules.iter(), ip))
}

fn allows<'a>(rules: impl Iterator<Item = &'a IpRuleRow>, ip: IpAddr) -> bool {
    let mut any = false;
    for rule in rules {
        any = true;
        if IpRange::parse(&rule.start_ip, &rule.end_ip).is_ok_and(|r| r.contains(ip)) {
            return true;
        }
    }
    !any
}

impl AccessService {
    pub async fn ip_rules_page(
        &self,
        caller: &Caller,
        your_ip: IpAddr,
    ) -> Result<IpRulesPage, AccessError> {
        caller.require(Permission::ManageSettings)?;
        let rows = ip_rules::for_account(&self.store, caller.account.id).await?;
        let (members, _) =
            memberships::page_for_account(&self.store, caller.account.id, None, 0, 1000).await?;
        let ids: Vec<i32> = members.iter().map(|m| m.user_id).collect();
        let people = users::find_many(&self.store, &ids).await?;
        let email_of = |id: i32| {
            people
                .iter()
                .find(|u| u.id == id)
                .map(|u| u.email.clone())
                .unwrap_or_default()
        };
        Ok(IpRulesPage {
            rules: rows
                .iter()
                .map(|r| IpRuleView {
                    id: r.id,
                    applies_to: r.user_id.map_or_else(|| "All users".to_owned(), email_of),
                    start: r.start_ip.clone(),
                    end: r.end_ip.clone(),
                    description: r.description.clone(),
                    enabled: r.enabled,
                })
                .collect(),
            users: people.iter().map(|u| u.email.clone()).collect(),
            your_ip: your_ip.to_string(),
        })
    }

    /// Refuses a change that leaves the caller's own address outside their rules, unless
    /// confirmed. `after` are the enabled rules of the account once the change is made.
    fn check_lockout(
        caller: &Caller,
        after: &[IpRuleRow],
        ip: IpAddr,
        confirmed: bool,
    ) -> Result<(), AccessError> {
        let mine = after
            .iter()
            .filter(|r| r.enabled && r.user_id.is_none_or(|u| u == caller.user.id));
        if confirmed || allows(mine, ip) {
            return Ok(());
        }
        Err(AccessError::Invalid(FieldErrors::single(
            "confirm_lockout",
            Msg::new("err-ip-lockout").arg("ip", ip.to_string()),
        )))
    }

    pub async fn add_ip_rule(
        &self,
        caller: &Caller,
        form: &IpRuleForm,
        ip: IpAddr,
    ) -> Result<i32, AccessError> {
        caller.require(Permission::ManageSettings)?;
        let mut errors = FieldErrors::new();
        let range = IpRange::parse(&form.start, &form.end)
            .map_err(|(field, e)| errors.add(field, e.msg()))
            .ok();
        let description = form.description.trim();
        if description.chars().count() > 200 || description.chars().any(char::is_control) {
            errors.add("description", Msg::new("err-enter-most-200-characters-one"));
        } else if let Err(message) = app::model::text::visible(description, "err-what-description")
        {
            errors.add("description", message);
        }
        let user_id = match form.user.trim() {
            "" => None,
            email => {
                let found = match users::find_by_email(&self.store, &email.to_lowercase()).await? {
                    Some(u) => memberships::find(&self.store, u.id, caller.account.id)
                        .await?
                        .map(|_| u.id),
                    None => None,
                };
                if found.is_none() {
                    errors.add("user", Msg::new("err-choose-user-account-all-users"));
                }
                found
            }
        };
        let Some(range) = range.filter(|_| errors.is_empty()) else {
            return Err(AccessError::Invalid(errors));
        };
        let now = self.clock.now();
        let mut after = ip_rules::for_account(&self.store, caller.account.id).await?;
        after.push(IpRuleRow {
            id: 0,
            account_id: caller.account.id,
            user_id,
            start_ip: range.start().to_string(),
            end_ip: range.end().to_string(),
            description: description.to_owned(),
            enabled: true,
            created_at: now,
        });
        Self::check_lockout(caller, &after, ip, form.confirm_lockout)?;
        let tx = self.store.begin().await?;
        let row = ip_rules::insert(
            &tx,
            ip_rules::NewRule {
                account_id: caller.account.id,
                user_id,
                start_ip: &range.start().to_string(),
                end_ip: &range.end().to_string(),
                description,
                created_at: now,
            },
        )
        .await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip: Some(ip.to_string()),
                module: "security",
                action: "ip_rule_added",
                summary: format!(
                    "IP rule {}–{} for {} added",
                    range.start(),
                    range.end(),
                    if form.user.trim().is_empty() {
                        "all users"
                    } else {
                        form.user.trim()
                    }
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(row.id)
    }

    /// Enables, disables (`Some(bool)`) or deletes (`None`) a rule of the caller's account.
    pub async fn change_ip_rule(
        &self,
        caller: &Caller,
        id: i32,
        enabled: Option<bool>,
        ip: IpAddr,
        confirmed: bool,
    ) -> Result<(), AccessError> {
        caller.require(Permission::ManageSettings)?;
        let rules = ip_rules::for_account(&self.store, caller.account.id).await?;
        let rule = rules
            .iter()
            .find(|r| r.id == id)
            .cloned()
            .ok_or(AccessError::NotFound)?;
        let after: Vec<IpRuleRow> = rules
            .into_iter()
            .filter_map(|mut r| {
                if r.id != id {
                    return Some(r);
                }
                enabled.map(|e| {
                    r.enabled = e;
                    r
                })
            })
            .collect();
        Self::check_lockout(caller, &after, ip, confirmed)?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let action = match enabled {
            Some(e) => {
                ip_rules::set_enabled(&tx, AccountId(caller.account.id), IpRuleId(id), e).await?;
                if e {
                    "ip_rule_enabled"
                } else {
                    "ip_rule_disabled"
                }
            }
            None => {
                ip_rules::delete(&tx, AccountId(caller.account.id), IpRuleId(id)).await?;
                "ip_rule_deleted"
            }
        };
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip: Some(ip.to_string()),
                module: "security",
                action,
                summary: format!("IP rule {}–{}: {action}", rule.start_ip, rule.end_ip),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use app::model::Permission;

    use super::*;
    use crate::services::identity::test_support::harness;

    fn rule(user: &str, start: &str, end: &str, confirm: bool) -> IpRuleForm {
        IpRuleForm {
            user: user.into(),
            start: start.into(),
            end: end.into(),
            description: "office".into(),
            confirm_lockout: confirm,
        }
    }

    #[tokio::test]
    async fn rules_allow_blocking_needs_confirmation_and_bad_input_changes_nothing() {
        let h = harness().await;
        let admin = h.signed_in("asha@example.com").await;
        let stranger = h.signed_in("ravi@other.example").await;
        let access = AccessService::for_harness(&h);
        let caller = access
            .authorize(Some(&admin), Permission::ManageSettings)
            .await
            .unwrap();
        let office: IpAddr = "203.0.113.9".parse().unwrap();
        let home: IpAddr = "198.51.100.4".parse().unwrap();
        let account = caller.account.id;
        let me = caller.user.id;
        assert!(
            ip_allowed(&h.store, account, me, home).await.unwrap(),
            "no rules, no limits"
        );

        // Bad input is refused field by field and stores nothing.
        for (form, field) in [
            (rule("", "203.0.113.300", "", false), "start"),
            (rule("", "203.0.113.9", "2001:db8::1", false), "end"),
            (rule("", "203.0.113.9", "203.0.113.1", false), "end"),
            (rule("nobody@example.com", "203.0.113.9", "", false), "user"),
            (rule("ravi@other.example", "203.0.113.9", "", false), "user"),
        ] {
            let result = access.add_ip_rule(&caller, &form, office).await;
            assert!(
                matches!(&result, Err(AccessError::Invalid(e)) if e.get(field).is_some()),
                "{field}: {result:?}"
            );
        }
        assert!(
            ip_rules::for_account(&h.store, account)
                .await
                .unwrap()
                .is_empty()
        );

        // A rule that leaves out the administrator's own address needs confirmation.
        let locked = access
            .add_ip_rule(
                &caller,
                &rule("", "203.0.113.0", "203.0.113.255", false),
                home,
            )
            .await;
        assert!(
            matches!(locked, Err(AccessError::Invalid(e)) if e.get("confirm_lockout").is_some())
        );
        let id = access
            .add_ip_rule(
                &caller,
                &rule("", "203.0.113.0", "203.0.113.255", false),
                office,
            )
            .await
            .unwrap();
        assert!(ip_allowed(&h.store, account, me, office).await.unwrap());
        assert!(!ip_allowed(&h.store, account, me, home).await.unwrap());
        // A user's own rule adds to the rules for all users.
        access
            .add_ip_rule(
                &caller,
                &rule("asha@example.com", "198.51.100.0", "198.51.100.255", false),
                office,
            )
            .await
            .unwrap();
        assert!(ip_allowed(&h.store, account, me, home).await.unwrap());

        // Disabling the office rule from home needs no confirmation: the home rule still
        // allows it. With both disabled, nothing is restricted any more.
        access
            .change_ip_rule(&caller, id, Some(false), home, false)
            .await
            .unwrap();
        assert!(
            !ip_allowed(&h.store, account, me, "192.0.2.1".parse().unwrap())
                .await
                .unwrap()
        );
        let rules = ip_rules::for_account(&h.store, account).await.unwrap();
        let home_rule = rules.iter().find(|r| r.user_id.is_some()).unwrap().id;
        assert!(matches!(
            access
                .change_ip_rule(&caller, home_rule, Some(false), office, false)
                .await,
            Ok(())
        ));
        access
            .change_ip_rule(&caller, home_rule, Some(true), home, false)
            .await
            .unwrap();

        // Another account's administrator cannot see or touch the rules.
        let other = access
            .authorize(Some(&stranger), Permission::ManageSettings)
            .await
            .unwrap();
        assert!(matches!(
            access.change_ip_rule(&other, id, None, home, true).await,
            Err(AccessError::NotFound)
        ));
        assert!(
            access
                .ip_rules_page(&other, home)
                .await
                .unwrap()
                .rules
                .is_empty()
        );
    }
}
