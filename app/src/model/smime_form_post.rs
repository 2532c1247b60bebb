//! The "New S/MIME order" form as a browser posts it without JavaScript: every field (a CSR
//! file included) and the page's one-use token, answered with a redirect (Post/Redirect/Get):
//! to the order it placed, or back to the form with its errors. The token places at most one
//! order, with or without script.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

use super::{FieldErrors, order_form_post::FormToken, smime::SmimeOrderForm};

/// What a post that was refused left for the form's next page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedSmimeForm {
    pub form: SmimeOrderForm,
    pub errors: FieldErrors,
    /// A refusal that belongs to no field (not enough credit, no CA yet).
    pub error: Option<Msg>,
}

/// One post of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmimeOrderPost {
    pub token: FormToken,
    pub form: SmimeOrderForm,
}

impl SmimeOrderPost {
    /// Reads the posted fields (name, text); a file field (`csr_file`) arrives as its text and
    /// replaces the CSR box when upload is chosen. Unknown fields are ignored.
    pub fn from_fields(
        fields: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut form = SmimeOrderForm::default();
        let (mut token, mut csr_file) = (None, String::new());
        for (name, value) in fields {
            match name.as_str() {
                "form_token" => token = errors.check("form_token", FormToken::parse(&value)),
                "product_id" => form.product_id = value.trim().parse().unwrap_or(0),
                "validity_days" => form.validity_days = value.trim().parse().unwrap_or(0),
                "requester_name" => form.requester_name = value,
                "requester_email" => form.requester_email = value,
                "requester_phone" => form.requester_phone = value,
                "same_as_requester" => form.same_as_requester = value != "false",
                "certificate_email" => form.certificate_email = value,
                "csr_source" => form.csr_source = value,
                "csr_pem" => form.csr_pem = value,
                "csr_file" => csr_file = value,
                "remarks" => form.remarks = value,
                _ => {}
            }
        }
        if form.csr_source == "upload" && !csr_file.trim().is_empty() {
            form.csr_pem = csr_file;
        }
        match token {
            Some(token) if errors.is_empty() => Ok(Self { token, form }),
            _ => {
                if errors.is_empty() {
                    errors.add(
                        "form_token",
                        Msg::new("err-form-was-posted-without-token-2"),
                    );
                }
                Err(errors)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "abcdefghijklmnopqrstuvwxyz012345";

    fn read(pairs: &[(&str, &str)]) -> Result<SmimeOrderPost, FieldErrors> {
        SmimeOrderPost::from_fields(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
        )
    }

    #[test]
    fn a_post_reads_the_form_and_an_uploaded_csr() {
        let post = read(&[
            ("form_token", TOKEN),
            ("product_id", "3"),
            ("validity_days", "365"),
            ("requester_name", "Asha Rao"),
            ("same_as_requester", "on"),
            ("csr_source", "upload"),
            ("csr_pem", ""),
            ("csr_file", "-----BEGIN CERTIFICATE REQUEST-----"),
        ])
        .expect("a valid post");
        assert_eq!(post.form.product_id, 3);
        assert_eq!(post.form.validity_days, 365);
        assert!(post.form.same_as_requester);
        assert_eq!(post.form.csr_pem, "-----BEGIN CERTIFICATE REQUEST-----");
        let unticked = read(&[("form_token", TOKEN)]).expect("a valid post");
        assert!(!unticked.form.same_as_requester);
    }

    #[test]
    fn a_post_without_its_token_is_refused_with_a_reason() {
        let errors = read(&[("product_id", "3")]).expect_err("refused");
        assert_eq!(errors.0[0].field, "form_token");
        let errors = read(&[("form_token", "x")]).expect_err("refused");
        assert_eq!(errors.0[0].field, "form_token");
    }
}
