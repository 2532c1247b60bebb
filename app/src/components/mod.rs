pub mod auth_card;
pub mod badge;
pub mod copy_button;
pub mod corroboration;
pub mod ev_steps;
pub mod field;
pub mod form_alert;
pub mod form_card;
pub mod language_switch;
pub mod loaded;
pub mod order_fields;
pub mod organization_fields;
pub mod passkey_gate;
pub mod portal;
pub mod statement;
pub mod table;
pub mod textarea_text;
pub mod user_fields;

/// Percent-encodes a query-string value (everything but RFC 3986's unreserved characters), for
/// links that carry a list's filters.
pub fn query_value(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Whether the page's address carries `?name=…`, as an action's redirect does to ask for its
/// notice ("saved", "created", …).
pub fn query_flag(name: &'static str) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    use leptos::prelude::With;
    let params = leptos_router::hooks::use_query_map();
    move || params.with(|p| p.get(name).is_some())
}

/// The first of `notices` (`(flag, text)`) whose flag the page's address carries, as an
/// action's redirect asks for its notice. Reactive: after an action the router only changes
/// the query of the same page.
pub fn query_notice(
    notices: &'static [(&'static str, &'static str)],
) -> impl Fn() -> Option<&'static str> + Copy + Send + Sync + 'static {
    use leptos::prelude::With;
    let params = leptos_router::hooks::use_query_map();
    move || {
        params.with(|p| {
            notices
                .iter()
                .find(|(flag, _)| p.get(flag).is_some())
                .map(|(_, text)| *text)
        })
    }
}

/// The address of page `page` of a filtered list at `base`, with each filter that is set.
pub fn list_link(base: &str, page: u64, filters: &[(&str, &str)]) -> String {
    let mut url = format!("{base}?page={page}");
    push_filters(&mut url, '&', filters);
    url
}

/// `base` with each filter that is set (`base?kind=grant&group=7`), or `base` alone: a list's
/// export, which takes the list's filters but has no pages.
pub fn filtered_link(base: &str, filters: &[(&str, &str)]) -> String {
    let mut url = base.to_owned();
    push_filters(&mut url, '?', filters);
    url
}

/// Appends `key=value` for each filter that is set, the first after `first`, the others after `&`.
fn push_filters(url: &mut String, first: char, filters: &[(&str, &str)]) {
    for (i, (key, value)) in filters.iter().filter(|(_, v)| !v.is_empty()).enumerate() {
        url.push(if i == 0 { first } else { '&' });
        url.push_str(key);
        url.push('=');
        url.push_str(&query_value(value));
    }
}

/// The page's query as `parse` reads it from the address bar, kept up to date: list filters
/// are GET forms, so a filtered view can be bookmarked and works without script.
pub fn query_memo<Q>(parse: fn(&leptos_router::params::ParamsMap) -> Q) -> leptos::prelude::Memo<Q>
where
    Q: PartialEq + Send + Sync + 'static,
{
    use leptos::prelude::With;
    let params = leptos_router::hooks::use_query_map();
    leptos::prelude::Memo::new(move |_| params.with(parse))
}

#[cfg(test)]
mod tests {
    use super::{filtered_link, list_link};

    #[test]
    fn links_carry_only_the_filters_that_are_set_escaped() {
        let filters = [("from", "2026-12-01"), ("kind", ""), ("group", "a&b=c")];
        assert_eq!(
            filtered_link("/billing/statement.xlsx", &filters),
            "/billing/statement.xlsx?from=2026-12-01&group=a%26b%3Dc"
        );
        assert_eq!(
            filtered_link("/billing/statement.xlsx", &[("kind", "")]),
            "/billing/statement.xlsx"
        );
        assert_eq!(
            list_link("/billing/statement", 2, &filters),
            "/billing/statement?page=2&from=2026-12-01&group=a%26b%3Dc"
        );
    }
}
