//! Which group pays for an order: one the caller works in (ID-9), the default when none is
//! chosen.

use app::i18n::Msg;
use app::model::{FieldErrors, groups::names_outside};

use super::{OrderError, OrderService};
use crate::{
    services::{access::ensure_default_group, identity::Caller},
    store::{GroupRow, group_domains, group_organizations, organizations},
};

impl OrderService {
    /// The groups the caller may order in, the default first.
    pub(super) async fn usable_groups(&self, caller: &Caller) -> Result<Vec<GroupRow>, OrderError> {
        let account_groups =
            ensure_default_group(&self.store, caller.account.id, self.clock.now()).await?;
        self.groups_worked_in(caller, account_groups).await
    }

    /// The chosen group (0 = the default one), if the caller may use it.
    pub(super) async fn paying_group(
        &self,
        caller: &Caller,
        group_id: i32,
    ) -> Result<GroupRow, OrderError> {
        let usable = self.usable_groups(caller).await?;
        let found = if group_id == 0 {
            usable.iter().find(|g| g.is_default).or(usable.first())
        } else {
            usable.iter().find(|g| g.id == group_id)
        };
        found.cloned().ok_or_else(|| {
            OrderError::Invalid(FieldErrors::single(
                "group_id",
                Msg::new("err-choose-group-you-work-ask"),
            ))
        })
    }

    /// Refuses names outside the group's domains when the administrator limited the group to
    /// specific ones (the seeds' group "Domains: Specific"); a group without any orders for
    /// all of the account's domains.
    pub(super) async fn check_group_domains(
        &self,
        group: &GroupRow,
        names: &[String],
    ) -> Result<(), OrderError> {
        let allowed = group_domains::of_group(
            &self.store,
            app::model::AccountId(group.account_id),
            app::model::GroupId(group.id),
        )
        .await?;
        let outside = names_outside(&allowed, names);
        if outside.is_empty() {
            return Ok(());
        }
        Err(OrderError::Invalid(FieldErrors::single(
            "group_id",
            Msg::new("err-group-orders-only-for")
                .arg("group", &group.name)
                .arg("allowed", allowed.join(", "))
                .arg("outside", outside.join(", "))
                .arg("count", outside.len()),
        )))
    }

    /// Refuses an organization outside the group's when the administrator limited the group
    /// to specific organizations; a group without any orders for all of the account's.
    pub(super) async fn check_group_organization(
        &self,
        group: &GroupRow,
        organization: app::model::OrganizationId,
    ) -> Result<(), OrderError> {
        let account = app::model::AccountId(group.account_id);
        let allowed =
            group_organizations::of_group(&self.store, account, app::model::GroupId(group.id))
                .await?;
        if allowed.is_empty() || allowed.contains(&organization) {
            return Ok(());
        }
        let names: Vec<String> = organizations::names(&self.store, account)
            .await?
            .into_iter()
            .filter(|(id, _)| allowed.contains(id))
            .map(|(_, name)| name)
            .collect();
        Err(OrderError::Invalid(FieldErrors::single(
            "group_id",
            Msg::new("err-group-orders-only-for-organizations")
                .arg("group", &group.name)
                .arg("allowed", names.join(", ")),
        )))
    }
}
