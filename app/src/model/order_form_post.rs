//! The new-request wizard as a browser posts it without JavaScript: one form that holds every
//! step's fields (the steps not shown are hidden, and a hidden field still posts, so nothing
//! typed is lost), the step the browser was on, the button pressed and the page's one-use
//! token. Each post is answered with a redirect to the next page (Post/Redirect/Get), and the
//! token places at most one order.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

use super::{
    FieldErrors, dns_name,
    orders::{NameRules, OrderForm, WizardStep},
    products::{Offer, ProductKind},
    template::Field,
};

/// The one-use token of an order form's page: 22 to 64 URL-safe characters, made by the
/// server from 128 random bits or more.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct FormToken(String);

impl FormToken {
    pub fn parse(text: &str) -> Result<Self, Msg> {
        let ok = (22..=64).contains(&text.len())
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if ok {
            Ok(Self(text.to_owned()))
        } else {
            Err(Msg::new("err-form-has-expired-was-changed"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for FormToken {
    type Error = Msg;

    fn try_from(text: String) -> Result<Self, Msg> {
        Self::parse(&text)
    }
}

impl From<FormToken> for String {
    fn from(token: FormToken) -> Self {
        token.0
    }
}

impl std::fmt::Display for FormToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The button a post came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WizardGo {
    Back,
    Next,
    /// One of the account's pre-verified domains, added to the names.
    AddName(String),
    /// Pay now (or submit for approval), or save as a draft.
    Place {
        draft: bool,
    },
}

impl WizardGo {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "back" => Some(Self::Back),
            "next" => Some(Self::Next),
            "pay" => Some(Self::Place { draft: false }),
            "draft" => Some(Self::Place { draft: true }),
            _ => text
                .strip_prefix("add:")
                .map(dns_name::normalize)
                .filter(|n| !n.is_empty())
                .map(Self::AddName),
        }
    }
}

/// A form the server keeps between the posts of a browser without JavaScript: where it is,
/// what it holds, and what the last post got wrong.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedOrderForm {
    pub step: usize,
    pub form: OrderForm,
    pub errors: FieldErrors,
    /// A refusal that belongs to no field (not enough credit, no CA yet).
    pub error: Option<Msg>,
}

/// One post of the wizard's form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WizardPost {
    pub token: FormToken,
    pub step: WizardStep,
    pub go: WizardGo,
    pub form: OrderForm,
}

/// The most a field may hold (a CSR with many names fits easily), and the most fields.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;
pub const MAX_FIELDS: usize = 64;

impl WizardPost {
    /// Reads the posted fields (name, text), each once; a file field (`csr_file`) arrives as
    /// its text. Unknown fields are ignored, as a form of a newer page may post more.
    pub fn from_fields(
        fields: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut form = OrderForm::default();
        let (mut token, mut step, mut go, mut csr_file) = (None, None, None, String::new());
        for (name, value) in fields {
            match name.as_str() {
                "form_token" => token = errors.check("form_token", FormToken::parse(&value)),
                "step" => {
                    step = value
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| WizardStep::ALL.get(i).copied());
                }
                "go" => go = WizardGo::parse(&value),
                "product_id" => form.product_id = value.trim().parse().unwrap_or(0),
                "validity_days" => form.validity_days = value.trim().parse().unwrap_or(0),
                "requester_name" => form.requester_name = value,
                "requester_email" => form.requester_email = value,
                "requester_phone" => form.requester_phone = value,
                "csr_source" => form.csr_source = value,
                "csr_pem" => form.csr_pem = value,
                "csr_file" => csr_file = value,
                "names" => form.names = value,
                "add_www" => form.add_www = value != "false",
                "tags" => form.tags = value,
                "remarks" => form.remarks = value,
                "tech_name" => form.tech_name = value,
                "tech_email" => form.tech_email = value,
                "extra_emails" => form.extra_emails = value,
                "auto_renew" => form.auto_renew = value != "false",
                "delegate_name" => form.delegate_name = value,
                "delegate_email" => form.delegate_email = value,
                "group_id" => form.group_id = value.trim().parse().unwrap_or(0),
                "organization_id" => form.organization_id = value.trim().parse().unwrap_or(0),
                "signer_name" => form.signer_name = value,
                "signer_email" => form.signer_email = value,
                "approver_name" => form.approver_name = value,
                "approver_email" => form.approver_email = value,
                other => {
                    if let Some(index) = attribute_index(other) {
                        if form.attributes.len() < Field::ALL.len() {
                            form.attributes.resize(Field::ALL.len(), String::new());
                        }
                        if let Some(slot) = form.attributes.get_mut(index) {
                            *slot = value;
                        }
                    }
                }
            }
        }
        // A chosen file replaces what the CSR box held; no file keeps it (the box carries the
        // CSR read from an earlier upload from page to page).
        if form.csr_source == "upload" && !csr_file.trim().is_empty() {
            form.csr_pem = csr_file;
        }
        let Some(step) = step else {
            errors.add("step", Msg::new("err-form-was-posted-without-step"));
            return Err(errors);
        };
        let Some(go) = go else {
            errors.add("go", Msg::new("err-form-was-posted-without-button"));
            return Err(errors);
        };
        match token {
            Some(token) if errors.is_empty() => Ok(Self {
                token,
                step,
                go,
                form,
            }),
            _ => {
                if errors.is_empty() {
                    errors.add("form_token", Msg::new("err-form-was-posted-without-token"));
                }
                Err(errors)
            }
        }
    }

