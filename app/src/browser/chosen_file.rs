//! The file a user picked in an `<input type="file">`, read in the browser: the logo, login
//! certificate and CSR pickers all take it this way.

/// Reads the first file chosen in the input that fired `ev` and hands its bytes to `done`, or
/// `None` when the browser could not read it. Nothing happens when no file is chosen, nor on
/// the server, which never sees the file.
#[cfg(feature = "hydrate")]
pub fn read_chosen_file(ev: &leptos::ev::Event, done: impl FnOnce(Option<Vec<u8>>) + 'static) {
    use wasm_bindgen::JsCast;
    let file = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .and_then(|files| files.get(0));
    let Some(file) = file else {
        return;
    };
    leptos::task::spawn_local(async move {
        let read = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
        done(
            read.ok()
                .map(|buffer| wasm_bindgen_futures::js_sys::Uint8Array::new(&buffer).to_vec()),
        );
    });
}

#[cfg(not(feature = "hydrate"))]
pub fn read_chosen_file(_: &leptos::ev::Event, _: impl FnOnce(Option<Vec<u8>>) + 'static) {}
