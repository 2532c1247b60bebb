use app::model::{AccountKind, AccountStatus, Email};

use super::{IdentityError, IdentityService};
use crate::{
    services::audit::{self, AuditEntry},
    store::{accounts, users},
};

/// The name of the operator's own account, created with its first user.
const OPERATOR_ACCOUNT: &str = "Rootline operator";

/// A new operator user and the one-time link that lets them set a password.
#[derive(Debug)]
pub struct OperatorInvite {
    pub email: String,
    pub activation_link: String,
}

impl IdentityService {
    /// Creates an operator user (and the operator account on first use) and returns the
    /// activation link, for the command line to print.
    pub async fn create_operator(
        &self,
        email: &str,
        name: Option<&str>,
    ) -> Result<OperatorInvite, IdentityError> {
        let email = Email::parse(email)
            .map_err(|m| IdentityError::Invalid(app::model::FieldErrors::single("email", m)))?;
        let name = match name {
            Some(n) => app::model::text::person_name(n)
                .map_err(|m| IdentityError::Invalid(app::model::FieldErrors::single("name", m)))?,
            None => email.local_part().to_owned(),
        };
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let account = match accounts::find_first_of_kind(&tx, AccountKind::Operator).await? {
            Some(a) => a,
            None => {
                let account = accounts::insert(
                    &tx,
                    accounts::NewAccount {
                        kind: AccountKind::Operator,
                        name: OPERATOR_ACCOUNT,
                        country: "",
                        status: AccountStatus::Active,
                        created_at: now,
                    },
                )
                .await?;
                // Born active, so it has its default group at once.
                crate::services::access::create_default_group(
                    &tx,
                    account.id,
                    app::i18n::Lang::En,
                    now,
                )
                .await?;
                account
            }
        };
        let user = self
            .new_pending_administrator(
                &tx,
                account.id,
                users::NewUser {
                    email: email.as_str(),
                    name: &name,
                    mobile: "",
                    status: app::model::user_status::UserStatus::PendingActivation,
                    is_operator: true,
                    created_at: now,
                    designation: "",
                    employee_id: "",
                    lang: None,
                },
            )
            .await?;
        let activation_link = self.issue_activation_link(&tx, user.id, now).await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(account.id),
                user_id: Some(user.id),
                ip: None,
                module: "identity",
                action: "create_operator",
                summary: format!("Operator user {} created from the command line", user.email),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(OperatorInvite {
            email: user.email,
            activation_link,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::harness;
    use super::*;

    #[tokio::test]
    async fn an_operator_activates_from_the_printed_link_and_signs_in() {
        let h = harness().await;
        let invite = h
            .service
            .create_operator("ops@ca.example", None)
            .await
            .unwrap();
        let token = invite
            .activation_link
            .rsplit('/')
            .next()
            .unwrap()
            .to_owned();
        h.service
            .activate(&token, "operator pass 42", "operator pass 42", None)
            .await
            .unwrap();
        let s = h
            .service
            .sign_in("ops@ca.example", "operator pass 42", "127.0.0.1", None)
            .await
            .unwrap();
        let view = h.service.current_session(&s.token).await.unwrap().unwrap();
        assert!(view.is_operator);
        assert_eq!(view.account_kind, AccountKind::Operator);
        // A second operator joins the same operator account; the same address twice is refused.
        h.service
            .create_operator("ops2@ca.example", Some("Second Operator"))
            .await
            .unwrap();
        assert!(matches!(
            h.service
                .create_operator("OPS@ca.example", None)
                .await
                .unwrap_err(),
            IdentityError::EmailTaken
        ));
        assert!(accounts::find(&h.store, 2).await.unwrap().is_none());
    }
}
