//! The domains a group orders for (the seeds' "Domains: All or Specific"): none listed means
//! all of the account's domains; listing one limits the group's orders to the listed domains
//! and their sub-domains.

use app::i18n::Msg;
use app::model::{AccountId, FieldErrors, GroupId, Permission, dns_name};

use super::{AccessError, AccessService};
use crate::{
    services::identity::Caller,
    store::{StoreError, domains, group_domains},
};

impl AccessService {
    pub async fn add_group_domain(
        &self,
        caller: &Caller,
        group_id: i32,
        domain: &str,
        ip: Option<String>,
    ) -> Result<(), AccessError> {
        caller.require(Permission::ManageGroups)?;
        let group = self.group_of(caller, group_id).await?;
        let domain = dns_name::normalize(domain);
        let known = domains::for_account(&self.store, caller.account.id)
            .await?
            .into_iter()
            .any(|d| d.name == domain);
        if !known {
            return Err(AccessError::Invalid(FieldErrors::single(
                "domain",
                Msg::new("err-choose-one-account-s-domains"),
            )));
        }
        let tx = self.store.begin().await?;
        match group_domains::add(
            &tx,
            AccountId(caller.account.id),
            GroupId(group.id),
            &domain,
        )
        .await
        {
            Ok(()) => {}
            Err(StoreError::Duplicate) => {
                return Err(AccessError::Invalid(FieldErrors::single(
                    "domain",
                    Msg::new("err-group-orders-domain-already"),
                )));
            }
            Err(e) => return Err(e.into()),
        }
        self.audit_group(
            &tx,
            caller,
            ip,
            "group_domain_added",
            format!("The group {} now orders for {domain}", group.name),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn remove_group_domain(
        &self,
        caller: &Caller,
        group_id: i32,
        domain: &str,
        ip: Option<String>,
    ) -> Result<(), AccessError> {
        caller.require(Permission::ManageGroups)?;
        let group = self.group_of(caller, group_id).await?;
        let domain = dns_name::normalize(domain);
        let tx = self.store.begin().await?;
        if !group_domains::remove(
            &tx,
            AccountId(caller.account.id),
            GroupId(group.id),
            &domain,
        )
        .await?
        {
            return Err(AccessError::NotFound);
        }
        self.audit_group(
            &tx,
            caller,
            ip,
            "group_domain_removed",
            format!("The group {} no longer orders for {domain}", group.name),
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

    async fn account_domain(
        h: &crate::services::identity::test_support::Harness,
        account_id: i32,
        name: &str,
    ) {
        domains::insert(
            &h.store,
            account_id,
            domains::NewDomain {
                name,
                method: app::model::domains::DcvMethod::DnsTxt,
                random_value: "value",
            },
            h.clock.now(),
        )
        .await
        .unwrap();
    }

    #[tokio::test]
    async fn a_group_is_limited_to_domains_of_its_account_and_freed_when_none_is_left() {
        let h = harness().await;
        let GroupWorld {
            access,
            admin,
            other,
            group,
            ..
        } = GroupWorld::new(&h).await;
        account_domain(&h, admin.account.id, "example.com").await;
        account_domain(&h, admin.account.id, "example.org").await;
        account_domain(&h, other.account.id, "other.example").await;
        assert!(group.domains.is_empty(), "a new group orders for all");
        let d = access.group_detail(&admin, group.id).await.unwrap();
        assert_eq!(d.addable_domains, ["example.com", "example.org"]);

        access
            .add_group_domain(&admin, group.id, " Example.COM ", None)
            .await
            .unwrap();
        let d = access.group_detail(&admin, group.id).await.unwrap();
        assert_eq!(d.group.domains, ["example.com"]);
        assert_eq!(d.addable_domains, ["example.org"]);

        // Refusals change nothing: twice, another account's domain, a domain not in any.
        for (domain, says) in [
            ("example.com", "already"),
            ("other.example", "Domains page"),
            ("nowhere.example", "Domains page"),
        ] {
            let refused = access
                .add_group_domain(&admin, group.id, domain, None)
                .await;
            assert!(
                matches!(&refused, Err(AccessError::Invalid(e)) if e.get("domain").is_some_and(|m| m.to_string().contains(says))),
                "{domain}: {refused:?}"
            );
        }
        // Another account's administrator: the group does not exist for them.
        assert!(matches!(
            access
                .add_group_domain(&other, group.id, "other.example", None)
                .await,
            Err(AccessError::NotFound)
        ));
        assert!(matches!(
            access
                .remove_group_domain(&other, group.id, "example.com", None)
                .await,
            Err(AccessError::NotFound)
        ));
        assert_eq!(
            access
                .group_detail(&admin, group.id)
                .await
                .unwrap()
                .group
                .domains,
            ["example.com"]
        );

        access
            .remove_group_domain(&admin, group.id, "example.com", None)
            .await
            .unwrap();
        assert!(matches!(
            access
                .remove_group_domain(&admin, group.id, "example.com", None)
                .await,
            Err(AccessError::NotFound)
        ));
        assert!(
            access.groups_page(&admin).await.unwrap().groups[0]
                .domains
                .is_empty()
        );
        let audit = crate::store::audit::all(&h.store).await.unwrap();
        let actions: Vec<&str> = audit.iter().map(|a| a.action.as_str()).collect();
        assert!(
            actions.ends_with(&["group_domain_added", "group_domain_removed"]),
            "{actions:?}"
        );
    }
}
