//! Marks the document once the wasm has taken the page over, so a person's tools (and the
//! tests and benchmarks, which time interactivity by it) can tell a hydrated page from the
//! server's HTML.

/// Sets `data-hydrated` on `<html>`. Does nothing on the server.
pub fn mark_hydrated() {
    #[cfg(feature = "hydrate")]
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        // Only an attribute name the browser always accepts: nothing to report on failure.
        let _ = root.set_attribute("data-hydrated", "");
    }
}
