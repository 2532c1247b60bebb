use app::i18n::Lang;
use app::i18n::Msg;
use app::model::{
    AccountKind, AccountStatus, FieldErrors, SignUpForm, legal::LegalDocumentKind, sign_up::fields,
};

use super::{IdentityError, IdentityService, mails};
use crate::{
    services::{
        audit::{self, AuditEntry},
        notifications,
    },
    store::{
        Tx, accounts,
        legal::{self, LegalDocument},
        memberships, users,
    },
};

/// The version of `kind` in force, when it is the one the user read; a newer one published
/// while the page was open means the user accepted a text that no longer applies.
async fn in_force(
    tx: &Tx,
    kind: LegalDocumentKind,
    accepted: i32,
) -> Result<LegalDocument, IdentityError> {
    let current = legal::current(tx, kind).await?.ok_or_else(|| {
        IdentityError::CannotUse(
            Msg::new("err-sign-up-closed-until-operator").arg("kind", Msg::new(kind.noun_key())),
        )
    })?;
    if current.version != accepted {
        return Err(IdentityError::Invalid(FieldErrors::single(
            fields::TERMS,
            Msg::new("err-terms-changed-while-open")
                .arg("kind", Msg::new(kind.noun_key()))
                .arg("current", current.version)
                .arg("accepted", accepted),
        )));
    }
    Ok(current)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignUpResult {
    ActivationSent,
    AwaitingApproval,
}

impl IdentityService {
    /// Registers an Enterprise (activation e-mail) or a Partner (waits for an operator).
    /// The account, its first administrator and the e-mail succeed or fail together.
    ///
    /// An address that already has a user gets the same answer as a new one, so the page
    /// cannot be used to learn who uses Rootline: nothing is created, and the owner is told
    /// by e-mail that someone tried.
    pub async fn sign_up(
        &self,
        form: &SignUpForm,
        ip: Option<String>,
        lang: Lang,
    ) -> Result<SignUpResult, IdentityError> {
        let valid = form.validate().map_err(IdentityError::Invalid)?;
        let answer = match valid.kind {
            AccountKind::Partner => SignUpResult::AwaitingApproval,
            _ => SignUpResult::ActivationSent,
        };
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let accepted = [
            (LegalDocumentKind::Terms, valid.terms_version),
            (
                LegalDocumentKind::SubscriberAgreement,
                valid.agreement_version,
            ),
        ];
        let mut documents = Vec::with_capacity(accepted.len());
        for (kind, version) in accepted {
            documents.push(in_force(&tx, kind, version).await?);
        }
        if let Some(owner) = users::find_by_email(&tx, valid.email.as_str()).await? {
            self.tell_owner_of_sign_up(tx, &owner, ip).await?;
            return Ok(answer);
        }

        let status = match valid.kind {
            AccountKind::Partner => AccountStatus::PendingApproval,
            _ => AccountStatus::PendingActivation,
        };
        let account = accounts::insert(
            &tx,
            accounts::NewAccount {
                kind: valid.kind,
                name: &valid.organization,
                country: &valid.country,
                status,
                created_at: now,
            },
        )
        .await?;
        let user = match self
            .new_pending_administrator(
                &tx,
                account.id,
                users::NewUser {
                    email: valid.email.as_str(),
                    name: &valid.name,
                    mobile: &valid.mobile,
                    status: app::model::user_status::UserStatus::PendingActivation,
                    is_operator: false,
                    created_at: now,
                    designation: "",
                    employee_id: "",
                    lang: Some(lang),
                },
            )
            .await
        {
            Ok(user) => user,
            // Another sign-up with the address won the race: the same answer, and its owner
            // hears of this one.
            Err(IdentityError::EmailTaken) => {
                drop(tx);
                let tx = self.store.begin().await?;
                if let Some(owner) = users::find_by_email(&tx, valid.email.as_str()).await? {
                    self.tell_owner_of_sign_up(tx, &owner, ip).await?;
                }
                return Ok(answer);
            }
            Err(e) => return Err(e),
        };

        let (mail, result) = match valid.kind {
            AccountKind::Partner => (
                mails::partner_application_received(
                    user.mail_lang(),
                    user.email.as_str(),
                    &user.name,
                    &account.name,
                ),
                SignUpResult::AwaitingApproval,
            ),
            _ => {
                let link = self.issue_activation_link(&tx, user.id, now).await?;
                (
                    mails::activation(
                        user.mail_lang(),
                        &user.email,
                        &user.name,
                        &account.name,
                        &link,
                    ),
                    SignUpResult::ActivationSent,
                )
            }
        };
        for document in &documents {
            legal::record_acceptance(&tx, user.id.into(), document.id, now, ip.clone()).await?;
        }
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(account.id),
                user_id: Some(user.id),
                ip,
                module: "identity",
                action: "sign_up",
                summary: format!(
                    "{} sign-up for {} by {}",
                    valid.kind.label(),
                    account.name,
                    user.email
                ),
            },
        )
        .await?;
        notifications::queue(&tx, &mail, now).await?;
        tx.commit().await?;
        self.mail.wake();
        Ok(result)
    }

    /// Mails the owner of an address someone tried to sign up with, audits the attempt in
    /// their account and commits `tx`; nothing else changes.
    async fn tell_owner_of_sign_up(
        &self,
        tx: crate::store::Tx,
        owner: &crate::store::UserRow,
        ip: Option<String>,
    ) -> Result<(), IdentityError> {
        let now = self.clock.now();
        let account_id = memberships::for_user(&tx, owner.id)
            .await?
            .first()
            .map(|m| m.account_id);
        let mail = mails::sign_up_attempted(
            owner.mail_lang(),
            &owner.email,
            &owner.name,
            &format!("{}/sign-in", self.link_base),
        );
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id,
                user_id: Some(owner.id),
                ip,
                module: "identity",
                action: "sign_up_with_taken_address",
                summary: format!(
                    "Someone tried to sign up with {}; nothing was created and its owner was told",
                    owner.email
                ),
            },
        )
        .await?;
        notifications::queue(&tx, &mail, now).await?;
        tx.commit().await?;
        self.mail.wake();
        Ok(())
    }
}

