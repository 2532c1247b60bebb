//! Groups (cost centres, business units) as administrators manage them (ID-9).

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

use super::FieldErrors;

/// Which balance pays a group's orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FinanceMode {
    /// The account's balance.
    Account,
    /// The group's own balance, allocated from the account's.
    Group,
}

impl FinanceMode {
    pub const ALL: [FinanceMode; 2] = [Self::Account, Self::Group];

    /// The stored and form value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Account => "account",
            Self::Group => "group",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// The catalogue key of how the group pays, in the reader's language.
    pub fn key(self) -> &'static str {
        match self {
            Self::Account => "group-from-account",
            Self::Group => "group-from-group",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// `account` (orders paid from the account balance) or `group` (from the group's own).
    #[serde(default)]
    pub finance_mode: String,
    /// A limit on what the group may spend, e.g. `2500.00`; empty for none.
    #[serde(default)]
    pub spend_limit: String,
    /// Addresses for renewal and expiry notices, separated by commas or new lines.
    #[serde(default)]
    pub renewal_emails: String,
    /// Only the group's members use it (a checkbox: present when ticked).
    #[serde(default, deserialize_with = "super::form_values::checkbox")]
    pub restricted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidGroup {
    pub name: String,
    pub description: String,
    pub finance_mode: FinanceMode,
    pub spend_limit_minor: Option<i64>,
    pub renewal_emails: Vec<String>,
    pub restricted: bool,
}

/// A spend limit as minor units; empty for none.
fn minor_units(raw: &str) -> Result<Option<i64>, Msg> {
    super::billing::parse_minor_units(raw).map_err(|()| Msg::new("err-enter-amount-such-2500-2500"))
}

impl GroupForm {
    pub fn validate(&self) -> Result<ValidGroup, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > 64 || name.chars().any(char::is_control) {
            errors.add("name", Msg::new("err-enter-name-1-64-characters"));
        } else if let Err(message) = super::text::visible(name, "err-what-group-name") {
            errors.add("name", message);
        }
        let description = self.description.trim();
        if description.chars().count() > 500 {
            errors.add("description", Msg::new("err-enter-most-500-characters"));
        }
        let finance_mode = match self.finance_mode.as_str() {
            "" => FinanceMode::Account,
            chosen => FinanceMode::parse(chosen).unwrap_or_else(|| {
                errors.add(
                    "finance_mode",
                    Msg::new("err-choose-account-balance-group-balance"),
                );
                FinanceMode::Account
            }),
        };
        let spend_limit_minor = errors
            .check("spend_limit", minor_units(&self.spend_limit))
            .flatten();
        let renewal_emails = errors
            .check(
                "renewal_emails",
                super::email::email_list(&self.renewal_emails, 10),
            )
            .unwrap_or_default();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidGroup {
            name: name.to_owned(),
            description: description.to_owned(),
            finance_mode,
            spend_limit_minor,
            renewal_emails,
            restricted: self.restricted,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupView {
    pub id: i32,
    pub name: String,
    pub description: String,
    pub is_default: bool,
    pub finance_mode: FinanceMode,
    pub spend_limit_minor: Option<i64>,
    pub renewal_emails: Vec<String>,
    /// Only its members use it.
    pub restricted: bool,
    /// The domains the group orders for (and their sub-domains); empty for all of the
    /// account's domains.
    pub domains: Vec<String>,
    /// Where the logo is served, with its version so a new one is not hidden by a cache.
    pub logo_url: Option<String>,
}

impl GroupView {
    pub fn spend_limit_text(&self) -> String {
        self.spend_limit_minor
            .map(super::billing::minor_text)
            .unwrap_or_default()
    }

    pub fn form(&self) -> GroupForm {
        GroupForm {
            name: self.name.clone(),
            description: self.description.clone(),
            finance_mode: self.finance_mode.as_str().to_owned(),
            spend_limit: self.spend_limit_text(),
            renewal_emails: self.renewal_emails.join(", "),
            restricted: self.restricted,
        }
    }
}

/// The names a group may not order when it is limited to `group_domains`: those under none
/// of them. A group with no domains listed orders for all, so nothing is outside.
pub fn names_outside(group_domains: &[String], names: &[String]) -> Vec<String> {
    if group_domains.is_empty() {
        return Vec::new();
    }
    names
        .iter()
        .filter(|n| {
            !group_domains
                .iter()
                .any(|d| super::dns_name::is_within(n, d))
        })
        .cloned()
        .collect()
}

/// The largest logo accepted: a header image, not a photograph.
pub const LOGO_MAX_BYTES: usize = 200 * 1024;

/// The image types a logo may be, told by their first bytes rather than a name or a claimed
/// type. SVG is refused: it can carry scripts.
pub fn logo_content_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some("image/jpeg")
    } else {
        None
    }
}

/// A logo as the browser sends it (a `data:` URL of the chosen file): its type and bytes, or
/// what is wrong with it.
pub fn logo_from_data_url(data_url: &str) -> Result<(&'static str, Vec<u8>), Msg> {
    use base64::Engine as _;
    let encoded = data_url
        .split_once(";base64,")
        .filter(|(head, _)| head.starts_with("data:"))
        .map(|(_, body)| body)
        .ok_or_else(|| Msg::new("err-choose-png-jpeg-file-logo"))?;
    if encoded.len() > LOGO_MAX_BYTES.div_ceil(3) * 4 {
        return Err(too_large());
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .map_err(|_| Msg::new("err-logo-could-not-read-choose"))?;
    if bytes.len() > LOGO_MAX_BYTES {
        return Err(too_large());
    }
    let kind = logo_content_type(&bytes).ok_or_else(|| Msg::new("err-logo-must-png-jpeg-image"))?;
    Ok((kind, bytes))
}

/// The bytes of a chosen file as the `data:` URL `logo_from_data_url` reads.
pub fn logo_data_url(bytes: &[u8]) -> Result<String, Msg> {
    use base64::Engine as _;
    if bytes.len() > LOGO_MAX_BYTES {
        return Err(too_large());
    }
    let kind = logo_content_type(bytes).ok_or_else(|| Msg::new("err-logo-must-png-jpeg-image"))?;
    Ok(format!(
        "data:{kind};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    ))
}

fn too_large() -> Msg {
    Msg::new("err-logo-may-most-kb").arg("kb", LOGO_MAX_BYTES / 1024)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupsPage {
    pub groups: Vec<GroupView>,
    /// The operator enabled more than the default group for this account.
    pub can_add: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_become_minor_units_and_bad_fields_are_named() {
        assert_eq!(minor_units("2,500.5"), Ok(Some(250_050)));
        assert_eq!(minor_units("  "), Ok(None));
        for bad in ["-5", "1.234", "ten", ".5"] {
            assert!(minor_units(bad).is_err(), "{bad}");
        }
        let form = GroupForm {
            name: " ".into(),
            finance_mode: "credit".into(),
            spend_limit: "lots".into(),
            renewal_emails: "ops@example.com, nobody".into(),
            ..Default::default()
        };
        let errors = form.validate().unwrap_err();
        for field in ["name", "finance_mode", "spend_limit", "renewal_emails"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn a_group_with_domains_orders_only_for_them_and_their_sub_domains() {
        let names: Vec<String> = [
            "example.com",
            "*.shop.example.com",
            "example.org",
            "badexample.com",
        ]
        .map(String::from)
        .to_vec();
        assert!(names_outside(&[], &names).is_empty());
        assert_eq!(
            names_outside(&["example.com".into()], &names),
            ["example.org", "badexample.com"]
        );
        assert_eq!(
            names_outside(&["example.com".into(), "example.org".into()], &names),
            ["badexample.com"]
        );
    }

    #[test]
    fn a_logo_is_a_small_png_or_jpeg_told_by_its_bytes() {
        let png = [b"\x89PNG\r\n\x1a\n".as_slice(), &[0u8; 16]].concat();
        let url = logo_data_url(&png).unwrap();
        assert!(url.starts_with("data:image/png;base64,"));
        assert_eq!(
            logo_from_data_url(&url).unwrap(),
            ("image/png", png.clone())
        );
        let jpeg = [0xff, 0xd8, 0xff, 0xe0, 0, 16];
        assert_eq!(
            logo_from_data_url(&logo_data_url(&jpeg).unwrap())
                .unwrap()
                .0,
            "image/jpeg"
        );
        // An SVG (scripts), or a PNG name on other bytes, is refused whatever it claims.
        let svg = "data:image/png;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+";
        assert!(
            logo_from_data_url(svg)
                .unwrap_err()
                .to_string()
                .contains("PNG or JPEG")
        );
        assert!(logo_data_url(b"<svg/>").is_err());
        assert!(logo_from_data_url("not a data url").is_err());
        assert!(
            logo_from_data_url("data:image/png;base64,@@@")
                .unwrap_err()
                .to_string()
                .contains("read")
        );
        let big = [png.as_slice(), &vec![0u8; LOGO_MAX_BYTES]].concat();
        assert!(
            logo_data_url(&big)
                .unwrap_err()
                .to_string()
                .contains("200 KB")
        );
        let encoded = format!(
            "data:image/png;base64,{}",
            base64::Engine::encode(&base64::engine::general_purpose::STANDARD, &big)
        );
        assert!(
            logo_from_data_url(&encoded)
                .unwrap_err()
                .to_string()
                .contains("200 KB")
        );
    }
}
