//! The texts of identity e-mails, in the recipient's language (catalogue `mail.ftl`).

use app::i18n::{FluentValue, Lang, tr, tr_args};

use crate::ports::Mail;

/// A mail whose subject and body are the catalogue's `{key}-subject` and `{key}-body` with
/// `args`, signed.
fn mail(
    lang: Lang,
    to: &str,
    name: &str,
    (subject, body): (&str, &str),
    args: &[(&'static str, FluentValue<'_>)],
) -> Mail {
    Mail {
        to: to.to_owned(),
        to_name: Some(name.to_owned()),
        subject: tr_args(lang, subject, args),
        text: format!(
            "{}\n\n{}\n",
            tr_args(lang, body, args),
            tr(lang, "mail-signature")
        ),
    }
}

pub(super) fn activation(lang: Lang, to: &str, name: &str, account: &str, link: &str) -> Mail {
    mail(
        lang,
        to,
        name,
        ("mail-activation-subject", "mail-activation-body"),
        &[
            ("name", name.into()),
            ("account", account.into()),
            ("link", link.into()),
        ],
    )
}

pub(super) fn partner_application_received(
    lang: Lang,
    to: &str,
    name: &str,
    account: &str,
) -> Mail {
    mail(
        lang,
        to,
        name,
        (
            "mail-partner-received-subject",
            "mail-partner-received-body",
        ),
        &[("name", name.into()), ("account", account.into())],
    )
}

pub(super) fn invitation(
    lang: Lang,
    to: &str,
    name: &str,
    account: &str,
    role: &str,
    link: &str,
) -> Mail {
    mail(
        lang,
        to,
        name,
        ("mail-invitation-subject", "mail-invitation-body"),
        &[
            ("name", name.into()),
            ("account", account.into()),
            ("role", role.into()),
            ("link", link.into()),
        ],
    )
}

/// To the owner of an address someone tried to sign up with: the sign-up page answers the
/// same whether an address is taken, so only its owner learns of the attempt.
pub(super) fn sign_up_attempted(lang: Lang, to: &str, name: &str, sign_in: &str) -> Mail {
    mail(
        lang,
        to,
        name,
        (
            "mail-sign-up-attempted-subject",
            "mail-sign-up-attempted-body",
        ),
        &[("name", name.into()), ("link", sign_in.into())],
    )
}

pub(super) fn partner_application_rejected(
    lang: Lang,
    to: &str,
    name: &str,
    account: &str,
    reason: &str,
) -> Mail {
    mail(
        lang,
        to,
        name,
        (
            "mail-partner-rejected-subject",
            "mail-partner-rejected-body",
        ),
        &[
            ("name", name.into()),
            ("account", account.into()),
            ("reason", reason.into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_activation_mail_is_in_the_recipients_language_with_the_link_whole() {
        let link = "https://ca.example.com/activate/abc?x=1&y=2";
        let pl = activation(
            Lang::Pl,
            "a@example.pl",
            "Zażółć Jaźń",
            "Gęślą sp. z o.o.",
            link,
        );
        assert_eq!(pl.subject, "Aktywuj swoje konto w Rootline");
        assert!(
            pl.text.starts_with("Dzień dobry, Zażółć Jaźń,\n\n"),
            "{}",
            pl.text
        );
        assert!(
            pl.text.contains("dla Gęślą sp. z o.o. z tym adresem"),
            "{}",
            pl.text
        );
        assert!(pl.text.contains(&format!("\n\n{link}\n\n")), "{}", pl.text);
        assert!(pl.text.ends_with("-- Rootline\n"));
        // Fluent's isolation marks around arguments would break the link when copied.
        assert!(!pl.text.contains('\u{2068}') && !pl.text.contains('\u{2069}'));
        let en = activation(Lang::En, "a@example.com", "Ann", "Acme", link);
        assert_eq!(en.subject, "Activate your Rootline account");
        assert!(
            en.text
                .starts_with("Hello Ann,\n\nAn account for Acme was created")
        );
    }
}
