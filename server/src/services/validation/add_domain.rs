//! Adding a domain: it starts Pending with a fresh random value for the chosen method.

use crate::services::identity::Caller;
use app::i18n::Msg;
use app::model::Permission;
use app::model::{
    FieldErrors,
    domains::{AddDomainForm, DomainView},
};

use super::{ValidationError, ValidationService, restricted_names};
use crate::store::{StoreError, domains};

impl ValidationService {
    /// Adds a domain to the caller's account, for a user who manages its domains.
    pub async fn add_domain_for(
        &self,
        caller: &Caller,
        form: &AddDomainForm,
    ) -> Result<DomainView, ValidationError> {
        caller.require(Permission::ManageDomains)?;
        self.add_domain(caller.account.id, form).await
    }

    pub async fn add_domain(
        &self,
        account_id: i32,
        form: &AddDomainForm,
    ) -> Result<DomainView, ValidationError> {
        let valid = form.validate().map_err(ValidationError::Invalid)?;
        let restricted = domains::restrictions(&self.store, account_id).await?;
        if !restricted_names(&restricted, std::slice::from_ref(&valid.name)).is_empty() {
            return Err(ValidationError::Invalid(FieldErrors::single(
                "name",
                Msg::new("err-domain-restricted-account-administrator"),
            )));
        }
        let now = self.clock.now();
        if let Some(why) = self.refusal(valid.method, now) {
            return Err(ValidationError::Invalid(FieldErrors::single("method", why)));
        }
        let row = domains::insert(
            &self.store,
            account_id,
            domains::NewDomain {
                name: &valid.name,
                method: valid.method,
                random_value: &self.random_value(),
            },
            now,
        )
        .await
        .map_err(|e| match e {
            StoreError::Duplicate => ValidationError::Invalid(FieldErrors::single(
                "name",
                Msg::new("err-domain-already-account"),
            )),
            other => other.into(),
        })?;
        Ok(self.view_of(&row, now))
    }
}

#[cfg(test)]
mod tests {
    use app::model::domains::{AddDomainForm, DomainStatus};
    use chrono::Duration;

    use super::super::{ValidationError, test_support::harness};
    use crate::domain::br_rules::Rule;

    fn form(name: &str, method: &str) -> AddDomainForm {
        AddDomainForm {
            name: name.into(),
            method: method.into(),
        }
    }

    #[tokio::test]
    async fn a_new_domain_is_pending_with_a_value_to_publish() {
        let h = harness().await;
        let d = h
            .service
            .add_domain(h.account_id, &form("Shop.Example.com", "dns_txt"))
            .await
            .unwrap();
        assert_eq!(d.name, "shop.example.com");
        assert_eq!(d.status, DomainStatus::Pending);
        assert_eq!(d.value.as_deref().map(str::len), Some(32));
        assert_eq!(d.location.as_deref(), Some("shop.example.com"));
    }

    #[tokio::test]
    async fn an_e_mailed_value_is_never_shown() {
        let h = harness().await;
        let d = h
            .service
            .add_domain(h.account_id, &form("example.com", "email:admin"))
            .await
            .unwrap();
        assert_eq!(d.value, None);
        assert_eq!(d.location.as_deref(), Some("admin@example.com"));
    }

    #[tokio::test]
    async fn duplicates_bad_names_and_restricted_domains_are_refused() {
        let h = harness().await;
        h.service
            .add_domain(h.account_id, &form("example.com", ""))
            .await
            .unwrap();
        for (name, method) in [
            ("example.com", "dns_txt"),
            ("server.corp", "dns_txt"),
            ("example.org", "email:root"),
        ] {
            let e = h
                .service
                .add_domain(h.account_id, &form(name, method))
                .await;
            assert!(
                matches!(e, Err(ValidationError::Invalid(_))),
                "{name} {method}"
            );
        }
        h.service
            .add_restriction(h.account_id, "blocked.com")
            .await
            .unwrap();
        let e = h
            .service
            .add_domain(h.account_id, &form("www.blocked.com", ""))
            .await;
        assert!(matches!(e, Err(ValidationError::Invalid(_))));
        // The same name in another account is that account's own business.
        h.service
            .add_domain(h.other_account_id, &form("example.com", ""))
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn the_e_mail_method_can_be_chosen_until_2028_03_15_and_not_from_it() {
        let h = harness().await;
        let refused = Rule::EmailMethodsRefused.starts();
        h.clock.set(refused - Duration::seconds(1));
        let before = h
            .service
            .add_domain(h.account_id, &form("before.example.com", "email:admin"))
            .await
            .unwrap();
        h.clock.set(refused);
        let withdrawn = |e: Result<_, ValidationError>| match e {
            Err(ValidationError::Invalid(errors)) => errors
                .get("method")
                .map(|m| m.key().to_owned())
                .unwrap_or_default(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            withdrawn(
                h.service
                    .add_domain(h.account_id, &form("after.example.com", "email:admin"))
                    .await
            ),
            "err-dcv-method-withdrawn"
        );
        assert_eq!(
            withdrawn(
                h.service
                    .change_method(h.account_id, before.id, "email:webmaster")
                    .await
            ),
            "err-dcv-method-withdrawn"
        );
        // The other methods stay, and leaving the e-mail method is allowed.
        h.service
            .add_domain(h.account_id, &form("after.example.com", "dns_txt"))
            .await
            .unwrap();
        h.service
            .change_method(h.account_id, before.id, "http_file")
            .await
            .unwrap();
    }
}
