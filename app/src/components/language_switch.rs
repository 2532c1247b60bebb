//! The language switcher: one button per other language, each named in its own language (a
//! reader who cannot read the current one still finds theirs).

use leptos::prelude::*;

use crate::i18n::{Lang, t, use_lang};

/// A plain form posting to `/api/profile/language` (no script needed); the server sets the
/// choice for this browser, saves it for a signed-in user, and brings back this page.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let current = use_lang();
    let location = leptos_router::hooks::use_location();
    let back = move || {
        let search = location.search.get();
        let path = location.pathname.get();
        if search.is_empty() {
            path
        } else {
            format!("{path}?{search}")
        }
    };
    view! {
        <form class="lang-switch" method="post" action="/api/profile/language"
            aria-label=t("lang-switch-label")>
            <input type="hidden" name="back" value=back />
            {Lang::ALL
                .into_iter()
                .filter(|l| *l != current)
                .map(|l| view! {
                    <button type="submit" class="button button-quiet" name="lang" value=l.tag()
                        lang=l.tag() title=t("lang-switch-button")>
                        {l.native_name()}
                    </button>
                })
                .collect_view()}
        </form>
    }
}
