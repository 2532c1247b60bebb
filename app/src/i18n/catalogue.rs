use std::{borrow::Cow, collections::HashMap};

#[cfg(any(feature = "ssr", test))]
use fluent_templates::Loader;
use fluent_templates::fluent_bundle::FluentValue;

use super::Lang;

// The pages' text: compiled into the server. The browser fetches only its page's language
// instead (`loaded.rs`), so the wasm carries no catalogue at all.
#[cfg(any(feature = "ssr", test))]
fluent_templates::static_loader! {
    static CATALOGUE = {
        locales: "./locales",
        fallback_language: "en",
        // Fluent wraps arguments in Unicode isolation marks by default; in HTML, e-mail and
        // PDF text they are invisible characters that break copying and searching.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

// What only the server writes (e-mails, PDFs, spreadsheets) is a catalogue of its own, so the
// browser bundle does not carry it.
#[cfg(any(feature = "ssr", test))]
fluent_templates::static_loader! {
    static SERVER_CATALOGUE = {
        locales: "./locales-server",
        fallback_language: "en",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The server's own text of `key`, if it is one of the server's messages.
#[cfg(any(feature = "ssr", test))]
fn server_text(
    lang: Lang,
    key: &str,
    args: &HashMap<Cow<'static, str>, FluentValue<'_>>,
) -> Option<String> {
    if args.is_empty() {
        SERVER_CATALOGUE.try_lookup(&lang.id(), key)
    } else {
        SERVER_CATALOGUE.try_lookup_with_args(&lang.id(), key, args)
    }
}

#[cfg(not(any(feature = "ssr", test)))]
fn server_text(
    _: Lang,
    _: &str,
    _: &HashMap<Cow<'static, str>, FluentValue<'_>>,
) -> Option<String> {
    None
}

/// The text of `key` in `lang`.
pub fn tr(lang: Lang, key: &str) -> String {
    tr_map(lang, key, &HashMap::new())
}

/// The text of `key` in `lang`, with its `{ $name }` placeholders filled in.
pub fn tr_args(lang: Lang, key: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
        .collect();
    tr_map(lang, key, &args)
}

/// The text of `key` in `lang`, with placeholder values whose names are not static (a
/// [`super::Msg`] that came over the wire).
pub(super) fn tr_map(
    lang: Lang,
    key: &str,
    args: &HashMap<Cow<'static, str>, FluentValue<'_>>,
) -> String {
    if let Some(text) = server_text(lang, key, args) {
        return text;
    }
    pages_text(lang, key, args)
}

#[cfg(any(feature = "ssr", test))]
fn pages_text(lang: Lang, key: &str, args: &HashMap<Cow<'static, str>, FluentValue<'_>>) -> String {
    if args.is_empty() {
        CATALOGUE.lookup(&lang.id(), key)
    } else {
        CATALOGUE.lookup_with_args(&lang.id(), key, args)
    }
}

/// In the browser: the page's catalogue, which is in the page's language (text in another
/// language is only ever asked for on the server, for mails and documents).
#[cfg(not(any(feature = "ssr", test)))]
fn pages_text(lang: Lang, key: &str, args: &HashMap<Cow<'static, str>, FluentValue<'_>>) -> String {
    super::loaded::installed()
        .filter(|c| c.lang() == lang)
        .and_then(|c| c.format(key, args))
        // What the compiled catalogues answer for a key they lack.
        .unwrap_or_else(|| format!("Unknown localization {key}"))
}

/// Whether `key` has a text of its own in `lang` (no fallback), for the catalogue tests. A
/// message with placeholders fails to format without its arguments, but it is there.
#[cfg(test)]
pub(super) fn has(lang: Lang, key: &str) -> bool {
    // The crate keeps its error type private; its text tells "no such message" apart.
    fn there<E: std::fmt::Display>(found: Result<String, E>) -> bool {
        match found {
            Ok(_) => true,
            Err(e) => e.to_string().starts_with("Fluent errors"),
        }
    }
    there(CATALOGUE.lookup_single_language::<&str>(&lang.id(), key, None))
        || there(SERVER_CATALOGUE.lookup_single_language::<&str>(&lang.id(), key, None))
}
