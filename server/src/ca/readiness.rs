//! Whether the CA can issue at all: which CAs of the operator's hierarchy exist, and whether
//! the CA that signs a profile does. Orders ask before anything is stored or charged, and the
//! server asks at start (first run).

use super::{
    Authority, CaError, HIERARCHY, ROOT,
    profiles::{self, CaChoice},
};
use crate::store::authorities;

impl Authority {
    /// The CAs of the operator's hierarchy that do not exist yet, root first.
    pub async fn missing_hierarchy(&self) -> Result<Vec<&'static str>, CaError> {
        let mut missing = Vec::new();
        for name in std::iter::once(ROOT.name).chain(HIERARCHY.iter().map(|d| d.name)) {
            if authorities::find_by_name(&self.store, name)
                .await?
                .is_none()
            {
                missing.push(name);
            }
        }
        Ok(missing)
    }

    /// Whether a certificate of `profile` can be issued now: the CA that would sign it (the
    /// operator's CA of the profile, or the named private CA) exists. `NotCreated` names the
    /// missing CA; every other check happens when the certificate is prepared.
    pub async fn can_issue(&self, profile: &str, private_ca: Option<&str>) -> Result<(), CaError> {
        let profile = profiles::profile(profile).ok_or_else(|| CaError::Refused {
            rule: "profile.unknown",
            detail: format!(
                "there is no profile {profile:?}; profiles are {}",
                profiles::names()
            ),
        })?;
        let name = match (profile.ca, private_ca) {
            (CaChoice::Operator(name), _) => name,
            (CaChoice::AccountPrivate, Some(name)) => name,
            (CaChoice::AccountPrivate, None) => {
                return Err(CaError::Refused {
                    rule: "ca.choice",
                    detail: format!(
                        "profile {} is issued by an account's private CA; name it",
                        profile.name
                    ),
                });
            }
        };
        match authorities::find_by_name(&self.store, name).await? {
            Some(_) => Ok(()),
            None => Err(CaError::NotCreated {
                name: name.to_owned(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        ca::test_support::{SECRET, authority},
        ports::keys::KeySpec,
        store::test_db::fresh_store,
    };

    #[tokio::test]
    async fn before_init_every_ca_is_missing_and_no_profile_can_be_issued() {
        let ca = authority(fresh_store().await, SECRET);
        assert_eq!(
            ca.missing_hierarchy().await.unwrap(),
            ["root", "tls", "smime", "client", "codesign", "docsign"]
        );
        let err = ca.can_issue("tls-dv", None).await.unwrap_err();
        assert!(
            matches!(&err, CaError::NotCreated { name } if name == "tls"),
            "{err:?}"
        );
    }

    #[tokio::test]
    async fn after_init_nothing_is_missing_and_the_operator_profiles_can_be_issued() {
        let ca = authority(fresh_store().await, SECRET);
        ca.init(KeySpec::EcP256).await.unwrap();
        assert!(ca.missing_hierarchy().await.unwrap().is_empty());
        for profile in ["tls-dv", "smime-mailbox-strict"] {
            ca.can_issue(profile, None).await.unwrap();
        }
    }

    #[tokio::test]
    async fn a_private_profile_needs_its_named_private_ca() {
        let ca = authority(fresh_store().await, SECRET);
        ca.init(KeySpec::EcP256).await.unwrap();
        let private = crate::ca::PROFILES
            .iter()
            .find(|p| p.ca == CaChoice::AccountPrivate)
            .unwrap();
        let err = ca
            .can_issue(private.name, Some("acct-9-gone"))
            .await
            .unwrap_err();
        assert!(
            matches!(&err, CaError::NotCreated { name } if name == "acct-9-gone"),
            "{err:?}"
        );
        assert!(matches!(
            ca.can_issue(private.name, None).await,
            Err(CaError::Refused { .. })
        ));
    }
}
