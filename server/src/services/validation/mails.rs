//! The constructed e-mail of domain validation, in the language of whoever asked for it.

use app::i18n::{Lang, tr, tr_args};

use crate::ports::Mail;

pub(super) fn constructed(lang: Lang, to: &str, domain: &str, link: &str) -> Mail {
    let args = [("domain", domain.into()), ("link", link.into())];
    Mail {
        to: to.to_owned(),
        to_name: None,
        subject: tr_args(lang, "mail-dcv-subject", &args),
        text: format!(
            "{}\n\n{}\n\n{}\n",
            tr(lang, "mail-hello"),
            tr_args(lang, "mail-dcv-body", &args),
            tr(lang, "mail-signature")
        ),
    }
}

/// The e-mail to a DNS contact (TLS BR 3.2.2.4.13, 3.2.2.4.14): it says where the address
/// was found, and that the link works for 30 days.
pub(super) fn to_contact(
    lang: Lang,
    to: &str,
    domain: &str,
    link: &str,
    method: app::model::domains::DcvMethod,
) -> Mail {
    let found_in = if method == app::model::domains::DcvMethod::CaaContactEmail {
        tr_args(
            lang,
            "mail-dcv-contact-in-caa",
            &[("domain", domain.into())],
        )
    } else {
        tr_args(
            lang,
            "mail-dcv-contact-in-txt",
            &[(
                "record",
                crate::domain::contact_email::txt_record_name(domain).into(),
            )],
        )
    };
    let args = [
        ("domain", domain.into()),
        ("link", link.into()),
        ("found_in", found_in.into()),
    ];
    Mail {
        to: to.to_owned(),
        to_name: None,
        subject: tr_args(lang, "mail-dcv-subject", &args),
        text: format!(
            "{}\n\n{}\n\n{}\n",
            tr(lang, "mail-hello"),
            tr_args(lang, "mail-dcv-contact-body", &args),
            tr(lang, "mail-signature")
        ),
    }
}
