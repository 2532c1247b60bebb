//! A verified method of communication (BR 3.2.5, EVG 11.5): the desk mails the organization's
//! representative a one-use link and a six-digit code (or reads the code out over a verified
//! telephone number); whoever answers enters the code through the link, which checks the item.

use app::i18n::{Lang, Msg};
use app::model::{OrganizationId, UserId, organizations::ContactRole, vetting::VettingItem};
use chrono::Duration;

use super::{VettingError, VettingService, invalid, mails};
use crate::{
    domain::secret_token::{SecretToken, hash_token, looks_like_token},
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
        notifications,
    },
    store::{
        organizations,
        vetting::{self, NewCheck, NewCode},
    },
};

/// How long a code and its link work.
pub const CODE_LIFETIME_HOURS: i64 = 72;
/// Wrong codes a link takes before it stops working.
const MAX_ATTEMPTS: i32 = 5;

/// What the stored hash of a code is made from: the link's token (never stored) and the code,
/// so a copy of the database cannot test the million codes offline.
fn code_hash(token: &str, code: &str) -> String {
    hash_token(&format!("{token}:{code}"))
}

/// What the code's link answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeEntered {
    pub organization: String,
}

impl VettingService {
    /// Mails the representative a new code and its link (earlier codes stop working). The code
    /// is returned so the agent can also read it out on a call to a verified number.
    pub async fn send_code(
        &self,
        caller: &Caller,
        id: OrganizationId,
        ip: Option<String>,
    ) -> Result<String, VettingError> {
        let org = self.case_row(caller, id).await?;
        let account = app::model::AccountId(org.account_id);
        let representative = organizations::contacts(&self.store, account, id)
            .await?
            .into_iter()
            .find(|c| *c.role == ContactRole::Representative)
            .ok_or(VettingError::NotFound)?;
        let mut bytes = [0u8; 32];
        self.random.fill(&mut bytes);
        let token = SecretToken::from_random(bytes);
        let mut digits = [0u8; 4];
        self.random.fill(&mut digits);
        let code = format!("{:06}", u32::from_le_bytes(digits) % 1_000_000);
        let now = self.clock.now();
        let link = format!("{}/organizations/verify/{}", self.link_base, token.plain);
        let mail = mails::code(
            Lang::En,
            &representative.email,
            &representative.name,
            &org.legal_name,
            &code,
            &link,
        );
        let tx = self.store.begin().await?;
        vetting::put_code(
            &tx,
            id,
            NewCode {
                token_hash: &token.hash,
                code_hash: &code_hash(&token.plain, &code),
                sent_to: &representative.email,
                expires_at: now + Duration::hours(CODE_LIFETIME_HOURS),
            },
            now,
        )
        .await?;
        vetting::take(&tx, id, now).await?;
        let summary = format!(
            "Authentication code sent to the representative {} <{}>",
            representative.name, representative.email
        );
        vetting::add_event(&tx, id, Some(UserId(caller.user.id)), &summary, now).await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(org.account_id),
                user_id: Some(caller.user.id),
                ip,
                module: "vetting",
                action: "vetting_code_sent",
                summary: format!("Organization {} (#{id}): {summary}", org.legal_name),
            },
        )
        .await?;
        notifications::queue(&tx, &mail, now).await?;
        tx.commit().await?;
        self.mail.wake();
        Ok(code)
    }

    /// The organization a code's link is for, while it works (for the page that asks for it).
    pub async fn code_link(&self, token: &str) -> Result<CodeEntered, VettingError> {
        let (_, org) = self.live_code(token).await?;
        Ok(CodeEntered { organization: org })
    }

    /// The code entered through its link: right, the communication item is checked.
    pub async fn enter_code(
        &self,
        token: &str,
        code: &str,
        ip: Option<String>,
    ) -> Result<CodeEntered, VettingError> {
        let (row, organization) = self.live_code(token).await?;
        let code = code.trim();
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid("code", Msg::new("err-vetting-code-six-digits")));
        }
        let now = self.clock.now();
        if code_hash(token, code) != row.code_hash {
            vetting::count_attempt(&self.store, row.id).await?;
            let left = MAX_ATTEMPTS - row.attempts - 1;
            return Err(invalid(
                "code",
                Msg::new("err-vetting-code-wrong").arg("left", left.max(0)),
            ));
        }
        let id = OrganizationId(row.organization_id);
        let tx = self.store.begin().await?;
        if !vetting::use_code(&tx, row.id, now).await? {
            // Entered already (a second click): the item stands checked.
            return Ok(CodeEntered { organization });
        }
        let source = format!(
            "Authentication code sent by e-mail to {} and entered through its link{}",
            row.sent_to,
            ip.as_deref()
                .map(|a| format!(" from {a}"))
                .unwrap_or_default()
        );
        vetting::put_check(
            &tx,
            id,
            NewCheck {
                item: VettingItem::Communication,
                by: None,
                source: &source,
                note: "",
            },
            now,
        )
        .await?;
        let summary = format!("Verified method of communication checked: {source}");
        vetting::add_event(&tx, id, None, &summary, now).await?;
        let org = vetting::organization(&tx, id).await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: org.as_ref().map(|o| o.account_id),
                user_id: None,
                ip,
                module: "vetting",
                action: "vetting_code_entered",
                summary: format!("Organization {organization} (#{id}): {summary}"),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(CodeEntered { organization })
    }

    /// The unused, unexpired code behind the token, with fewer than the allowed wrong tries,
    /// and its organization's name; an unknown, used or expired link answers `NotFound`.
    async fn live_code(&self, token: &str) -> Result<(vetting::AuthCodeRow, String), VettingError> {
        if !looks_like_token(token) {
            return Err(VettingError::NotFound);
        }
        let now = self.clock.now();
        let row = vetting::code_by_token(&self.store, &hash_token(token))
            .await?
            .filter(|c| c.used_at.is_none() && c.expires_at > now)
            .ok_or(VettingError::NotFound)?;
        if row.attempts >= MAX_ATTEMPTS {
            return Err(VettingError::Refused(Msg::new("err-vetting-code-locked")));
        }
        let org = vetting::organization(&self.store, OrganizationId(row.organization_id))
            .await?
            .ok_or(VettingError::NotFound)?;
        Ok((row, org.legal_name))
    }
}
