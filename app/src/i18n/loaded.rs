//! One language's catalogue read at run time from its Fluent text. The browser holds only the
//! page's language: the build writes each language's pages catalogue as one file beside the
//! bundle, and the browser fetches the page's before it hydrates (`install`), instead of
//! carrying every language compiled into the wasm that every page downloads. The server keeps
//! the compiled catalogues (`catalogue.rs`); the tests check that both read the same.

use std::{borrow::Cow, collections::HashMap};

use fluent_templates::fluent_bundle::{
    FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle,
};

use super::Lang;

/// Why a catalogue's text could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    #[error("the {lang} catalogue does not parse: {errors}")]
    Syntax { lang: Lang, errors: String },
    #[error("the {lang} catalogue defines a message twice: {errors}")]
    Duplicate { lang: Lang, errors: String },
}

/// The messages of one language.
pub struct LoadedCatalogue {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl LoadedCatalogue {
    /// Reads `text` (the language's `.ftl` files, one after another) as `lang`'s catalogue.
    pub fn parse(lang: Lang, text: String) -> Result<Self, CatalogueError> {
        let resource =
            FluentResource::try_new(text).map_err(|(_, errors)| CatalogueError::Syntax {
                lang,
                errors: format!("{errors:?}"),
            })?;
        let mut bundle = FluentBundle::new_concurrent(vec![lang.id()]);
        // As the compiled catalogues: no invisible isolation marks around arguments.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .map_err(|errors| CatalogueError::Duplicate {
                lang,
                errors: format!("{errors:?}"),
            })?;
        Ok(Self { lang, bundle })
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The text of `key` with `args`, or `None` when the catalogue lacks it or it cannot be
    /// formatted (as the compiled catalogues, which then say the key is unknown).
    pub fn format(
        &self,
        key: &str,
        args: &HashMap<Cow<'static, str>, FluentValue<'_>>,
    ) -> Option<String> {
        let pattern = self.bundle.get_message(key)?.value()?;
        let args = (!args.is_empty()).then(|| {
            let mut fluent = FluentArgs::with_capacity(args.len());
            for (name, value) in args {
                fluent.set(name.clone(), value.clone());
            }
            fluent
        });
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, args.as_ref(), &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }
}

/// The catalogue the browser fetched for this page (none on the server).
#[cfg(not(any(feature = "ssr", test)))]
static INSTALLED: std::sync::OnceLock<LoadedCatalogue> = std::sync::OnceLock::new();

/// Makes `catalogue` the browser's: called once, before hydration. A second call changes
/// nothing (a page's language is fixed until the next full load; the switcher reloads).
#[cfg(not(any(feature = "ssr", test)))]
pub fn install(catalogue: LoadedCatalogue) {
    let _ = INSTALLED.set(catalogue);
}

/// The browser's catalogue, once installed.
#[cfg(not(any(feature = "ssr", test)))]
pub(super) fn installed() -> Option<&'static LoadedCatalogue> {
    INSTALLED.get()
}
