//! An account's private CAs: its root (made with the first) and the issuing CAs its private
//! products use. Needs `ManageCas`.

use app::i18n::Msg;
use app::model::{Permission, products::PrivateCaView};

use super::{CatalogError, CatalogService, invalid};
use crate::{
    ca::{CaError, private_ca_name},
    ports::keys::KeySpec,
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::AuthorityRow,
};

fn view(account_id: i32, ca: AuthorityRow) -> PrivateCaView {
    PrivateCaView {
        is_root: ca.name == private_ca_name(account_id, "root"),
        subject: ca.subject,
        not_after: app::model::Day::from(ca.not_after),
        name: ca.name,
    }
}

impl CatalogService {
    pub async fn private_cas(&self, caller: &Caller) -> Result<Vec<PrivateCaView>, CatalogError> {
        caller.require(Permission::ManageCas)?;
        let account_id = caller.account.id;
        Ok(self
            .authority
            .private_cas(account_id)
            .await
            .map_err(CatalogError::Ca)?
            .into_iter()
            .map(|ca| view(account_id, ca))
            .collect())
    }

    /// Creates an issuing private CA named `label` for the caller's account (and the account's
    /// private root first, if it has none). Returns the CA's name, e.g. `acct7-intranet`.
    pub async fn create_private_ca(
        &self,
        caller: &Caller,
        label: &str,
        ip: Option<String>,
    ) -> Result<String, CatalogError> {
        caller.require(Permission::ManageCas)?;
        let created = self
            .authority
            .create_private_ca(
                caller.account.id,
                &caller.account.name,
                label,
                KeySpec::EcP256,
            )
            .await
            .map_err(|e| match e {
                CaError::Refused { rule, detail } => {
                    invalid("name", ca_refusal(rule, &detail, label))
                }
                other => CatalogError::Ca(other),
            })?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "products",
                action: "private_ca_created",
                summary: format!("Private CA {} created", created.name),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(created.name)
    }
}

/// The CA's refusal reads as a sentence on the form.
/// The CA's refusal of a private CA's name, for the reader: the CA words its rules in English
/// for its log, so each is told apart by its rule and wording and said again from the
/// catalogue.
fn ca_refusal(rule: &str, detail: &str, label: &str) -> Msg {
    match rule {
        "ca.organization" => Msg::new("err-private-ca-organization"),
        _ if detail.contains("already has a private CA") => {
            Msg::new("err-private-ca-exists").arg("name", label.trim())
        }
        _ if detail.contains("names the account's root CA") => Msg::new("err-private-ca-root"),
        _ if detail.contains("may use letters") => Msg::new("err-private-ca-name-characters"),
        _ if detail.contains("1 to 40 characters") => Msg::new("err-private-ca-name-length"),
        _ => Msg::new("err-private-ca-refused").arg("detail", detail),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::{catalog::test_support::administrator, identity::test_support::harness};

    #[tokio::test]
    async fn an_account_creates_and_lists_only_its_own_private_cas() {
        let h = harness().await;
        let asha = administrator(&h, "asha@example.com").await;
        let ravi = administrator(&h, "ravi@other.example").await;
        let catalog = CatalogService::for_harness(&h);
        let name = catalog
            .create_private_ca(&asha, "Intranet", None)
            .await
            .unwrap();
        assert_eq!(name, private_ca_name(asha.account.id, "intranet"));
        let cas = catalog.private_cas(&asha).await.unwrap();
        assert_eq!(
            cas.iter()
                .map(|c| (c.name.as_str(), c.is_root))
                .collect::<Vec<_>>(),
            [
                (private_ca_name(asha.account.id, "root").as_str(), true),
                (name.as_str(), false)
            ]
        );
        assert!(cas[1].subject.contains("Intranet CA"), "{:?}", cas[1]);
        assert!(catalog.private_cas(&ravi).await.unwrap().is_empty());

        for bad in ["intranet", "root", "a/b", ""] {
            match catalog.create_private_ca(&asha, bad, None).await {
                Err(CatalogError::Invalid(e)) => assert!(e.get("name").is_some(), "{bad}"),
                other => panic!("{bad:?}: {other:?}"),
            }
        }

        let mut no_cas = asha.clone();
        no_cas.permissions.retain(|p| *p != Permission::ManageCas);
        assert!(matches!(
            catalog.private_cas(&no_cas).await,
            Err(CatalogError::Forbidden(Permission::ManageCas))
        ));
        assert!(matches!(
            catalog.create_private_ca(&no_cas, "Build farm", None).await,
            Err(CatalogError::Forbidden(Permission::ManageCas))
        ));
        assert_eq!(catalog.private_cas(&asha).await.unwrap().len(), 2);
    }
}
