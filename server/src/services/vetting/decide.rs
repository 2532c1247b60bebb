//! The desk's decision: verified at OV or EV when every item of the level is checked and none
//! has aged out, or refused with a reason the customer reads. The customer is told by mail.

use app::i18n::{Lang, Msg};
use app::model::{
    AccountId, OrganizationId, UserId,
    organizations::{OrganizationStatus, VettingLevel},
};

use super::{
    VettingError, VettingService,
    case::{ready, verified_until},
    invalid, mails,
};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
        notifications,
    },
    store::{organizations::OrganizationRow, users, vetting},
};

/// The longest reason kept.
const REASON_MAX: usize = 1_000;

fn waiting(org: &OrganizationRow) -> Result<(), VettingError> {
    if org.status.in_vetting() {
        Ok(())
    } else {
        Err(VettingError::Refused(
            Msg::new("err-vetting-not-waiting").arg("status", Msg::new(org.status.label_key())),
        ))
    }
}

impl VettingService {
    /// Verifies the organization at `level`; the account whose orders may have waited for it.
    pub async fn approve(
        &self,
        caller: &Caller,
        id: OrganizationId,
        level: VettingLevel,
        ip: Option<String>,
    ) -> Result<AccountId, VettingError> {
        let org = self.case_row(caller, id).await?;
        waiting(&org)?;
        let now = self.clock.now();
        let checks = vetting::checks(&self.store, id).await?;
        let has_trade_name = org.trade_name.is_some();
        let until = verified_until(&checks, level, has_trade_name, now)
            .filter(|_| ready(&checks, level, has_trade_name, now))
            .ok_or_else(|| VettingError::Refused(Msg::new("err-vetting-items-unchecked")))?;
        let status = match level {
            VettingLevel::Ov => OrganizationStatus::VerifiedOv,
            VettingLevel::Ev => OrganizationStatus::VerifiedEv,
        };
        let level_text = level.code();
        let summary = format!(
            "Verified {level_text}; the vetting backs certificates until {}",
            until.format("%Y-%m-%d")
        );
        let mail = self
            .decision_mail(&org, |lang, to, name| {
                mails::verified(lang, to, name, &org.legal_name, level_text, until)
            })
            .await?;
        let tx = self.store.begin().await?;
        vetting::decide(&tx, id, status, None, Some(until), now).await?;
        vetting::add_event(&tx, id, Some(UserId(caller.user.id)), &summary, now).await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(org.account_id),
                user_id: Some(caller.user.id),
                ip,
                module: "vetting",
                action: "organization_verified",
                summary: format!("Organization {} (#{id}): {summary}", org.legal_name),
            },
        )
        .await?;
        if let Some(mail) = &mail {
            notifications::queue(&tx, mail, now).await?;
        }
        tx.commit().await?;
        self.mail.wake();
        // Whose orders may have waited for this decision.
        Ok(AccountId(org.account_id))
    }

    pub async fn reject(
        &self,
        caller: &Caller,
        id: OrganizationId,
        reason: &str,
        ip: Option<String>,
    ) -> Result<(), VettingError> {
        let org = self.case_row(caller, id).await?;
        waiting(&org)?;
        let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
        if reason.is_empty() {
            return Err(invalid("reason", Msg::new("err-vetting-enter-reason")));
        }
        if reason.chars().count() > REASON_MAX {
            return Err(invalid(
                "reason",
                Msg::new("err-organization-field-too-long").arg("max", REASON_MAX),
            ));
        }
        let now = self.clock.now();
        let summary = format!("Not verified: {reason}");
        let mail = self
            .decision_mail(&org, |lang, to, name| {
                mails::rejected(lang, to, name, &org.legal_name, &reason)
            })
            .await?;
        let tx = self.store.begin().await?;
        vetting::decide(
            &tx,
            id,
            OrganizationStatus::Rejected,
            Some(&reason),
            None,
            now,
        )
        .await?;
        vetting::add_event(&tx, id, Some(UserId(caller.user.id)), &summary, now).await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(org.account_id),
                user_id: Some(caller.user.id),
                ip,
                module: "vetting",
                action: "organization_rejected",
                summary: format!("Organization {} (#{id}): {summary}", org.legal_name),
            },
        )
        .await?;
        if let Some(mail) = &mail {
            notifications::queue(&tx, mail, now).await?;
        }
        tx.commit().await?;
        self.mail.wake();
        Ok(())
    }

    /// The decision's mail to whoever added the organization, in their language.
    async fn decision_mail(
        &self,
        org: &OrganizationRow,
        make: impl FnOnce(Lang, &str, &str) -> crate::ports::Mail,
    ) -> Result<Option<crate::ports::Mail>, VettingError> {
        Ok(users::find(&self.store, org.created_by).await?.map(|u| {
            let lang = u.lang.map_or(Lang::En, |l| *l);
            make(lang, &u.email, &u.name)
        }))
    }
}
