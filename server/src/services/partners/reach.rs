//! Which of a partner's sub-accounts a caller looks after: the partner's pages and the
//! statements of its sub-accounts (`services/billing/statement.rs`) ask the same question.

use app::model::{AccountKind, Role, group_members::can_use};

use crate::{
    services::identity::Caller,
    store::{AccountRow, Db, StoreError, group_members, groups, memberships},
};

/// The caller's account's sub-accounts the caller looks after: all of them, or for a Sub
/// Account User those of the groups they work in. None for an account that is not a partner
/// (a sub-account never reaches its parent or a sibling).
pub(crate) async fn reachable(
    db: &impl Db,
    caller: &Caller,
) -> Result<Vec<AccountRow>, StoreError> {
    if caller.kind != AccountKind::Partner || caller.account.parent_account_id.is_some() {
        return Ok(Vec::new());
    }
    let all = crate::store::sub_accounts::of_partner(db, caller.account.id).await?;
    if caller.role != Role::SubAccountUser {
        return Ok(all);
    }
    let worked_in = groups_worked_in(db, caller).await?;
    let default_group = groups::for_account(db, caller.account.id)
        .await?
        .into_iter()
        .find(|g| g.is_default)
        .map(|g| g.id);
    Ok(all
        .into_iter()
        .filter(|a| {
            a.parent_group_id
                .or(default_group)
                .is_some_and(|g| worked_in.contains(&g))
        })
        .collect())
}

/// The ids of the partner's groups the caller works in (none without a membership).
async fn groups_worked_in(db: &impl Db, caller: &Caller) -> Result<Vec<i32>, StoreError> {
    let Some(membership) = memberships::find(db, caller.user.id, caller.account.id).await? else {
        return Ok(Vec::new());
    };
    let all = *membership.group_access == app::model::users::GroupAccess::All;
    let mut out = Vec::new();
    for g in groups::for_account(db, caller.account.id).await? {
        let member = group_members::of_group(
            db,
            app::model::AccountId(g.account_id),
            app::model::GroupId(g.id),
        )
        .await?
        .contains(&membership.id);
        if can_use(g.restricted, all, member) {
            out.push(g.id);
        }
    }
    Ok(out)
}
