//! The page's language catalogue, fetched before hydration: the wasm carries no catalogue, so
//! a page downloads the text of its own language only (the server names the file in
//! `<html data-catalogue>`, and the page's script preloads it beside the bundle).

/// The attribute of `<html>` that names the page's catalogue.
pub const CATALOGUE_ATTRIBUTE: &str = "data-catalogue";

/// The page's catalogue under `pkg_dir` (the bundle's folder, as the pages link it).
pub fn catalogue_href(pkg_dir: &str, lang: crate::i18n::Lang) -> String {
    format!("/{pkg_dir}/catalogue-{}.ftl", lang.tag())
}

/// Why the page's catalogue could not be installed: the page then hydrates with its text as
/// the server rendered it, and what the browser renders itself shows its keys.
#[derive(Debug, thiserror::Error)]
pub enum PageCatalogueError {
    #[error("the page names no catalogue (<html {CATALOGUE_ATTRIBUTE}>)")]
    NotLinked,
    #[error("the catalogue {0} could not be fetched")]
    Fetch(String),
    #[error(transparent)]
    Catalogue(#[from] crate::i18n::CatalogueError),
}

/// Fetches the catalogue the page links and makes it the browser's.
#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
pub async fn load_page_catalogue() -> Result<(), PageCatalogueError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let window = web_sys::window().ok_or(PageCatalogueError::NotLinked)?;
    let href = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute(CATALOGUE_ATTRIBUTE))
        .ok_or(PageCatalogueError::NotLinked)?;
    let failed = || PageCatalogueError::Fetch(href.clone());
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&href))
        .await
        .map_err(|_| failed())?
        .dyn_into()
        .map_err(|_| failed())?;
    if !response.ok() {
        return Err(failed());
    }
    let text = JsFuture::from(response.text().map_err(|_| failed())?)
        .await
        .map_err(|_| failed())?
        .as_string()
        .ok_or_else(failed)?;
    let lang = crate::i18n::page_lang();
    crate::i18n::install(crate::i18n::LoadedCatalogue::parse(lang, text)?);
    Ok(())
}

/// The server renders with its compiled catalogues: nothing to fetch.
#[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
pub async fn load_page_catalogue() -> Result<(), PageCatalogueError> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;

    #[test]
    fn a_pages_catalogue_lives_in_its_bundles_folder_named_by_language() {
        assert_eq!(
            super::catalogue_href("pkg/0123456789abcdef", Lang::Pl),
            "/pkg/0123456789abcdef/catalogue-pl.ftl"
        );
    }
}
