//! The organization form (VAL-3): what a customer types about the organization to be vetted,
//! and its checks. A certificate's subject is built from what passes here and is then vetted,
//! so the limits are those of the certificate's fields (RFC 5280's upper bounds).

use serde::{Deserialize, Serialize};

use super::{
    Email, FieldErrors,
    organizations::OrganizationType,
    text::{self, visible},
};
use crate::i18n::Msg;

/// RFC 5280's `ub-organization-name`: a legal or trade name longer than this cannot be the
/// certificate's `O`.
pub const NAME_MAX: usize = 64;
/// `ub-serial-number` (the EV subject's `serialNumber`, the registration number).
pub const REGISTRATION_MAX: usize = 64;
/// `ub-state-name` and `ub-locality-name`.
pub const PLACE_MAX: usize = 128;
/// `ub-street-address` is not bounded by RFC 5280; the CA/Browser Forum profiles are not either,
/// so the longest line a postal address needs.
pub const STREET_MAX: usize = 200;
/// `ub-postal-code`.
pub const POSTAL_CODE_MAX: usize = 16;
pub const DESIGNATION_MAX: usize = 100;

/// The form as posted: text as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationForm {
    #[serde(default)]
    pub legal_name: String,
    /// Doing-business-as name, when it trades under another.
    #[serde(default)]
    pub trade_name: String,
    /// [`OrganizationType::as_str`].
    #[serde(default)]
    pub org_type: String,
    #[serde(default)]
    pub registration_number: String,
    /// The registry that holds the registration (e.g. "Registrar of Companies, Bengaluru").
    #[serde(default)]
    pub registration_agency: String,
    #[serde(default)]
    pub jurisdiction_country: String,
    #[serde(default)]
    pub jurisdiction_state: String,
    #[serde(default)]
    pub jurisdiction_locality: String,
    #[serde(default)]
    pub street: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub postal_code: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub rep_name: String,
    #[serde(default)]
    pub rep_email: String,
    #[serde(default)]
    pub rep_phone: String,
    #[serde(default)]
    pub rep_designation: String,
}

/// A person who speaks for the organization, as posted (the representative's fields of the
/// organization form, or an alternate representative's own form).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub designation: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidContact {
    pub name: String,
    pub email: Email,
    /// `+` and digits.
    pub phone: String,
    pub designation: String,
}

/// Where the organization is incorporated or registered (EVG §9.2.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jurisdiction {
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub state: Option<String>,
    pub locality: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub street: String,
    pub city: String,
    pub state: Option<String>,
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidOrganization {
    pub legal_name: String,
    pub trade_name: Option<String>,
    pub org_type: OrganizationType,
    /// None only for a government entity, which the EV Guidelines let go without one.
    pub registration_number: Option<String>,
    pub registration_agency: Option<String>,
    pub jurisdiction: Jurisdiction,
    pub address: Address,
    pub phone: String,
    pub representative: ValidContact,
}

/// Text of at most `max` characters without hidden characters, spaces collapsed; `None` when
/// blank. `what` is the catalogue key of the field's name (for the hidden-character message).
fn optional(raw: &str, max: usize, what: &'static str) -> Result<Option<String>, Msg> {
    let value = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.is_empty() {
        return Ok(None);
    }
    if value.chars().count() > max {
        return Err(Msg::new("err-organization-field-too-long").arg("max", max));
    }
    visible(&value, what)?;
    Ok(Some(value))
}

/// [`optional`], refusing a blank value with `missing`.
fn required(
    raw: &str,
    max: usize,
    what: &'static str,
    missing: &'static str,
) -> Result<String, Msg> {
    optional(raw, max, what)?.ok_or_else(|| Msg::new(missing))
}

/// A legal or trade name that fits a certificate's organization field.
fn certificate_name(raw: &str) -> Result<String, Msg> {
    let name = text::organization_name(raw)?;
    if name.chars().count() > NAME_MAX {
        return Err(Msg::new("err-organization-name-64").arg("max", NAME_MAX));
    }
    Ok(name)
}

