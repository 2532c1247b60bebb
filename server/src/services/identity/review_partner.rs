use app::model::AccountStatus;

use super::{IdentityError, IdentityService, mails};
use crate::{
    services::{
        audit::{self, AuditEntry},
        notifications,
    },
    store::{accounts, memberships, users},
};

/// An operator's decision on a Partner application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// The applicant gets the activation e-mail.
    Approve,
    /// The applicant is told why; the account stays closed.
    Reject { reason: String },
}

impl IdentityService {
    /// Decides a Partner application waiting for approval. `NotWaiting` when the account is not
    /// (or no longer) waiting, so two operators cannot both decide.
    pub async fn review_partner(
        &self,
        account_id: i32,
        operator_user_id: i32,
        decision: Decision,
        ip: Option<String>,
    ) -> Result<(), IdentityError> {
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let account = accounts::find(&tx, account_id)
            .await?
            .ok_or(IdentityError::NotWaiting)?;
        let admin = match memberships::first_administrator(&tx, account.id).await? {
            Some(m) => users::find(&tx, m.user_id).await?,
            None => None,
        }
        .ok_or(IdentityError::NotWaiting)?;
        let to = match decision {
            Decision::Approve => AccountStatus::PendingActivation,
            Decision::Reject { .. } => AccountStatus::Rejected,
        };
        if !accounts::set_status(&tx, account.id, AccountStatus::PendingApproval, to).await? {
            return Err(IdentityError::NotWaiting);
        }
        let (mail, action, summary) = match &decision {
            Decision::Approve => {
                let link = self.issue_activation_link(&tx, admin.id, now).await?;
                (
                    mails::activation(
                        admin.mail_lang(),
                        &admin.email,
                        &admin.name,
                        &account.name,
                        &link,
                    ),
                    "partner_approved",
                    format!("Partner application of {} approved", account.name),
                )
            }
            Decision::Reject { reason } => (
                mails::partner_application_rejected(
                    admin.mail_lang(),
                    &admin.email,
                    &admin.name,
                    &account.name,
                    reason,
                ),
                "partner_rejected",
                format!("Partner application of {} rejected: {reason}", account.name),
            ),
        };
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(account.id),
                user_id: Some(operator_user_id),
                ip,
                module: "operator",
                action,
                summary,
            },
        )
        .await?;
        notifications::queue(&tx, &mail, now).await?;
        tx.commit().await?;
        self.mail.wake();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{PASSWORD, form, harness};
    use super::*;

    #[tokio::test]
    async fn an_approved_partner_activates_and_a_rejected_one_is_told_why() {
        let h = harness().await;
        h.service
            .sign_up(
                &form("partner", "pat@partner.example"),
                None,
                app::i18n::Lang::En,
            )
            .await
            .unwrap();
        h.service
            .sign_up(
                &form("partner", "rex@partner.example"),
                None,
                app::i18n::Lang::En,
            )
            .await
            .unwrap();
        let pat = users::find_by_email(&h.store, "pat@partner.example")
            .await
            .unwrap()
            .unwrap();
        let pat_account = memberships::for_user(&h.store, pat.id).await.unwrap()[0].account_id;
        let rex = users::find_by_email(&h.store, "rex@partner.example")
            .await
            .unwrap()
            .unwrap();
        let rex_account = memberships::for_user(&h.store, rex.id).await.unwrap()[0].account_id;

        h.service
            .review_partner(pat_account, pat.id, Decision::Approve, None)
            .await
            .unwrap();
        assert!(matches!(
            h.service
                .review_partner(pat_account, pat.id, Decision::Approve, None)
                .await,
            Err(IdentityError::NotWaiting)
        ));
        let token = h.activation_token().await;
        h.service
            .activate(&token, PASSWORD, PASSWORD, None)
            .await
            .unwrap();
        assert!(
            h.service
                .sign_in("pat@partner.example", PASSWORD, "192.0.2.1", None)
                .await
                .is_ok()
        );

        h.service
            .review_partner(
                rex_account,
                pat.id,
                Decision::Reject {
                    reason: "We could not verify the business.".into(),
                },
                None,
            )
            .await
            .unwrap();
        let mail = h.sent().await.pop().unwrap();
        assert_eq!(mail.to, "rex@partner.example");
        assert!(mail.text.contains("We could not verify the business."));
        let account = accounts::find(&h.store, rex_account)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(account.status, "rejected");
    }
}
