use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::auth::{AcceptInvitation, DeclineInvitation, invitation_details},
    components::{
        auth_card::{AuthCard, CheckedLink},
        form_alert::FormAlert,
    },
    i18n::{FluentValue, t, t_args},
    model::invitation::{InvitationView, sign_in_link},
};

/// The page behind an invitation link: the invited user, signed in, accepts or declines.
#[component]
pub fn InvitationPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let details = Resource::new_blocking(token, invitation_details);
    view! {
        <AuthCard title="page-invitation">
            <CheckedLink resource=details let:view>
                <Answer token=token() view=view />
            </CheckedLink>
        </AuthCard>
    }
}

#[component]
fn Answer(token: String, view: InvitationView) -> impl IntoView {
    let accept = ServerAction::<AcceptInvitation>::new();
    let decline = ServerAction::<DeclineInvitation>::new();
    let error = Signal::derive(move || {
        accept
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| decline.value().get().and_then(Result::err))
    });
    let answerable = view.answerable();
    let sign_in = sign_in_link(&token);
    let decline_token = token.clone();
    view! {
        <p class="lead">
            {in_bold(
                t_args("invitation-lead", &marked(["account", "email", "role"])),
                [view.account_name.clone(), view.email.clone(), view.role_label.text(crate::i18n::use_lang())],
            )}
        </p>
        <p class="muted">
            {t_args("invitation-privacy", &[("expires", view.expires_at.text(crate::i18n::use_lang()).into())])}
        </p>
        {match (answerable, view.signed_in_as.clone()) {
            (true, _) => view! {
                <FormAlert error=error />
                <div class="form-actions">
                    <ActionForm action=accept>
                        <input type="hidden" name="token" value=token />
                        <button type="submit" class="button button-primary">{t("invitation-accept")}</button>
                    </ActionForm>
                    <ActionForm action=decline>
                        <input type="hidden" name="token" value=decline_token />
                        <button type="submit" class="button">{t("invitation-decline")}</button>
                    </ActionForm>
                </div>
            }
            .into_any(),
            (false, Some(other)) => view! {
                <div class="alert alert-error" role="alert">
                    {t_args("invitation-wrong-user", &[
                        ("user", other.into()),
                        ("email", view.email.clone().into()),
                    ])}
                </div>
            }
            .into_any(),
            (false, None) => view! {
                <p>{in_bold(t_args("invitation-sign-in-first", &marked(["email"])), [view.email.clone()])}</p>
                <a class="button button-primary" href=sign_in>{t("invitation-sign-in")}</a>
            }
            .into_any(),
        }}
    }
}

/// Stands in a message's text for the value of argument number `i`: a character that no
/// translation contains, so `in_bold` finds it again (the values go in only after that).
const MARK: char = '\u{1}';

/// The arguments `names` of a message, each filled with its marker (see `in_bold`).
fn marked<const N: usize>(names: [&'static str; N]) -> [(&'static str, FluentValue<'static>); N] {
    let mut number = 0;
    names.map(|name| {
        let marker = format!("{MARK}{number}{MARK}");
        number += 1;
        (name, marker.into())
    })
}

/// A message formatted with `marked` arguments, each marker replaced by its value in bold:
/// the names stand out wherever the language puts them in the sentence.
fn in_bold<const N: usize>(text: String, values: [String; N]) -> impl IntoView {
    pieces(&text, &values)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.into_any(),
            Piece::Value(value) => view! { <strong>{value}</strong> }.into_any(),
        })
        .collect_view()
}

#[derive(Debug, PartialEq)]
enum Piece {
    Text(String),
    Value(String),
}

/// `text` cut at its markers into the words between and the values they stand for.
fn pieces(text: &str, values: &[String]) -> Vec<Piece> {
    // Split at the markers, the pieces alternate: text, an argument's number, text, ...
    text.split(MARK)
        .enumerate()
        .filter(|(_, piece)| !piece.is_empty())
        .map(|(i, piece)| {
            if i % 2 == 0 {
                Piece::Text(piece.to_owned())
            } else {
                let value = piece.parse::<usize>().ok().and_then(|n| values.get(n));
                Piece::Value(value.cloned().unwrap_or_default())
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, tr_args};

    #[test]
    fn each_i18n_argument_is_in_bold_where_the_language_puts_it() {
        let values = ["Acme", "ann@example.com", "Admin"].map(str::to_owned);
        let text = |lang| {
            tr_args(
                lang,
                "invitation-lead",
                &marked(["account", "email", "role"]),
            )
        };
        let [account, email, role] = values.clone().map(Piece::Value);
        assert_eq!(
            pieces(&text(Lang::En), &values),
            [
                account,
                Piece::Text(" invites ".into()),
                email,
                Piece::Text(" to join its Rootline account as ".into()),
                role,
                Piece::Text(".".into()),
            ]
        );
        let [account, email, role] = values.clone().map(Piece::Value);
        assert_eq!(
            pieces(&text(Lang::Pl), &values),
            [
                account,
                Piece::Text(" zaprasza ".into()),
                email,
                Piece::Text(" do swojego konta w Rootline w roli: ".into()),
                role,
                Piece::Text(".".into()),
            ]
        );
    }
}
