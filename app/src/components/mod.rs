pub mod auth_card;
pub mod chosen_file;
pub mod field;
pub mod form_alert;
pub mod portal;
pub mod statement;
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
