//! The subject of an OV or EV certificate as the vetting desk verified it. An order's
//! certificate takes these values, never the request's own subject: what the applicant typed
//! into a CSR is not what was vetted (BR 7.1.4.2.2, EV Guidelines 9.2).

use rcgen::{DnType, DnValue};

use super::{CaError, issue::printable, issue::refused};

/// The vetted organization: its legal name and where it does business.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VettedSubject {
    pub organization: String,
    /// ISO 3166 code of the place of business.
    pub country: String,
    pub state: Option<String>,
    pub locality: Option<String>,
    /// The EV attributes, for EV certificates.
    pub ev: Option<EvSubject>,
}

/// What an EV certificate adds (EV Guidelines 9.2.3 to 9.2.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvSubject {
    /// One of the four business categories of EV Guidelines 9.2.3.
    pub business_category: &'static str,
    pub jurisdiction_country: String,
    pub jurisdiction_state: Option<String>,
    pub jurisdiction_locality: Option<String>,
    /// The registration number, or "Government Entity" for a body that has none.
    pub serial_number: String,
}

const EV_CATEGORIES: [&str; 4] = [
    "Private Organization",
    "Government Entity",
    "Business Entity",
    "Non-Commercial Entity",
];

impl VettedSubject {
    /// The attributes in the order the BRs list them; `ev` says whether the profile needs the
    /// EV ones (a vetted subject without them is refused for an EV profile).
    pub(super) fn attributes(&self, ev: bool) -> Result<Vec<(DnType, DnValue)>, CaError> {
        let country = self.country.as_str();
        if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(refused(
                "subject",
                "countryName must be a two-letter ISO 3166 code",
            ));
        }
        if self.state.is_none() && self.locality.is_none() {
            return Err(refused(
                "subject",
                "the vetted organization has neither a locality nor a state or province",
            ));
        }
        let mut out = vec![(DnType::CountryName, printable("subject", country)?)];
        if let Some(st) = &self.state {
            out.push((DnType::StateOrProvinceName, DnValue::Utf8String(st.clone())));
        }
        if let Some(l) = &self.locality {
            out.push((DnType::LocalityName, DnValue::Utf8String(l.clone())));
        }
        out.push((
            DnType::OrganizationName,
            DnValue::Utf8String(self.organization.clone()),
        ));
        if !ev {
            return Ok(out);
        }
        let Some(e) = &self.ev else {
            return Err(refused(
                "subject",
                "an EV certificate needs the organization's EV attributes",
            ));
        };
        if !EV_CATEGORIES.contains(&e.business_category) {
            return Err(refused(
                "subject",
                "businessCategory must be Private Organization, Government Entity, Business Entity or Non-Commercial Entity",
            ));
        }
        out.push((
            DnType::CustomDnType(vec![2, 5, 4, 15]),
            DnValue::Utf8String(e.business_category.to_owned()),
        ));
        if let Some(l) = &e.jurisdiction_locality {
            out.push((
                DnType::CustomDnType(vec![1, 3, 6, 1, 4, 1, 311, 60, 2, 1, 1]),
                DnValue::Utf8String(l.clone()),
            ));
        }
        if let Some(st) = &e.jurisdiction_state {
            out.push((
                DnType::CustomDnType(vec![1, 3, 6, 1, 4, 1, 311, 60, 2, 1, 2]),
                DnValue::Utf8String(st.clone()),
            ));
        }
        out.push((
            DnType::CustomDnType(vec![1, 3, 6, 1, 4, 1, 311, 60, 2, 1, 3]),
            printable("subject", &e.jurisdiction_country)?,
        ));
        out.push((
            DnType::CustomDnType(vec![2, 5, 4, 5]),
            printable("subject", &e.serial_number)?,
        ));
        Ok(out)
    }
}
