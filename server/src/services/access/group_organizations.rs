//! The organizations a group's orders may name (the seeds' group "Organizations: All or
//! Specific"): none listed means any of the account's organizations; listing one limits the
//! group's OV orders to the listed ones.

use app::i18n::Msg;
use app::model::{AccountId, FieldErrors, GroupId, OrganizationId, Permission};

use super::{AccessError, AccessService};
use crate::{
    services::identity::Caller,
    store::{StoreError, group_organizations, organizations},
};

impl AccessService {
    pub async fn add_group_organization(
        &self,
        caller: &Caller,
        group_id: i32,
        organization: OrganizationId,
        ip: Option<String>,
    ) -> Result<(), AccessError> {
        caller.require(Permission::ManageGroups)?;
        let group = self.group_of(caller, group_id).await?;
        let account = AccountId(caller.account.id);
        let Some(found) = organizations::get(&self.store, account, organization).await? else {
            return Err(AccessError::Invalid(FieldErrors::single(
                "organization_id",
                Msg::new("err-choose-one-account-s-organizations"),
            )));
        };
        let tx = self.store.begin().await?;
        match group_organizations::add(&tx, account, GroupId(group.id), organization).await {
            Ok(()) => {}
            Err(StoreError::Duplicate) => {
                return Err(AccessError::Invalid(FieldErrors::single(
                    "organization_id",
                    Msg::new("err-group-names-organization-already"),
                )));
            }
            Err(e) => return Err(e.into()),
        }
        self.audit_group(
            &tx,
            caller,
            ip,
            "group_organization_added",
            format!(
                "The group {} now orders for the organization {}",
                group.name, found.legal_name
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn remove_group_organization(
        &self,
        caller: &Caller,
        group_id: i32,
        organization: OrganizationId,
        ip: Option<String>,
    ) -> Result<(), AccessError> {
        caller.require(Permission::ManageGroups)?;
        let group = self.group_of(caller, group_id).await?;
        let account = AccountId(caller.account.id);
        let tx = self.store.begin().await?;
        if !group_organizations::remove(&tx, account, GroupId(group.id), organization).await? {
            return Err(AccessError::NotFound);
        }
        let name = organizations::get(&tx, account, organization)
            .await?
            .map_or_else(|| format!("#{organization}"), |o| o.legal_name);
        self.audit_group(
            &tx,
            caller,
            ip,
            "group_organization_removed",
            format!(
                "The group {} no longer orders for the organization {name}",
                group.name
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        ports::Clock,
        services::{access::GroupWorld, identity::test_support::harness},
    };

    async fn organization(
        h: &crate::services::identity::test_support::Harness,
        caller: &Caller,
        name: &str,
    ) -> OrganizationId {
        let form = app::model::organization_form::OrganizationForm {
            legal_name: name.into(),
            org_type: "private_organization".into(),
            registration_number: "U72200KA2009PTC049889".into(),
            registration_agency: "Registrar of Companies, Bengaluru".into(),
            jurisdiction_country: "IN".into(),
            street: "12 MG Road".into(),
            city: "Bengaluru".into(),
            country: "IN".into(),
            phone: "+91 80 4000 1234".into(),
            rep_name: "Asha Rao".into(),
            rep_email: "asha@example.com".into(),
            rep_phone: "+91 98450 12345".into(),
            rep_designation: "Company Secretary".into(),
            ..Default::default()
        };
        let row = organizations::insert(
            &h.store,
            AccountId(caller.account.id),
            &form.validate().unwrap(),
            caller.user.id.into(),
            h.clock.now(),
        )
        .await
        .unwrap();
        OrganizationId(row.id)
    }

    #[tokio::test]
    async fn a_group_is_limited_to_organizations_of_its_account_and_freed_when_none_is_left() {
        let h = harness().await;
        let GroupWorld {
            access,
            admin,
            other,
            group,
            ..
        } = GroupWorld::new(&h).await;
        let acme = organization(&h, &admin, "Acme Widgets Private Limited").await;
        let beta = organization(&h, &admin, "Beta Tools Ltd").await;
        let theirs = organization(&h, &other, "Globex Ltd").await;
        let d = access.group_detail(&admin, group.id).await.unwrap();
        assert!(d.organizations.is_empty(), "a new group names any");
        assert_eq!(
            d.addable_organizations,
            [
                (acme, "Acme Widgets Private Limited".to_owned()),
                (beta, "Beta Tools Ltd".to_owned())
            ]
        );

        access
            .add_group_organization(&admin, group.id, acme, None)
            .await
            .unwrap();
        let d = access.group_detail(&admin, group.id).await.unwrap();
        assert_eq!(
            d.organizations,
            [(acme, "Acme Widgets Private Limited".to_owned())]
        );
        assert_eq!(
            d.addable_organizations,
            [(beta, "Beta Tools Ltd".to_owned())]
        );

        // Refusals change nothing: twice, another account's organization, none at all.
        for (organization, says) in [
            (acme, "already"),
            (theirs, "Organizations page"),
            (OrganizationId(999_999), "Organizations page"),
        ] {
            let refused = access
                .add_group_organization(&admin, group.id, organization, None)
                .await;
            assert!(
                matches!(&refused, Err(AccessError::Invalid(e)) if e.get("organization_id").is_some_and(|m| m.to_string().contains(says))),
                "{organization}: {refused:?}"
            );
        }
        // Another account's administrator: the group does not exist for them.
        assert!(matches!(
            access
                .add_group_organization(&other, group.id, theirs, None)
                .await,
            Err(AccessError::NotFound)
        ));
        assert!(matches!(
            access
                .remove_group_organization(&other, group.id, acme, None)
                .await,
            Err(AccessError::NotFound)
        ));

        access
            .remove_group_organization(&admin, group.id, acme, None)
            .await
            .unwrap();
        assert!(matches!(
            access
                .remove_group_organization(&admin, group.id, acme, None)
                .await,
            Err(AccessError::NotFound)
        ));
        let audit = crate::store::audit::all(&h.store).await.unwrap();
        let actions: Vec<&str> = audit.iter().map(|a| a.action.as_str()).collect();
        assert!(
            actions.ends_with(&["group_organization_added", "group_organization_removed"]),
            "{actions:?}"
        );
    }
}
