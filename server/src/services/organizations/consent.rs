//! Naming another account's organization (the seeds' "external" organizations): the account
//! gives the representative's e-mail; each organization of another account with that
//! representative gets a consent request mailed to that address, and the account may name it
//! (and sees it) only once the representative allows it through the link. The answer to the
//! asking account is the same whether or not such an organization exists, so the form cannot
//! be used to learn who is whose representative.

use app::i18n::{Lang, Msg, tr, tr_args};
use app::model::{
    AccountId, Email, FieldErrors, OrganizationId, Permission, UserId,
    organizations::{ConsentLinkView, SharedOrganization},
};
use chrono::Duration;

use super::{OrganizationError, OrganizationService};
use crate::{
    domain::secret_token::{SecretToken, hash_token, looks_like_token},
    ports::Mail,
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
        notifications,
    },
    store::{accounts, organization_consents, organizations, users},
};

/// How long a consent link works.
pub const CONSENT_LINK_DAYS: i64 = 14;

/// A mail of `subject` and the paragraph `body`, both translated already.
fn mail(lang: Lang, to: &str, subject: String, body: String) -> Mail {
    Mail {
        to: to.to_owned(),
        to_name: None,
        subject,
        text: format!(
            "{}\n\n{body}\n\n{}\n",
            tr(lang, "mail-hello"),
            tr(lang, "mail-signature")
        ),
    }
}

