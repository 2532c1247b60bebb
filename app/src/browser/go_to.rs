//! Loading another page, as a link would: islands have no client-side router, so an island
//! that is done (an order placed, a key registered) hands over to the server's next page.

/// Loads `path` in the window. Does nothing on the server.
pub fn go_to(path: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(window) = web_sys::window() {
        // A refused navigation leaves the user on the page, which still shows what happened.
        let _ = window.location().set_href(path);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = path;
}
