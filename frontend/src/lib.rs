//! The browser entry point of a page with islands (Leptos's islands mode, `app::routes`): the
//! server renders every page; only its islands, the interactive parts, are code here. The page's
//! script (`app/src/browser/islands.js`) awaits this function, then hydrates each island of the
//! page, fetching the chunk of an island whose code is split off.

#[wasm_bindgen::prelude::wasm_bindgen]
pub async fn hydrate() {
    console_error_panic_hook::set_once();
    // The root every island hydrates under, and Leptos's executor (on wasm-bindgen-futures).
    leptos::mount::hydrate_islands();
    // A refused post without script: the islands' actions start from its error, as the
    // server rendered them.
    app::browser::provide_posted_error();
    // The text the islands render comes from the page's catalogue; without it they still work,
    // with the text as the server rendered it.
    if let Err(error) = app::browser::load_page_catalogue().await {
        leptos::logging::error!("{error}");
    }
}
