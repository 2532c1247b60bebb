use leptos::prelude::*;

use super::{FluentValue, Lang, tr, tr_args};

/// Makes `lang` the language of everything rendered under the caller.
pub fn provide_lang(lang: Lang) {
    provide_context(lang);
}

/// The language of the page being rendered: the request's on the server, the one the server
/// wrote into `<html lang>` in the browser (so hydration renders the same text).
pub fn use_lang() -> Lang {
    // Outside the reactive tree (a task a button started) there is no context: the page's
    // language is still the one the document says.
    use_context::<Lang>().unwrap_or_else(page_lang)
}

/// The text of `key` in the page's language.
pub fn t(key: &str) -> String {
    tr(use_lang(), key)
}

/// The text of `key` in the page's language, with its placeholders filled in.
pub fn t_args(key: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
    tr_args(use_lang(), key, args)
}

/// The language this page is rendered in. On the server: the request's, which the server's
/// middleware decided (the browser's chosen language, else its `Accept-Language`). In the
/// browser: the one the server wrote into `<html lang>`, so hydration renders the same text.
pub fn page_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|parts| {
                parts
                    .extensions
                    .get::<crate::ports::RequestMeta>()
                    .map(|m| m.lang)
            })
            .unwrap_or_default()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        document()
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|tag| Lang::from_tag(&tag))
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        Lang::default()
    }
}
