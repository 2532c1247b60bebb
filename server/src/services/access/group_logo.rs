//! A group's logo (the seeds' "Upload a Logo (if required)"): a small PNG or JPEG, told by its
//! bytes, served only to signed-in users of the group's account.

use app::model::{AccountId, FieldErrors, GroupId, Permission, groups::logo_from_data_url};

use super::{AccessError, AccessService};
use crate::{
    services::identity::Caller,
    store::{group_logos, group_members},
};

/// A logo to send: its type and bytes.
pub struct GroupLogo {
    pub content_type: String,
    pub bytes: Vec<u8>,
}

impl AccessService {
    pub async fn set_group_logo(
        &self,
        caller: &Caller,
        group_id: i32,
        data_url: &str,
        ip: Option<String>,
    ) -> Result<(), AccessError> {
        caller.require(Permission::ManageGroups)?;
        let group = self.group_of(caller, group_id).await?;
        let (content_type, bytes) = logo_from_data_url(data_url)
            .map_err(|e| AccessError::Invalid(FieldErrors::single("logo", e)))?;
        let size = bytes.len();
        let tx = self.store.begin().await?;
        group_logos::put(
            &tx,
            AccountId(caller.account.id),
            GroupId(group.id),
            content_type,
            bytes,
            self.clock.now(),
        )
        .await?;
        self.audit_group(
            &tx,
            caller,
            ip,
            "group_logo_set",
            format!(
                "New logo for the group {} ({content_type}, {size} bytes)",
                group.name
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn remove_group_logo(
        &self,
        caller: &Caller,
        group_id: i32,
        ip: Option<String>,
    ) -> Result<(), AccessError> {
        caller.require(Permission::ManageGroups)?;
        let group = self.group_of(caller, group_id).await?;
        let tx = self.store.begin().await?;
        if !group_logos::remove(&tx, AccountId(caller.account.id), GroupId(group.id)).await? {
            return Err(AccessError::NotFound);
        }
        self.audit_group(
            &tx,
            caller,
            ip,
            "group_logo_removed",
            format!("Removed the logo of the group {}", group.name),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The logo of a group of the session's account, for any signed-in user of it: pages
    /// beyond the groups page may show it, and it tells nothing an account's users may not
    /// know.
    pub async fn group_logo(
        &self,
        token: Option<&str>,
        group_id: i32,
    ) -> Result<GroupLogo, AccessError> {
        let caller = self.signed_in(token).await?;
        group_members::group_of_account(&self.store, caller.account.id, group_id)
            .await?
            .ok_or(AccessError::NotFound)?;
        let logo = group_logos::get(&self.store, AccountId(caller.account.id), GroupId(group_id))
            .await?
            .ok_or(AccessError::NotFound)?;
        Ok(GroupLogo {
            content_type: logo.content_type,
            bytes: logo.bytes,
        })
    }
}

#[cfg(test)]
mod tests {
    use app::model::groups::logo_data_url;

    use super::*;
    use crate::services::{access::GroupWorld, identity::test_support::harness};

    #[tokio::test]
    async fn a_logo_is_set_replaced_served_to_its_account_only_and_removed() {
        let h = harness().await;
        let GroupWorld {
            access,
            token,
            admin,
            stranger,
            other,
            group,
        } = GroupWorld::new(&h).await;
        assert_eq!(group.logo_url, None);
        assert!(matches!(
            access.group_logo(Some(&token), group.id).await,
            Err(AccessError::NotFound)
        ));

        let png = [b"\x89PNG\r\n\x1a\n".as_slice(), b"first"].concat();
        access
            .set_group_logo(&admin, group.id, &logo_data_url(&png).unwrap(), None)
            .await
            .unwrap();
        let url = access.groups_page(&admin).await.unwrap().groups[0]
            .logo_url
            .clone()
            .unwrap();
        assert!(
            url.starts_with(&format!("/groups/{}/logo?v=", group.id)),
            "{url}"
        );
        let served = access.group_logo(Some(&token), group.id).await.unwrap();
        assert_eq!(
            (served.content_type.as_str(), served.bytes),
            ("image/png", png)
        );

        let jpeg = vec![0xff, 0xd8, 0xff, 0xe0, 1, 2];
        access
            .set_group_logo(&admin, group.id, &logo_data_url(&jpeg).unwrap(), None)
            .await
            .unwrap();
        let served = access.group_logo(Some(&token), group.id).await.unwrap();
        assert_eq!(
            (served.content_type.as_str(), served.bytes),
            ("image/jpeg", jpeg.clone())
        );

        // A file that is not a PNG or JPEG changes nothing.
        let svg = "data:image/png;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+";
        assert!(matches!(
            access.set_group_logo(&admin, group.id, svg, None).await,
            Err(AccessError::Invalid(e)) if e.get("logo").is_some()
        ));
        assert_eq!(
            access
                .group_logo(Some(&token), group.id)
                .await
                .unwrap()
                .bytes,
            jpeg
        );

        // Another account: neither sees nor changes it; a visitor is asked to sign in.
        assert!(matches!(
            access.group_logo(Some(&stranger), group.id).await,
            Err(AccessError::NotFound)
        ));
        assert!(matches!(
            access.group_logo(None, group.id).await,
            Err(AccessError::Unauthenticated)
        ));
        assert!(matches!(
            access.remove_group_logo(&other, group.id, None).await,
            Err(AccessError::NotFound)
        ));

        access
            .remove_group_logo(&admin, group.id, None)
            .await
            .unwrap();
        assert!(matches!(
            access.group_logo(Some(&token), group.id).await,
            Err(AccessError::NotFound)
        ));
        assert!(matches!(
            access.remove_group_logo(&admin, group.id, None).await,
            Err(AccessError::NotFound)
        ));
    }
}
