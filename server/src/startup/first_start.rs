//! The CA hierarchy at start. With software keys (no PKCS#11 module configured) a server
//! that finds CAs missing — on its first start, typically — creates them itself and says so,
//! so a fresh `make run` can issue. With an HSM, creating CA keys is the operator's key
//! ceremony (`server ca init`): the server creates nothing and says what is missing, and
//! orders are refused until then.

use crate::{
    ca::{Authority, CaError, InitOutcome},
    ports::keys::KeySpec,
};

/// The key type of a hierarchy the server creates by itself.
pub const FIRST_START_KEYS: KeySpec = KeySpec::EcP256;

/// What the start found and did about the CA hierarchy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HierarchyAtStart {
    /// Every CA exists.
    Complete,
    /// These CAs were missing and were created now (root first).
    Created(Vec<String>),
    /// These CAs are missing and keys live in an HSM: left to the operator.
    LeftToOperator(Vec<&'static str>),
}

/// Where the CA keys live, for the log line.
pub enum KeyHome<'a> {
    /// Software keys sealed in the database; `master` says where the master key is.
    Software { master: &'a str },
    /// A PKCS#11 module (an HSM, or SoftHSM2).
    Hsm,
}

/// Creates the missing CAs of the hierarchy with software keys, or reports them missing with
/// an HSM; logs one line either way when anything is missing.
pub async fn ensure_hierarchy(
    authority: &Authority,
    keys: KeyHome<'_>,
) -> Result<HierarchyAtStart, CaError> {
    let missing = authority.missing_hierarchy().await?;
    if missing.is_empty() {
        return Ok(HierarchyAtStart::Complete);
    }
    let master = match keys {
        KeyHome::Hsm => {
            tracing::warn!(
                missing = %missing.join(", "),
                "the CA hierarchy is not complete (missing {}): creating CA keys in the HSM is an operator step, a key ceremony — run `server ca init`. Until then orders that those CAs would issue are refused",
                missing.join(", ")
            );
            return Ok(HierarchyAtStart::LeftToOperator(missing));
        }
        KeyHome::Software { master } => master,
    };
    let created: Vec<String> = authority
        .init(FIRST_START_KEYS)
        .await?
        .into_iter()
        .filter_map(|o| match o {
            InitOutcome::Created { name, .. } => Some(name),
            InitOutcome::AlreadyThere { .. } => None,
        })
        .collect();
    let what = if created.iter().any(|n| n == crate::ca::ROOT.name) {
        "created the CA hierarchy"
    } else {
        "created the missing CAs"
    };
    tracing::info!(
        "first start: {what} {} (software keys, ECDSA P-256, sealed in the database under the master key in {master})",
        created.join(", ")
    );
    Ok(HierarchyAtStart::Created(created))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        ca::test_support::{SECRET, authority},
        store::test_db::fresh_store,
    };

    const MASTER: KeyHome<'static> = KeyHome::Software {
        master: "data/master.key",
    };

    #[tokio::test]
    async fn with_software_keys_a_first_start_creates_the_whole_hierarchy_once() {
        let ca = authority(fresh_store().await, SECRET);
        assert_eq!(
            ensure_hierarchy(&ca, MASTER).await.unwrap(),
            HierarchyAtStart::Created(
                ["root", "tls", "smime", "client", "codesign", "docsign"]
                    .map(String::from)
                    .to_vec()
            )
        );
        assert_eq!(
            ensure_hierarchy(&ca, MASTER).await.unwrap(),
            HierarchyAtStart::Complete,
            "the next start finds it"
        );
        ca.can_issue("tls-dv", None).await.unwrap();
        let tls = ca
            .list()
            .await
            .unwrap()
            .into_iter()
            .find(|c| c.name == "tls")
            .unwrap();
        assert_eq!(tls.key_type, "p256");
    }

    #[tokio::test]
    async fn with_an_hsm_a_start_creates_nothing_and_names_what_is_missing() {
        let ca = authority(fresh_store().await, SECRET);
        assert_eq!(
            ensure_hierarchy(&ca, KeyHome::Hsm).await.unwrap(),
            HierarchyAtStart::LeftToOperator(vec![
                "root", "tls", "smime", "client", "codesign", "docsign"
            ])
        );
        assert_eq!(ca.missing_hierarchy().await.unwrap().len(), 6);
    }
}
