//! The S/MIME order's e-mails: the confirmation to the requester and the verification link
//! to the mailbox, in the language the order was placed in.

use app::i18n::{Lang, tr_args};

use super::super::mails::{id, letter, text};
use crate::{ports::Mail, store::OrderRow};

pub(super) fn confirmation(lang: Lang, order: &OrderRow, email: Option<&str>, page: &str) -> Mail {
    let args = [
        ("id", id(order.id)),
        ("product", order.product_name.as_str().into()),
        ("email", email.unwrap_or_default().into()),
        ("link", page.into()),
    ];
    let body = if email.is_some() {
        "mail-smime-confirmation-link-sent"
    } else {
        "mail-smime-confirmation-no-email"
    };
    letter(
        lang,
        order,
        ("mail-smime-confirmation-subject", body),
        &args,
    )
}

/// Sent to the mailbox being verified and to nobody else: reading it is the proof.
pub(super) fn verification(lang: Lang, order: &OrderRow, email: &str, link: &str) -> Mail {
    let args = [
        ("id", id(order.id)),
        ("requester", order.requester_name.as_str().into()),
        ("email", email.into()),
        ("link", link.into()),
    ];
    Mail {
        to: email.to_owned(),
        to_name: None,
        subject: tr_args(lang, "mail-smime-verification-subject", &args),
        text: text(
            lang,
            None,
            &tr_args(lang, "mail-smime-verification-body", &args),
            None,
        ),
    }
}

pub(super) fn issued(lang: Lang, order: &OrderRow, email: &str, page: &str) -> Mail {
    let args = [
        ("id", id(order.id)),
        ("email", email.into()),
        ("link", page.into()),
    ];
    letter(
        lang,
        order,
        ("mail-smime-issued-subject", "mail-smime-issued-body"),
        &args,
    )
}
