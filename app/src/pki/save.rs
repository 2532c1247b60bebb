//! Saving a file the browser made (a private key, a PKCS#12 file) to the user's disk.

/// Makes the browser download `bytes` as `file_name`: a Blob, an object URL and a temporary
/// `<a download>` that is clicked and removed. Nothing is sent anywhere. On the server (where
/// no handler runs) it is refused.
pub fn save_file(file_name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    #[cfg(feature = "hydrate")]
    {
        browser::save_file(file_name, bytes, mime)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (file_name, bytes, mime);
        Err(failed("not in a browser"))
    }
}

/// Why the file could not be saved, in the page's language; `detail` is the browser's own
/// words.
fn failed(detail: &str) -> String {
    crate::i18n::Msg::new("err-save-file")
        .arg("detail", detail)
        .text(crate::i18n::page_lang())
}

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::js_sys::{Array, Uint8Array};
    use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

    fn describe(error: wasm_bindgen::JsValue) -> String {
        error
            .as_string()
            .or_else(|| {
                error
                    .dyn_ref::<wasm_bindgen_futures::js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_else(|| "refused".to_owned())
    }

    fn refused(error: wasm_bindgen::JsValue) -> String {
        super::failed(&describe(error))
    }

    pub fn save_file(file_name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
        let document = web_sys::window()
            .and_then(|window| window.document())
            .ok_or_else(|| super::failed("no document"))?;
        let body = document
            .body()
            .ok_or_else(|| super::failed("no document body"))?;

        let parts = Array::new();
        parts.push(&Uint8Array::from(bytes));
        let options = BlobPropertyBag::new();
        options.set_type(mime);
        let blob =
            Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(refused)?;
        let url = Url::create_object_url_with_blob(&blob).map_err(refused)?;

        let anchor: HtmlAnchorElement = document
            .create_element("a")
            .map_err(refused)?
            .dyn_into()
            .map_err(|_| super::failed("no download link"))?;
        anchor.set_href(&url);
        anchor.set_download(file_name);
        // `hidden`, not a style attribute: the Content-Security-Policy allows no inline styles.
        anchor.set_hidden(true);
        body.append_child(&anchor).map_err(refused)?;
        anchor.click();
        let _ = body.remove_child(&anchor);
        // Revoking at once can cancel the download in some browsers; give it a moment.
        leptos::prelude::set_timeout(
            move || {
                let _ = Url::revoke_object_url(&url);
            },
            std::time::Duration::from_secs(10),
        );
        Ok(())
    }
}
