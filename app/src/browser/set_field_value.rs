//! Writing a field of the page, as the user would type into it.

/// Sets the value of the `<textarea>` or `<input>` with this id: an island fills in a field of
/// the server's form (a file read into a text box) without the form being part of the island.
/// Does nothing on the server, or when there is no such field.
pub fn set_field_value(id: &str, value: &str) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let Some(element) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
        else {
            return;
        };
        match element.dyn_into::<web_sys::HtmlTextAreaElement>() {
            Ok(area) => area.set_value(value),
            Err(element) => {
                if let Ok(input) = element.dyn_into::<web_sys::HtmlInputElement>() {
                    input.set_value(value);
                }
            }
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (id, value);
}
