use std::{borrow::Cow, collections::HashMap};

use fluent_templates::{Loader, fluent_bundle::FluentValue};

use super::Lang;

fluent_templates::static_loader! {
    static CATALOGUE = {
        locales: "./locales",
        fallback_language: "en",
        // Fluent wraps arguments in Unicode isolation marks by default; in HTML, e-mail and
        // PDF text they are invisible characters that break copying and searching.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The text of `key` in `lang`.
pub fn tr(lang: Lang, key: &str) -> String {
    CATALOGUE.lookup(&lang.id(), key)
}

/// The text of `key` in `lang`, with its `{ $name }` placeholders filled in.
pub fn tr_args(lang: Lang, key: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
        .collect();
    CATALOGUE.lookup_with_args(&lang.id(), key, &args)
}

/// The text of `key` in `lang`, with placeholder values whose names are not static (a
/// [`super::Msg`] that came over the wire).
pub(super) fn tr_map(
    lang: Lang,
    key: &str,
    args: &HashMap<Cow<'static, str>, FluentValue<'_>>,
) -> String {
    if args.is_empty() {
        CATALOGUE.lookup(&lang.id(), key)
    } else {
        CATALOGUE.lookup_with_args(&lang.id(), key, args)
    }
}

/// Whether `key` has a text of its own in `lang` (no fallback), for the catalogue tests. A
/// message with placeholders fails to format without its arguments, but it is there.
#[cfg(test)]
pub(super) fn has(lang: Lang, key: &str) -> bool {
    // The crate keeps its error type private; its text tells "no such message" apart.
    match CATALOGUE.lookup_single_language::<&str>(&lang.id(), key, None) {
        Ok(_) => true,
        Err(e) => e.to_string().starts_with("Fluent errors"),
    }
}
