//! Copying a value the page shows (a DNS record's name and value) to the clipboard.

/// Puts `text` on the clipboard; false when the browser refused (no permission, no secure
/// context), so the page can say to select the text instead. Nothing on the server.
pub async fn copy_text(text: String) -> bool {
    #[cfg(feature = "hydrate")]
    {
        let Some(window) = web_sys::window() else {
            return false;
        };
        let promise = window.navigator().clipboard().write_text(&text);
        wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = text;
        false
    }
}
