//! A group's view: who can use it, and why.

use serde::{Deserialize, Serialize};

use super::groups::GroupView;

/// Whether a user works in a group: added to it, or through access to all groups (which a
/// restricted group does not give).
pub fn can_use(restricted: bool, all_groups: bool, member: bool) -> bool {
    member || (all_groups && !restricted)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupUser {
    /// The membership's id (users are addressed per account).
    pub id: i32,
    pub name: String,
    pub email: String,
    pub role_label: super::role_name::RoleName,
    /// Added to the group, rather than there through access to all groups.
    pub member: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupDetail {
    pub group: GroupView,
    pub users: Vec<GroupUser>,
    /// Active users of the account not added to the group yet: `(membership id, "Name <e-mail>")`.
    pub addable: Vec<(i32, String)>,
    /// The account's domains not among the group's yet (the "Specific" choices).
    pub addable_domains: Vec<String>,
    /// The organizations the group's orders may name, `(id, legal name)`; empty for any of
    /// the account's.
    pub organizations: Vec<(super::OrganizationId, String)>,
    /// The account's organizations not among the group's yet.
    pub addable_organizations: Vec<(super::OrganizationId, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_uses_a_group() {
        // (restricted, all groups, member) → can use
        let table = [
            (false, true, false, true),
            (false, false, false, false),
            (false, false, true, true),
            (true, true, false, false),
            (true, true, true, true),
            (true, false, true, true),
        ];
        for (restricted, all, member, expected) in table {
            assert_eq!(
                can_use(restricted, all, member),
                expected,
                "{restricted} {all} {member}"
            );
        }
    }
}