fn phone(raw: &str) -> Result<String, Msg> {
    if raw.trim().is_empty() {
        return Err(Msg::new("err-enter-phone-number"));
    }
    text::mobile(raw)
}

impl ContactForm {
    pub fn validate(&self) -> Result<ValidContact, FieldErrors> {
        let mut errors = FieldErrors::new();
        let contact = self.validate_into(&mut errors, "");
        match contact {
            Some(c) if errors.is_empty() => Ok(c),
            _ => Err(errors),
        }
    }

    /// Checks into `errors`, naming each field `<prefix><field>` (the organization form's
    /// representative fields are `rep_name`, `rep_email`, …).
    fn validate_into(&self, errors: &mut FieldErrors, prefix: &str) -> Option<ValidContact> {
        let field = |name: &str| format!("{prefix}{name}");
        let name = errors.check(&field("name"), text::person_name(&self.name));
        let email = errors.check(&field("email"), Email::parse(&self.email));
        let phone = errors.check(&field("phone"), phone(&self.phone));
        let designation = errors.check(
            &field("designation"),
            required(
                &self.designation,
                DESIGNATION_MAX,
                "err-what-designation",
                "err-enter-designation",
            ),
        );
        Some(ValidContact {
            name: name?,
            email: email?,
            phone: phone?,
            designation: designation?,
        })
    }
}

impl OrganizationForm {
    /// The representative's part of the form.
    pub fn representative(&self) -> ContactForm {
        ContactForm {
            name: self.rep_name.clone(),
            email: self.rep_email.clone(),
            phone: self.rep_phone.clone(),
            designation: self.rep_designation.clone(),
        }
    }

