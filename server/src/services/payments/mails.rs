//! The customer's mail about their payments and withdrawals, in their language.

use app::i18n::{FluentValue, Lang, tr, tr_args};
use app::model::Money;

use crate::ports::Mail;

fn mail(to: &str, name: &str, lang: Lang, subject: String, body: String) -> Mail {
    Mail {
        to: to.to_owned(),
        to_name: Some(name.to_owned()),
        subject,
        text: format!(
            "{}\n\n{body}\n\n{}\n",
            tr(lang, "mail-hello"),
            tr(lang, "mail-signature")
        ),
    }
}

fn args<'a>(
    lang: Lang,
    amount: Money,
    id: i32,
    reason: &'a str,
) -> [(&'static str, FluentValue<'a>); 3] {
    [
        ("amount", amount.text(lang).into()),
        ("id", id.into()),
        ("reason", reason.into()),
    ]
}

pub(super) fn payment_credited(lang: Lang, to: &str, name: &str, amount: Money, id: i32) -> Mail {
    let a = args(lang, amount, id, "");
    mail(
        to,
        name,
        lang,
        tr_args(lang, "mail-payment-credited-subject", &a),
        tr_args(lang, "mail-payment-credited-body", &a),
    )
}

pub(super) fn payment_rejected(
    lang: Lang,
    to: &str,
    name: &str,
    amount: Money,
    id: i32,
    reason: &str,
) -> Mail {
    let a = args(lang, amount, id, reason);
    mail(
        to,
        name,
        lang,
        tr_args(lang, "mail-payment-rejected-subject", &a),
        tr_args(lang, "mail-payment-rejected-body", &a),
    )
}

pub(super) fn withdrawal_paid(lang: Lang, to: &str, name: &str, amount: Money, id: i32) -> Mail {
    let a = args(lang, amount, id, "");
    mail(
        to,
        name,
        lang,
        tr_args(lang, "mail-withdrawal-paid-subject", &a),
        tr_args(lang, "mail-withdrawal-paid-body", &a),
    )
}

pub(super) fn withdrawal_rejected(
    lang: Lang,
    to: &str,
    name: &str,
    amount: Money,
    id: i32,
    reason: &str,
) -> Mail {
    let a = args(lang, amount, id, reason);
    mail(
        to,
        name,
        lang,
        tr_args(lang, "mail-withdrawal-rejected-subject", &a),
        tr_args(lang, "mail-withdrawal-rejected-body", &a),
    )
}