impl OrganizationService {
    /// Asks the representative at `email` to let the caller's account name their
    /// organizations. Answers alike whether or not any organization has that representative.
    pub async fn request_consent(
        &self,
        caller: &Caller,
        email: &str,
        ip: Option<String>,
    ) -> Result<(), OrganizationError> {
        caller.require(Permission::ManageOrganizations)?;
        let email = Email::parse(email)
            .map_err(|m| OrganizationError::Invalid(FieldErrors::single("email", m)))?;
        let account = AccountId(caller.account.id);
        let now = self.clock.now();
        let found = organizations::represented_by(&self.store, email.as_str(), account).await?;
        let tx = self.store.begin().await?;
        for org in &found {
            let id = OrganizationId(org.id);
            if organization_consents::is_granted(&tx, account, id).await? {
                continue;
            }
            let mut bytes = [0u8; 32];
            self.random.fill(&mut bytes);
            let token = SecretToken::from_random(bytes);
            organization_consents::add(
                &tx,
                organization_consents::NewConsent {
                    organization: id,
                    account,
                    requested_by: UserId(caller.user.id),
                    email: email.as_str(),
                    token_hash: &token.hash,
                    expires_at: now + Duration::days(CONSENT_LINK_DAYS),
                },
                now,
            )
            .await?;
            let link = format!("{}/organizations/consent/{}", self.public_url, token.plain);
            let args = [
                ("organization", org.legal_name.as_str().into()),
                ("account", caller.account.name.as_str().into()),
                ("requester", caller.user.name.as_str().into()),
                ("link", link.into()),
                ("days", CONSENT_LINK_DAYS.into()),
            ];
            let message = mail(
                Lang::En,
                email.as_str(),
                tr_args(Lang::En, "mail-organization-consent-subject", &args),
                tr_args(Lang::En, "mail-organization-consent-body", &args),
            );
            notifications::queue(&tx, &message, now).await?;
        }
        // The asking account's log says what was asked, never what was found.
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "organizations",
                action: "organization_consent_requested",
                summary: format!(
                    "Asked the representative {} to share their organizations",
                    email.as_str()
                ),
            },
        )
        .await?;
        tx.commit().await?;
        self.mail.wake();
        Ok(())
    }

    /// The request behind a consent link while it works; an unknown or expired link is not
    /// found, an answered one only says how it was answered.
    async fn consent_row(
        &self,
        token: &str,
    ) -> Result<organization_consents::ConsentRow, OrganizationError> {
        if !looks_like_token(token) {
            return Err(OrganizationError::NotFound);
        }
        let row = organization_consents::by_token(&self.store, &hash_token(token))
            .await?
            .ok_or(OrganizationError::NotFound)?;
        if row.answered_at.is_none() && row.expires_at <= self.clock.now() {
            return Err(OrganizationError::NotFound);
        }
        Ok(row)
    }

    /// What a consent link asks.
    pub async fn consent_link(&self, token: &str) -> Result<ConsentLinkView, OrganizationError> {
        let row = self.consent_row(token).await?;
        let org = organizations::find_any(&self.store, OrganizationId(row.organization_id))
            .await?
            .ok_or(OrganizationError::NotFound)?;
        let account = accounts::find(&self.store, row.account_id)
            .await?
            .ok_or(OrganizationError::NotFound)?;
        Ok(ConsentLinkView {
            organization: org.legal_name,
            account: account.name,
            answer: row.granted,
        })
    }

    /// The representative's answer through the link: `allow` or `decline`. The asking user is
    /// told either way.
    pub async fn answer_consent(
        &self,
        token: &str,
        answer: &str,
        ip: Option<String>,
    ) -> Result<bool, OrganizationError> {
        let row = self.consent_row(token).await?;
        let granted = match answer {
            "allow" => true,
            "decline" => false,
            _ => {
                return Err(OrganizationError::Invalid(FieldErrors::single(
                    "answer",
                    Msg::new("err-consent-allow-or-decline"),
                )));
            }
        };
        let org = organizations::find_any(&self.store, OrganizationId(row.organization_id))
            .await?
            .ok_or(OrganizationError::NotFound)?;
        let account = accounts::find(&self.store, row.account_id)
            .await?
            .ok_or(OrganizationError::NotFound)?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        if !organization_consents::answer(&tx, row.id, granted, now).await? {
            return Err(OrganizationError::Refused(Msg::new(
                "err-consent-answered-already",
            )));
        }
        let what = if granted { "allowed" } else { "declined" };
        let from = ip
            .as_deref()
            .map(|a| format!(" from {a}"))
            .unwrap_or_default();
        for account_id in [org.account_id, row.account_id] {
            audit::record(
                &tx,
                now,
                AuditEntry {
                    account_id: Some(account_id),
                    user_id: None,
                    ip: ip.clone(),
                    module: "organizations",
                    action: "organization_consent_answered",
                    summary: format!(
                        "The representative {} {what} account {} to name {} (#{}){from}",
                        row.email, account.name, org.legal_name, org.id
                    ),
                },
            )
            .await?;
        }
        if let Some(asker) = users::find(&tx, row.requested_by).await? {
            let lang = asker.lang.map_or(Lang::En, |l| *l);
            let args = [("organization", org.legal_name.as_str().into())];
            let (subject, body) = if granted {
                (
                    "mail-organization-consent-allowed-subject",
                    "mail-organization-consent-allowed-body",
                )
            } else {
                (
                    "mail-organization-consent-declined-subject",
                    "mail-organization-consent-declined-body",
                )
            };
            let message = mail(
                lang,
                &asker.email,
                tr_args(lang, subject, &args),
                tr_args(lang, body, &args),
            );
            notifications::queue(&tx, &message, now).await?;
        }
        tx.commit().await?;
        self.mail.wake();
        Ok(granted)
    }

    /// The organizations other accounts shared with the caller's account.
    pub async fn shared_organizations(
        &self,
        caller: &Caller,
    ) -> Result<Vec<SharedOrganization>, OrganizationError> {
        caller.require(Permission::RequestCertificates)?;
        Ok(
            organizations::shared_with(&self.store, AccountId(caller.account.id))
                .await?
                .into_iter()
                .map(|o| SharedOrganization {
                    id: OrganizationId(o.id),
                    legal_name: o.legal_name,
                    status: *o.status,
                    verified_until: o.verified_until.map(Into::into),
                })
                .collect(),
        )
    }
}
