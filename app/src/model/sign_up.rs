use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

use super::{AccountKind, Email, FieldErrors, text};

/// The sign-up form exactly as submitted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignUpForm {
    pub kind: String,
    pub name: String,
    pub email: String,
    pub mobile: String,
    pub organization: String,
    pub country: String,
    /// A ticked box posts `yes`; an unticked one posts nothing.
    #[serde(default, deserialize_with = "super::form_values::checkbox")]
    pub accept_terms: bool,
    /// The versions of the terms of service and the subscriber agreement the page showed, so
    /// the acceptance records what the user read (hidden fields of the form).
    #[serde(default)]
    pub terms_version: String,
    #[serde(default)]
    pub agreement_version: String,
}

/// A sign-up that passed every field rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidSignUp {
    pub kind: AccountKind,
    pub name: String,
    pub email: Email,
    pub mobile: String,
    pub organization: String,
    pub country: String,
    /// The versions accepted; the service refuses them when a newer one is in force.
    pub terms_version: i32,
    pub agreement_version: i32,
}

/// Field names as they appear in the form, so messages land beside the right input.
pub mod fields {
    pub const KIND: &str = "kind";
    pub const NAME: &str = "name";
    pub const EMAIL: &str = "email";
    pub const MOBILE: &str = "mobile";
    pub const ORGANIZATION: &str = "organization";
    pub const COUNTRY: &str = "country";
    pub const TERMS: &str = "accept_terms";
}

/// Validates one field by name; the browser uses it as the user types.
pub fn validate_field(field: &str, value: &str) -> Result<(), Msg> {
    match field {
        fields::KIND => kind(value).map(|_| ()),
        fields::NAME => text::person_name(value).map(|_| ()),
        fields::EMAIL => Email::parse(value).map(|_| ()),
        fields::MOBILE => text::mobile(value).map(|_| ()),
        fields::ORGANIZATION => text::organization_name(value).map(|_| ()),
        fields::COUNTRY => text::country(value).map(|_| ()),
        _ => Ok(()),
    }
}

fn kind(value: &str) -> Result<AccountKind, Msg> {
    match AccountKind::parse(value.trim()) {
        Some(k @ (AccountKind::Enterprise | AccountKind::Partner)) => Ok(k),
        _ => Err(Msg::new("err-choose-enterprise-partner")),
    }
}

impl SignUpForm {
    pub fn validate(&self) -> Result<ValidSignUp, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = errors.check(fields::KIND, kind(&self.kind));
        let name = errors.check(fields::NAME, text::person_name(&self.name));
        let email = errors.check(fields::EMAIL, Email::parse(&self.email));
        let mobile = errors.check(fields::MOBILE, text::mobile(&self.mobile));
        let organization = errors.check(
            fields::ORGANIZATION,
            text::organization_name(&self.organization),
        );
        let country = errors.check(fields::COUNTRY, text::country(&self.country));
        let versions = (
            accepted_version(&self.terms_version),
            accepted_version(&self.agreement_version),
        );
        if !self.accept_terms {
            errors.add(
                fields::TERMS,
                Msg::new("err-accept-terms-service-subscriber-agreement"),
            );
        } else if versions.0.is_none() || versions.1.is_none() {
            errors.add(fields::TERMS, Msg::new("err-page-did-not-say-which"));
        }
        match (kind, name, email, mobile, organization, country, versions) {
            (
                Some(kind),
                Some(name),
                Some(email),
                Some(mobile),
                Some(organization),
                Some(country),
                (Some(terms_version), Some(agreement_version)),
            ) if errors.is_empty() => Ok(ValidSignUp {
                kind,
                name,
                email,
                mobile,
                organization,
                country,
                terms_version,
                agreement_version,
            }),
            _ => Err(errors),
        }
    }
}

/// A version number as the form posts it.
fn accepted_version(text: &str) -> Option<i32> {
    text.trim().parse().ok().filter(|v| *v > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> SignUpForm {
        SignUpForm {
            kind: "enterprise".into(),
            name: "Asha Rao".into(),
            email: "asha@example.com".into(),
            mobile: "+91 98450 12345".into(),
            organization: "Example Pvt Ltd".into(),
            country: "IN".into(),
            accept_terms: true,
            terms_version: "1".into(),
            agreement_version: "1".into(),
        }
    }

    #[test]
    fn a_complete_form_validates() {
        let valid = good().validate().unwrap();
        assert_eq!(valid.kind, AccountKind::Enterprise);
        assert_eq!(valid.mobile, "+919845012345");
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let form = SignUpForm {
            kind: "operator".into(),
            name: "".into(),
            email: "nope".into(),
            mobile: "12".into(),
            organization: "".into(),
            country: "ZZ".into(),
            accept_terms: false,
            ..Default::default()
        };
        let errors = form.validate().unwrap_err();
        for f in [
            fields::KIND,
            fields::NAME,
            fields::EMAIL,
            fields::MOBILE,
            fields::ORGANIZATION,
            fields::COUNTRY,
            fields::TERMS,
        ] {
            assert!(errors.get(f).is_some(), "missing error for {f}");
        }
    }

    #[test]
    fn terms_must_be_accepted() {
        let form = SignUpForm {
            accept_terms: false,
            ..good()
        };
        assert!(form.validate().unwrap_err().get(fields::TERMS).is_some());
    }

    #[test]
    fn an_acceptance_must_name_the_versions_read() {
        let form = SignUpForm {
            agreement_version: "".into(),
            ..good()
        };
        assert!(form.validate().unwrap_err().get(fields::TERMS).is_some());
        let valid = good().validate().unwrap();
        assert_eq!((valid.terms_version, valid.agreement_version), (1, 1));
    }
}
