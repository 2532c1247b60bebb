//! Whether the CA can issue at all: which CAs of the operator's hierarchy exist, and whether
//! the CA that signs a profile does. Orders ask before anything is stored or charged, and the
//! server asks at start (first run).

use super::{
    Authority, CaError, HIERARCHY, ROOT,
    profiles::{self, CaChoice},
    signed::{ca_public_key, verify},
};
use crate::store::authorities;

/// What the readiness probe signs. Not DER (it does not start with a SEQUENCE tag), so its
/// signature can never pass for a certificate, a CRL or an OCSP response.
const PROBE: &[u8] = b"rootline readiness probe: not a certificate";

/// How long a successful probe stands: readiness is asked every few seconds, by anyone who
/// can reach `/readyz`, and an RSA-4096 signature costs milliseconds. Failures are not kept,
/// so a recovered HSM is seen at the next probe.
const PROBE_KEPT: std::time::Duration = std::time::Duration::from_secs(10);

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

    /// Whether the CA can sign now: every CA of the operator's hierarchy exists, and each
    /// issuing CA's key signs [`PROBE`] with a signature its certificate's public key verifies
    /// (for an HSM, a live call to the token; a software key is decrypted once and kept).
    pub async fn keys_usable(&self) -> Result<(), CaError> {
        let recent = self
            .probed
            .lock()
            .ok()
            .and_then(|p| *p)
            .is_some_and(|at| at.elapsed() < PROBE_KEPT);
        if recent {
            return Ok(());
        }
        self.probe_keys().await?;
        if let Ok(mut probed) = self.probed.lock() {
            *probed = Some(std::time::Instant::now());
        }
        Ok(())
    }

    async fn probe_keys(&self) -> Result<(), CaError> {
        if let Some(missing) = self.missing_hierarchy().await?.first() {
            return Err(CaError::NotCreated {
                name: (*missing).to_owned(),
            });
        }
        for definition in HIERARCHY {
            let row = authorities::find_by_name(&self.store, definition.name)
                .await?
                .ok_or(CaError::NoSuchCa(definition.name))?;
            let signer = self.signer_of(&row).await?;
            let public_key =
                ca_public_key(&row.cert_der).map_err(|reason| CaError::Inconsistent {
                    name: row.name.clone(),
                    reason,
                })?;
            let name = row.name.clone();
            // An HSM call blocks: off the async workers.
            tokio::task::spawn_blocking(move || {
                let signature = signer.sign(PROBE)?;
                verify(&public_key, signer.spec(), PROBE, &signature)
                    .map_err(|reason| CaError::Inconsistent { name, reason })
            })
            .await
            .map_err(|e| CaError::Inconsistent {
                name: row.name.clone(),
                reason: format!("the probe signature task failed: {e}"),
            })??;
        }
        Ok(())
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
    async fn the_keys_are_usable_only_once_the_hierarchy_exists() {
        let ca = authority(fresh_store().await, SECRET);
        assert!(matches!(
            ca.keys_usable().await,
            Err(CaError::NotCreated { name }) if name == "root"
        ));
        ca.init(KeySpec::EcP256).await.unwrap();
        ca.keys_usable().await.unwrap();
    }

    #[tokio::test]
    async fn a_key_the_master_secret_cannot_open_makes_the_ca_unusable() {
        let store = fresh_store().await;
        authority(store.clone(), SECRET)
            .init(KeySpec::EcP256)
            .await
            .unwrap();
        let other = authority(store, "another master secret of thirty-two characters");
        let err = other.keys_usable().await.unwrap_err();
        assert!(
            matches!(err, CaError::Key(_) | CaError::Inconsistent { .. }),
            "{err:?}"
        );
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
