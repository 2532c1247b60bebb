//! The portal's tables: a scrolling wrapper, an accessible name and a row of column headings.
//! The wrapper takes the keyboard's focus (`tabindex="0"`, on every `.table-wrap`), so a table
//! wider than the screen scrolls with the arrow keys too.

use leptos::prelude::*;

use crate::i18n::t;

/// A table named `label` (for screen readers and tests) with `columns` as its headings;
/// `children` are the body's rows. A table with `cards` shows each row as a card on a phone:
/// its cells then need `data-label` with their column's heading. Others scroll inside their
/// own box.
#[component]
pub fn Table(
    #[prop(into)] label: String,
    #[prop(into)] columns: Columns,
    #[prop(optional)] cards: bool,
    children: Children,
) -> impl IntoView {
    let class = if cards { "table table-cards" } else { "table" };
    view! {
        <div class="table-wrap" tabindex="0">
            <table class=class aria-label=label>
                <thead>
                    <tr>{columns.0.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

/// A table's column headings: fixed words, or text in the page's language.
pub struct Columns(pub Vec<String>);

impl From<&'static [&'static str]> for Columns {
    fn from(headings: &'static [&'static str]) -> Self {
        Self(headings.iter().map(|h| (*h).to_owned()).collect())
    }
}

impl<const N: usize> From<&'static [&'static str; N]> for Columns {
    fn from(headings: &'static [&'static str; N]) -> Self {
        Self(headings.iter().map(|h| (*h).to_owned()).collect())
    }
}

impl From<Vec<String>> for Columns {
    fn from(headings: Vec<String>) -> Self {
        Self(headings)
    }
}

/// The links between the pages of a long list, newest first, and where the reader is.
#[component]
pub fn Pager(
    prev: Option<String>,
    next: Option<String>,
    #[prop(into)] status: String,
) -> impl IntoView {
    view! {
        <nav class="pager" aria-label=t("common-pages")>
            {prev.map(|href| view! { <a class="button button-quiet" href=href rel="prev">{t("pager-newer")}</a> })}
            <span class="pager-status">{status}</span>
            {next.map(|href| view! { <a class="button button-quiet" href=href rel="next">{t("pager-older")}</a> })}
        </nav>
    }
}