    /// Where the post leads, by the same rules the browser's wizard applies: the step to show
    /// next and the errors to show on it. `Place` is the caller's (it stores the order).
    pub fn advance(&mut self, rules: NameRules) -> (WizardStep, FieldErrors) {
        let index = WizardStep::ALL
            .iter()
            .position(|s| *s == self.step)
            .unwrap_or_default();
        let at = |i: usize| {
            WizardStep::ALL
                .get(i)
                .copied()
                .unwrap_or(WizardStep::Summary)
        };
        match &self.go {
            WizardGo::Back => (at(index.saturating_sub(1)), FieldErrors::new()),
            WizardGo::AddName(name) => {
                self.form.names = with_name(&self.form.names, name);
                (self.step, FieldErrors::new())
            }
            WizardGo::Next | WizardGo::Place { .. } => {
                let mut errors = self.form.step_errors(self.step, rules);
                if self.step == WizardStep::Csr
                    && self.form.csr_source == "browser"
                    && self.form.csr_pem.trim().is_empty()
                {
                    errors.add("csr_source", Msg::new("err-browser-key-needs-javascript"));
                }
                if errors.is_empty() && matches!(self.go, WizardGo::Next) {
                    (at(index + 1), errors)
                } else {
                    (self.step, errors)
                }
            }
        }
    }
}

/// The step that shows the first of `errors` (where a refused order sends the browser back).
pub fn step_of(errors: &FieldErrors) -> WizardStep {
    errors
        .0
        .iter()
        .find_map(|e| {
            WizardStep::ALL
                .into_iter()
                .find(|s| s.fields().contains(&e.field.as_str()))
        })
        .unwrap_or(WizardStep::Summary)
}

/// `attributes[3]` → 3.
fn attribute_index(name: &str) -> Option<usize> {
    name.strip_prefix("attributes[")?
        .strip_suffix(']')?
        .parse()
        .ok()
}

/// What the product allows in the names step, with the number of domains chosen for UCC.
pub fn name_rules(offer: Option<&Offer>, domains: u32) -> NameRules {
    match offer {
        Some(o) => NameRules {
            public: o.kind != ProductKind::Private,
            wildcard: o.wildcard,
            max_names: if o.multi_domain {
                domains.clamp(1, o.max_domains.max(1))
            } else {
                o.max_domains.max(1)
            },
            multi_domain: o.multi_domain,
            organization: o.kind.vetting_level(),
        },
        None => NameRules {
            public: true,
            wildcard: false,
            max_names: 1,
            multi_domain: false,
            organization: None,
        },
    }
}

