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
    pub accept_terms: bool,
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
pub fn validate_field(field: &str, value: &str) -> Result<(), String> {
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

fn kind(value: &str) -> Result<AccountKind, String> {
    match AccountKind::parse(value.trim()) {
        Some(k @ (AccountKind::Enterprise | AccountKind::Partner)) => Ok(k),
        _ => Err("Choose Enterprise or Partner.".into()),
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
        if !self.accept_terms {
            errors.add(
                fields::TERMS,
                "Accept the terms of service and subscriber agreement to continue.",
            );
        }
        match (kind, name, email, mobile, organization, country) {
            (
                Some(kind),
                Some(name),
                Some(email),
                Some(mobile),
                Some(organization),
                Some(country),
            ) if errors.is_empty() => Ok(ValidSignUp {
                kind,
                name,
                email,
                mobile,
                organization,
                country,
            }),
            _ => Err(errors),
        }
    }
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
}