    pub fn validate(&self) -> Result<ValidOrganization, FieldErrors> {
        let mut e = FieldErrors::new();
        let legal_name = e.check("legal_name", certificate_name(&self.legal_name));
        let trade_name = e.check(
            "trade_name",
            if self.trade_name.trim().is_empty() {
                Ok(None)
            } else {
                certificate_name(&self.trade_name).map(Some)
            },
        );
        let org_type = e.check(
            "org_type",
            OrganizationType::parse(self.org_type.trim())
                .ok_or_else(|| Msg::new("err-choose-organization-type")),
        );
        // A government entity may have no registration (EVG §11.2.2 (4)); every other kind
        // names the registry entry the vetting agent looks up.
        let government = org_type == Some(OrganizationType::GovernmentEntity);
        let registration_number = e.check(
            "registration_number",
            optional(
                &self.registration_number,
                REGISTRATION_MAX,
                "err-what-registration-number",
            )
            .and_then(|v| match v {
                None if !government => Err(Msg::new("err-enter-registration-number")),
                v => Ok(v),
            }),
        );
        let registration_agency = e.check(
            "registration_agency",
            optional(
                &self.registration_agency,
                PLACE_MAX,
                "err-what-registration-agency",
            )
            .and_then(|v| match v {
                None if !government => Err(Msg::new("err-enter-registration-agency")),
                v => Ok(v),
            }),
        );
        let jurisdiction_country = e.check(
            "jurisdiction_country",
            text::country(&self.jurisdiction_country),
        );
        let jurisdiction_state = e.check(
            "jurisdiction_state",
            optional(&self.jurisdiction_state, PLACE_MAX, "err-what-state"),
        );
        let jurisdiction_locality = e.check(
            "jurisdiction_locality",
            optional(&self.jurisdiction_locality, PLACE_MAX, "err-what-locality"),
        );
        let street = e.check(
            "street",
            required(
                &self.street,
                STREET_MAX,
                "err-what-street",
                "err-enter-street",
            ),
        );
        let city = e.check(
            "city",
            required(&self.city, PLACE_MAX, "err-what-locality", "err-enter-city"),
        );
        let state = e.check("state", optional(&self.state, PLACE_MAX, "err-what-state"));
        let postal_code = e.check(
            "postal_code",
            optional(&self.postal_code, POSTAL_CODE_MAX, "err-what-postal-code"),
        );
        let country = e.check("country", text::country(&self.country));
        let phone = e.check("phone", phone(&self.phone));
        let representative = self.representative().validate_into(&mut e, "rep_");
        let valid = (|| {
            Some(ValidOrganization {
                legal_name: legal_name?,
                trade_name: trade_name?,
                org_type: org_type?,
                registration_number: registration_number?,
                registration_agency: registration_agency?,
                jurisdiction: Jurisdiction {
                    country: jurisdiction_country?,
                    state: jurisdiction_state?,
                    locality: jurisdiction_locality?,
                },
                address: Address {
                    street: street?,
                    city: city?,
                    state: state?,
                    postal_code: postal_code?,
                    country: country?,
                },
                phone: phone?,
                representative: representative?,
            })
        })();
        match valid {
            Some(v) if e.is_empty() => Ok(v),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn acme_form() -> OrganizationForm {
        OrganizationForm {
            legal_name: "Acme Widgets Private Limited".into(),
            trade_name: "Acme".into(),
            org_type: "private_organization".into(),
            registration_number: "U72200KA2009PTC049889".into(),
            registration_agency: "Registrar of Companies, Bengaluru".into(),
            jurisdiction_country: "in".into(),
            jurisdiction_state: "Karnataka".into(),
            jurisdiction_locality: String::new(),
            street: "12  MG Road".into(),
            city: "Bengaluru".into(),
            state: "Karnataka".into(),
            postal_code: "560001".into(),
            country: "IN".into(),
            phone: "+91 80 4000 1234".into(),
            rep_name: "Asha Rao".into(),
            rep_email: "Asha@Acme-Widgets.in".into(),
            rep_phone: "+91 98450 12345".into(),
            rep_designation: "Company Secretary".into(),
        }
    }

    #[test]
    fn a_complete_form_reads_as_typed_with_spaces_collapsed_and_codes_normalised() {
        let v = acme_form().validate().unwrap();
        assert_eq!(v.legal_name, "Acme Widgets Private Limited");
        assert_eq!(v.trade_name.as_deref(), Some("Acme"));
        assert_eq!(v.org_type, OrganizationType::PrivateOrganization);
        assert_eq!(v.jurisdiction.country, "IN");
        assert_eq!(v.jurisdiction.locality, None);
        assert_eq!(v.address.street, "12 MG Road");
        assert_eq!(v.phone, "+918040001234");
        assert_eq!(v.representative.email.as_str(), "asha@acme-widgets.in");
    }

    #[test]
    fn a_legal_name_that_cannot_be_a_certificates_organization_field_is_refused() {
        let mut f = acme_form();
        f.legal_name = "A".repeat(65);
        let e = f.validate().unwrap_err();
        assert!(e.get("legal_name").is_some());
        f.legal_name = "A".repeat(64);
        assert!(f.validate().is_ok());
    }

    #[test]
    fn every_missing_field_is_named_at_once() {
        let e = OrganizationForm::default().validate().unwrap_err();
        for field in [
            "legal_name",
            "org_type",
            "jurisdiction_country",
            "street",
            "city",
            "country",
            "phone",
            "rep_name",
            "rep_email",
            "rep_phone",
            "rep_designation",
        ] {
            assert!(e.get(field).is_some(), "{field}");
        }
        assert!(e.get("trade_name").is_none());
    }

    #[test]
    fn only_a_government_entity_may_go_without_a_registration() {
        let mut f = acme_form();
        f.registration_number.clear();
        f.registration_agency.clear();
        let e = f.validate().unwrap_err();
        assert!(e.get("registration_number").is_some());
        assert!(e.get("registration_agency").is_some());
        f.org_type = "government_entity".into();
        let v = f.validate().unwrap();
        assert_eq!(v.registration_number, None);
    }

    #[test]
    fn hidden_characters_and_unknown_types_are_refused() {
        let mut f = acme_form();
        f.street = "12 MG\u{202e} Road".into();
        f.org_type = "Private Organization".into();
        let e = f.validate().unwrap_err();
        assert!(e.get("street").is_some());
        assert!(e.get("org_type").is_some());
    }
}
