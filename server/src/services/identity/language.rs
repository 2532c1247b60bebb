use app::i18n::Lang;

use super::{Caller, IdentityError, IdentityService};
use crate::store::users;

impl IdentityService {
    /// Keeps `lang` as the caller's own language: the portal opens in it at their next
    /// sign-in anywhere, and their e-mails and documents are written in it. A preference of
    /// the user's own, so not audited.
    pub async fn set_language(&self, caller: &Caller, lang: Lang) -> Result<(), IdentityError> {
        users::set_lang(&self.store, caller.user.id, lang).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{PASSWORD, harness};
    use super::*;

    #[tokio::test]
    async fn a_chosen_language_is_kept_and_opens_the_next_session() {
        let h = harness().await;
        let token = h.signed_in_operator().await;
        let caller = h.service.caller(&token).await.unwrap().unwrap();
        assert_eq!(caller.user.lang, None);
        let before = h
            .service
            .sign_in("ops@rootline.test", PASSWORD, "192.0.2.1", None)
            .await
            .unwrap();
        assert_eq!(before.lang, None, "no choice yet: the browser decides");
        h.service.set_language(&caller, Lang::Pl).await.unwrap();
        let user = users::find(&h.store, caller.user.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(user.mail_lang(), Lang::Pl);
        let after = h
            .service
            .sign_in("ops@rootline.test", PASSWORD, "192.0.2.1", None)
            .await
            .unwrap();
        assert_eq!(after.lang, Some(Lang::Pl));
    }
}
