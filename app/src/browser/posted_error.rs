//! The error a form posted without script came back with, for the islands. The server sends
//! a refused post back to its page with the error in the address (`__path`, `__err`), and
//! renders the form's action with that error; an island's action must start from the same
//! error in the browser, or the island's markup differs from the server's and hydration
//! fails. Leptos's router provides it in full hydration; islands have no router.

/// Provides the posted error, if the address carries one, to every island of the page. Call
/// once the islands' root owner is set. Does nothing on the server.
pub fn provide_posted_error() {
    #[cfg(feature = "hydrate")]
    {
        let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else {
            return;
        };
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
            return;
        };
        if let (Some(path), Some(err)) = (params.get("__path"), params.get("__err")) {
            leptos::prelude::provide_context(leptos::server::ServerActionError::new(&path, &err));
        }
    }
}
