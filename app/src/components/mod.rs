pub mod auth_card;
pub mod field;
pub mod form_alert;
pub mod loaded;
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
