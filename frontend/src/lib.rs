//! The browser entry point: hydrate the server-rendered portal.
//!
//! Pages are lazy routes (`app::routes`): the main module holds the shell, and each page's code
//! is a chunk of its own, fetched when the page is first shown. Hydration therefore waits for
//! the current page's chunk before it can take the page over, and only then marks the document
//! as hydrated (what the tests and the benchmark time interactivity by).

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // What `leptos::mount::hydrate_lazy` does (it sets up Leptos's executor, which runs on
    // wasm-bindgen-futures), with the mark set once hydration has finished rather than when
    // the shell's first effect runs, which can be before the page's chunk has arrived.
    wasm_bindgen_futures::spawn_local(async {
        // The text the browser renders itself comes from the page's catalogue; without it the
        // page still works as the server rendered it.
        if let Err(error) = app::browser::load_page_catalogue().await {
            leptos::logging::error!("{error}");
        }
        let owner = leptos::mount::hydrate_from_async(leptos::tachys::dom::body(), app::App).await;
        owner.forget();
        app::browser::mark_hydrated();
    });
}
