//! A textarea's current value, safe to render on the server.
//!
//! Leptos renders the children of `<textarea>` (and `<noscript>`) without escaping them, so
//! `<textarea>{remarks}</textarea>` let a remark such as `</textarea><script>…` close the field
//! and run as markup. A textarea's value still has to be in the HTML (pages work without
//! JavaScript, and an edit form that rendered empty would wipe the value on submit), so it goes
//! in as escaped inner HTML: `<textarea inner_html=textarea_text(&value)>`. The browser parses a
//! textarea's content as RCDATA on the server's page and when the client sets `innerHTML`, so
//! the entities decode back to the exact text either way.

/// `value` with `&`, `<` and `>` written as character references.
pub fn textarea_text(value: &str) -> String {
    html_escape::encode_text(value).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_value_cannot_close_the_textarea() {
        assert_eq!(
            textarea_text("</textarea><img src=x onerror=alert(1)>"),
            "&lt;/textarea&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(textarea_text("a & b\nc"), "a &amp; b\nc");
    }
}
