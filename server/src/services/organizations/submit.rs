//! Sending an organization for vetting: it joins the vetting desk's queue, oldest first, and
//! the operator's staff are told by mail, each in their language.

use app::i18n::{Lang, Msg, tr, tr_args};
use app::model::{OrganizationId, Permission, organizations::OrganizationStatus};

use super::{OrganizationError, OrganizationService, account};
use crate::{
    ports::Mail,
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
        notifications,
    },
    store::{organizations, users},
};

impl OrganizationService {
    pub async fn submit_organization(
        &self,
        caller: &Caller,
        id: OrganizationId,
        ip: Option<String>,
    ) -> Result<(), OrganizationError> {
        caller.require(Permission::ManageOrganizations)?;
        let existing = self.owned(caller, id).await?;
        let status = *existing.status;
        if status == OrganizationStatus::Submitted {
            // Sent already (a second click, a retried post): nothing more to do.
            return Ok(());
        }
        if !status.customer_may_submit() {
            return Err(OrganizationError::Refused(
                Msg::new("err-organization-not-submittable")
                    .arg("status", Msg::new(status.label_key())),
            ));
        }
        // The vetting agent reads the registration from a document; none, nothing to vet.
        if organizations::documents(&self.store, account(caller), id)
            .await?
            .is_empty()
        {
            return Err(OrganizationError::Refused(Msg::new(
                "err-organization-needs-document",
            )));
        }
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        organizations::set_status(
            &tx,
            account(caller),
            id,
            OrganizationStatus::Submitted,
            Some(now),
            now,
        )
        .await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "organizations",
                action: "organization_submitted",
                summary: format!(
                    "Organization {} (#{id}) sent for vetting",
                    existing.legal_name
                ),
            },
        )
        .await?;
        let link = format!(
            "{}{}",
            self.public_url.trim_end_matches('/'),
            app::model::vetting::desk_case_path(id)
        );
        for staff in users::active_operators(&tx).await? {
            let mail = waiting_mail(
                staff.mail_lang(),
                &staff,
                &existing.legal_name,
                &caller.account.name,
                &link,
            );
            notifications::queue(&tx, &mail, now).await?;
        }
        tx.commit().await?;
        self.mail.wake();
        Ok(())
    }
}

/// The desk's notice that an organization waits for it.
fn waiting_mail(
    lang: Lang,
    to: &crate::store::UserRow,
    organization: &str,
    account: &str,
    link: &str,
) -> Mail {
    let args = [
        ("organization", organization.into()),
        ("account", account.into()),
        ("link", link.into()),
    ];
    Mail {
        to: to.email.clone(),
        to_name: Some(to.name.clone()),
        subject: tr_args(lang, "mail-vetting-waiting-subject", &args),
        text: format!(
            "{}\n\n{}\n\n{}\n",
            tr(lang, "mail-hello"),
            tr_args(lang, "mail-vetting-waiting-body", &args),
            tr(lang, "mail-signature")
        ),
    }
}
