use fluent_templates::LanguageIdentifier;
use serde::{Deserialize, Serialize};

/// The cookie that carries the language a browser chose (the switcher, or the user's saved
/// preference at sign-in).
pub const LANG_COOKIE: &str = "rootline_lang";

/// A language the portal speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Pl,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Pl];

    /// The BCP 47 tag, as in `<html lang>`, the cookie and the database.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Pl => "pl",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag.trim()))
    }

    /// The language's name in itself, as the switcher offers it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Pl => "Polski",
        }
    }

    pub(super) fn id(self) -> LanguageIdentifier {
        match self {
            Lang::En => fluent_templates::langid!("en"),
            Lang::Pl => fluent_templates::langid!("pl"),
        }
    }

    /// The best of our languages for a browser's `Accept-Language`, or `None` when it asks
    /// for none of them (the caller then uses the default).
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let requested = fluent_langneg::accepted_languages::parse(header);
        let available: Vec<LanguageIdentifier> = Self::ALL.iter().map(|l| l.id()).collect();
        let chosen = fluent_langneg::negotiate_languages(
            &requested,
            &available,
            None,
            fluent_langneg::NegotiationStrategy::Lookup,
        );
        let first = chosen.first()?;
        Self::ALL.into_iter().find(|l| &&l.id() == first)
    }

    /// The language of a request: the browser's chosen one (cookie), else what it accepts,
    /// else English.
    pub fn of_request(cookie: Option<&str>, accept_language: Option<&str>) -> Self {
        cookie
            .and_then(Self::from_tag)
            .or_else(|| accept_language.and_then(Self::from_accept_language))
            .unwrap_or_default()
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}
