//! The desk's mail: the authentication code to the representative, and the decision to whoever
//! added the organization, in the language of whoever reads it.

use app::i18n::{Lang, tr, tr_args};
use chrono::{DateTime, Utc};

use crate::ports::Mail;

fn body(lang: Lang, paragraph: String) -> String {
    format!(
        "{}\n\n{paragraph}\n\n{}\n",
        tr(lang, "mail-hello"),
        tr(lang, "mail-signature")
    )
}

pub(super) fn code(
    lang: Lang,
    to: &str,
    name: &str,
    organization: &str,
    code: &str,
    link: &str,
) -> Mail {
    let args = [
        ("organization", organization.into()),
        ("code", code.into()),
        ("link", link.into()),
        ("hours", super::CODE_LIFETIME_HOURS.into()),
    ];
    Mail {
        to: to.to_owned(),
        to_name: Some(name.to_owned()),
        subject: tr_args(lang, "mail-vetting-code-subject", &args),
        text: body(lang, tr_args(lang, "mail-vetting-code-body", &args)),
    }
}

pub(super) fn verified(
    lang: Lang,
    to: &str,
    name: &str,
    organization: &str,
    level: &str,
    until: DateTime<Utc>,
) -> Mail {
    let args = [
        ("organization", organization.into()),
        ("level", level.into()),
        ("until", app::model::Day::from(until).text(lang).into()),
    ];
    Mail {
        to: to.to_owned(),
        to_name: Some(name.to_owned()),
        subject: tr_args(lang, "mail-vetting-verified-subject", &args),
        text: body(lang, tr_args(lang, "mail-vetting-verified-body", &args)),
    }
}

pub(super) fn rejected(lang: Lang, to: &str, name: &str, organization: &str, reason: &str) -> Mail {
    let args = [
        ("organization", organization.into()),
        ("reason", reason.into()),
    ];
    Mail {
        to: to.to_owned(),
        to_name: Some(name.to_owned()),
        subject: tr_args(lang, "mail-vetting-rejected-subject", &args),
        text: body(lang, tr_args(lang, "mail-vetting-rejected-body", &args)),
    }
}