/// The message shown beside the e-mail field when the address is taken.
pub fn email_taken_errors() -> FieldErrors {
    FieldErrors::single(
        fields::EMAIL,
        Msg::new("err-account-mail-address-already-exists"),
    )
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{form, harness};
    use super::*;
    use crate::ports::Clock;

    #[tokio::test]
    async fn a_sign_up_records_the_versions_of_both_documents_it_accepted() {
        let h = harness().await;
        h.service
            .sign_up(
                &form("enterprise", "asha@example.com"),
                None,
                app::i18n::Lang::En,
            )
            .await
            .unwrap();
        let user = users::find_by_email(&h.store, "asha@example.com")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            legal::accepted_by(&h.store, user.id.into()).await.unwrap(),
            [
                (LegalDocumentKind::Terms, 1),
                (LegalDocumentKind::SubscriberAgreement, 1)
            ]
        );
    }

    #[tokio::test]
    async fn accepting_a_version_no_longer_in_force_is_refused_and_creates_nothing() {
        let h = harness().await;
        h.signed_in_operator().await;
        let operator = users::find_by_email(&h.store, "ops@rootline.test")
            .await
            .unwrap()
            .unwrap();
        legal::publish(
            &h.store,
            LegalDocumentKind::SubscriberAgreement,
            "Subscriber agreement",
            "New duties.",
            operator.id.into(),
            h.clock.now(),
        )
        .await
        .unwrap();
        let sent_before = h.sent().await.len();
        let refused = h
            .service
            .sign_up(
                &form("enterprise", "asha@example.com"),
                None,
                app::i18n::Lang::En,
            )
            .await
            .unwrap_err();
        let IdentityError::Invalid(errors) = refused else {
            panic!("{refused:?}")
        };
        let message = errors.get(fields::TERMS).unwrap().to_string();
        assert!(
            message.contains("version 2 is in force now, you accepted version 1"),
            "{message}"
        );
        assert!(
            users::find_by_email(&h.store, "asha@example.com")
                .await
                .unwrap()
                .is_none()
        );
        assert_eq!(h.sent().await.len(), sent_before);

        let accepted = app::model::SignUpForm {
            agreement_version: "2".into(),
            ..form("enterprise", "asha@example.com")
        };
        h.service
            .sign_up(&accepted, None, app::i18n::Lang::En)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn enterprise_sign_up_sends_an_activation_link() {
        let h = harness().await;
        let r = h
            .service
            .sign_up(
                &form("enterprise", "Asha@Example.com"),
                None,
                app::i18n::Lang::En,
            )
            .await
            .unwrap();
        assert_eq!(r, SignUpResult::ActivationSent);
        let sent = h.sent().await;
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].to, "asha@example.com");
        assert!(sent[0].text.contains("http://portal.test/activate/"));
        let user = users::find_by_email(&h.store, "asha@example.com")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(user.status, "pending_activation");
        let account = accounts::find(&h.store, 1).await.unwrap().unwrap();
        assert_eq!(account.status, "pending_activation");
        assert_eq!(account.kind, "enterprise");
    }

    #[tokio::test]
    async fn a_sign_up_in_polish_keeps_the_language_and_mails_the_activation_in_polish() {
        let h = harness().await;
        h.service
            .sign_up(&form("enterprise", "ola@example.pl"), None, Lang::Pl)
            .await
            .unwrap();
        let sent = h.sent().await;
        assert_eq!(sent[0].subject, "Aktywuj swoje konto w Rootline");
        assert!(sent[0].text.contains("http://portal.test/activate/"));
        let user = users::find_by_email(&h.store, "ola@example.pl")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(user.mail_lang(), Lang::Pl);

        // The owner of a taken address hears of the attempt in their own language, not in
        // the language of whoever tried.
        h.service
            .sign_up(&form("enterprise", "ola@example.pl"), None, Lang::En)
            .await
            .unwrap();
        let sent = h.sent().await;
        assert_eq!(
            sent.last().unwrap().subject,
            "Ktoś próbował założyć konto w Rootline z Twoim adresem"
        );
    }

    #[tokio::test]
    async fn partner_sign_up_waits_for_approval_and_says_so_by_mail() {
        let h = harness().await;
        let r = h
            .service
            .sign_up(
                &form("partner", "reseller@example.com"),
                None,
                app::i18n::Lang::En,
            )
            .await
            .unwrap();
        assert_eq!(r, SignUpResult::AwaitingApproval);
        let sent = h.sent().await;
        assert_eq!(sent.len(), 1);
        assert!(sent[0].subject.contains("partner application"));
        assert!(!sent[0].text.contains("/activate/"));
        let account = accounts::find(&h.store, 1).await.unwrap().unwrap();
        assert_eq!(account.status, "pending_approval");
    }

    /// Before, a taken address was refused on the e-mail field ("already exists"): the page
    /// told anyone which addresses use Rootline.
    #[tokio::test]
    async fn a_taken_address_gets_the_same_answer_creates_nothing_and_tells_its_owner() {
        let h = harness().await;
        h.activated("asha@example.com").await;
        let before = h.sent().await.len();
        for kind in ["enterprise", "partner"] {
            let fresh = h
                .service
                .sign_up(
                    &form(kind, &format!("new-{kind}@example.com")),
                    None,
                    app::i18n::Lang::En,
                )
                .await
                .unwrap();
            let taken = h
                .service
                .sign_up(&form(kind, "ASHA@example.com"), None, app::i18n::Lang::En)
                .await
                .unwrap();
            assert_eq!(taken, fresh, "{kind}: the same answer either way");
        }
        // Two new accounts (the fresh addresses), none for the taken one.
        assert!(accounts::find(&h.store, 3).await.unwrap().is_some());
        assert!(accounts::find(&h.store, 4).await.unwrap().is_none());
        let asha = users::find_by_email(&h.store, "asha@example.com")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(asha.status, "active", "her user is unchanged");
        let to_owner: Vec<_> = h.sent().await[before..]
            .iter()
            .filter(|m| m.to == "asha@example.com")
            .cloned()
            .collect();
        assert_eq!(to_owner.len(), 2);
        assert!(to_owner[0].subject.contains("tried to sign up"));
        assert!(to_owner[0].text.contains("http://portal.test/sign-in"));
        assert!(
            !to_owner[0].text.contains("/activate/"),
            "no link that could take it over"
        );
    }

    #[tokio::test]
    async fn invalid_fields_are_refused_and_write_nothing() {
        let h = harness().await;
        let mut bad = form("enterprise", "not-an-address");
        bad.accept_terms = false;
        let err = h
            .service
            .sign_up(&bad, None, app::i18n::Lang::En)
            .await
            .unwrap_err();
        let IdentityError::Invalid(errors) = err else {
            panic!("expected field errors")
        };
        assert!(errors.get("email").is_some());
        assert!(errors.get("accept_terms").is_some());
        assert!(accounts::find(&h.store, 1).await.unwrap().is_none());
        assert!(h.sent().await.is_empty());
    }

    #[tokio::test]
    async fn when_the_mail_server_is_down_the_sign_up_stands_and_the_mail_is_retried() {
        let h = harness().await;
        h.mailer.fail_deliveries(true);
        h.service
            .sign_up(
                &form("enterprise", "asha@example.com"),
                None,
                app::i18n::Lang::En,
            )
            .await
            .unwrap();
        assert!(h.sent().await.is_empty());
        assert!(
            users::find_by_email(&h.store, "asha@example.com")
                .await
                .unwrap()
                .is_some()
        );
        let queued = crate::store::mail_outbox::find(&h.store, 1)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(queued.attempts, 1);
        assert!(queued.last_error.unwrap().contains("connection refused"));

        h.mailer.fail_deliveries(false);
        // Not yet due: the first retry waits 30 seconds.
        assert!(h.sent().await.is_empty());
        h.clock.advance(chrono::Duration::seconds(31));
        let sent = h.sent().await;
        assert_eq!(sent.len(), 1);
        assert!(sent[0].text.contains("/activate/"));
        // Delivered once only.
        assert_eq!(h.sent().await.len(), 1);
    }
}
