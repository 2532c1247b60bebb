//! What the remote network perspectives saw when they repeated a domain's newest check (TLS BR
//! 3.2.2.9): a closed summary under the domain's status, opened to list each perspective.
//! Plain `<details>`: it opens without script.

use leptos::prelude::*;

use crate::i18n::{t, t_args, use_lang};
use crate::model::corroboration::CorroborationView;

#[component]
pub fn Corroboration(round: CorroborationView) -> impl IntoView {
    let lang = use_lang();
    let outcome = match (round.enforced, round.corroborated) {
        (false, _) => t("mpic-advisory"),
        (true, true) => t("mpic-corroborated"),
        (true, false) => t("mpic-not-corroborated"),
    };
    let summary = t_args(
        "mpic-summary",
        &[
            ("check", t(round.check.key()).into()),
            ("corroborating", round.corroborating().into()),
            ("asked", round.asked.into()),
            ("outcome", outcome.into()),
        ],
    );
    view! {
        <details class="mpic" data-testid="corroboration">
            <summary>{summary}</summary>
            <ul aria-label=t("mpic-heading")>
                {round.answers.into_iter().map(|a| {
                    let result = if a.corroborated {
                        t("mpic-agreed")
                    } else {
                        t_args("mpic-disagreed", &[("detail", a.detail.unwrap_or_default().into())])
                    };
                    view! {
                        <li>
                            <span class="mono">{a.perspective}</span>" ("{a.region}") — "
                            {result}" — "{a.at.text(lang)}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </details>
    }
}
