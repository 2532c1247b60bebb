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