/// The names typed so far with `name` added (once) on a line of its own.
pub fn with_name(names: &str, name: &str) -> String {
    let present = names
        .split(['\n', ',', ' '])
        .any(|n| dns_name::normalize(n) == name);
    match names.trim_end() {
        _ if present => names.to_owned(),
        "" => name.to_owned(),
        typed => format!("{typed}\n{name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    const TOKEN: &str = "abcdefghijklmnopqrstuvwxyz012345";

    fn dv() -> NameRules {
        NameRules {
            public: true,
            wildcard: false,
            max_names: 1,
            multi_domain: false,
            organization: None,
        }
    }

    #[test]
    fn a_pre_verified_domain_is_added_once_on_its_own_line() {
        assert_eq!(with_name("", "example.com"), "example.com");
        assert_eq!(
            with_name("shop.example.com\n", "example.com"),
            "shop.example.com\nexample.com"
        );
        assert_eq!(with_name("Example.com", "example.com"), "Example.com");
        assert_eq!(
            with_name("a.example, example.com", "example.com"),
            "a.example, example.com"
        );
    }

    #[test]
    fn a_post_reads_every_steps_fields_and_the_button() {
        let post = WizardPost::from_fields(fields(&[
            ("form_token", TOKEN),
            ("step", "3"),
            ("go", "next"),
            ("product_id", "7"),
            ("validity_days", "199"),
            ("names", "shop.example.com"),
            ("add_www", "on"),
            ("attributes[2]", "Sales"),
            ("group_id", "4"),
            ("organization_id", "12"),
            ("unknown", "ignored"),
        ]))
        .expect("a valid post");
        assert_eq!(post.token.as_str(), TOKEN);
        assert_eq!(post.step, WizardStep::Details);
        assert_eq!(post.go, WizardGo::Next);
        assert_eq!(post.form.product_id, 7);
        assert_eq!(post.form.validity_days, 199);
        assert!(post.form.add_www);
        assert!(!post.form.auto_renew, "an unticked box does not post");
        assert_eq!(post.form.attributes.len(), Field::ALL.len());
        assert_eq!(post.form.attributes[2], "Sales");
        assert_eq!(post.form.group_id, 4);
        assert_eq!(post.form.organization_id, 12);
    }

    #[test]
    fn an_ov_products_first_step_asks_for_the_organization_and_a_dv_one_drops_it() {
        use crate::model::organizations::VettingLevel;
        let ov = NameRules {
            organization: Some(VettingLevel::Ov),
            ..dv()
        };
        let mut post = WizardPost::from_fields(fields(&[
            ("form_token", TOKEN),
            ("step", "0"),
            ("go", "next"),
            ("product_id", "7"),
            ("validity_days", "199"),
        ]))
        .expect("a valid post");
        let (step, errors) = post.advance(ov);
        assert_eq!(step, WizardStep::Product);
        assert_eq!(errors.0[0].field, "organization_id");
        post.form.organization_id = 12;
        let (step, errors) = post.advance(ov);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(step, WizardStep::Requester);
    }

    #[test]
    fn an_uploaded_csr_file_replaces_the_csr_box_only_when_upload_is_chosen() {
        let read = |source: &str, file: &str| {
            WizardPost::from_fields(fields(&[
                ("form_token", TOKEN),
                ("step", "2"),
                ("go", "next"),
                ("csr_source", source),
                ("csr_pem", "from the box"),
                ("csr_file", file),
            ]))
            .expect("a valid post")
            .form
            .csr_pem
        };
        assert_eq!(read("upload", "from the file"), "from the file");
        assert_eq!(read("upload", ""), "from the box");
        assert_eq!(read("paste", "from the file"), "from the box");
    }

    #[test]
    fn a_post_without_token_step_or_button_is_refused_with_a_reason() {
        for missing in ["form_token", "step", "go"] {
            let all = [("form_token", TOKEN), ("step", "0"), ("go", "next")];
            let post = all.iter().filter(|(k, _)| *k != missing).copied();
            let errors =
                WizardPost::from_fields(fields(&post.collect::<Vec<_>>())).expect_err("refused");
            assert_eq!(errors.0[0].field, missing);
        }
        let errors = WizardPost::from_fields(fields(&[
            ("form_token", "short"),
            ("step", "0"),
            ("go", "next"),
        ]))
        .expect_err("a token too short");
        assert_eq!(errors.0[0].field, "form_token");
    }

    #[test]
    fn next_stays_on_a_step_with_errors_and_moves_on_from_a_good_one() {
        let mut post = WizardPost::from_fields(fields(&[
            ("form_token", TOKEN),
            ("step", "1"),
            ("go", "next"),
            ("requester_name", "Ada"),
            ("requester_email", "not an address"),
        ]))
        .expect("a valid post");
        let (step, errors) = post.advance(dv());
        assert_eq!(step, WizardStep::Requester);
        assert_eq!(errors.0[0].field, "requester_email");
        post.form.requester_email = "ada@example.com".into();
        let (step, errors) = post.advance(dv());
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(step, WizardStep::Csr);
        post.go = WizardGo::Back;
        assert_eq!(post.advance(dv()).0, WizardStep::Product);
    }

    #[test]
    fn without_javascript_the_browser_key_choice_asks_for_a_csr_instead() {
        let mut post = WizardPost::from_fields(fields(&[
            ("form_token", TOKEN),
            ("step", "2"),
            ("go", "next"),
            ("csr_source", "browser"),
        ]))
        .expect("a valid post");
        let (step, errors) = post.advance(dv());
        assert_eq!(step, WizardStep::Csr);
        assert!(
            errors.0.iter().any(|e| e.field == "csr_source"
                && e.message.key() == "err-browser-key-needs-javascript")
        );
    }

    #[test]
    fn adding_a_pre_verified_domain_stays_on_the_step() {
        let mut post = WizardPost::from_fields(fields(&[
            ("form_token", TOKEN),
            ("step", "3"),
            ("go", "add:Example.COM"),
            ("names", "shop.example.com"),
        ]))
        .expect("a valid post");
        let (step, errors) = post.advance(dv());
        assert_eq!(step, WizardStep::Details);
        assert!(errors.is_empty());
        assert_eq!(post.form.names, "shop.example.com\nexample.com");
    }

    #[test]
    fn a_refused_order_goes_back_to_the_step_of_its_first_error() {
        assert_eq!(
            step_of(&FieldErrors::single("csr_pem", Msg::new("err-provide-csr"))),
            WizardStep::Csr
        );
        assert_eq!(step_of(&FieldErrors::new()), WizardStep::Summary);
    }
}
