//! Every user-facing string comes from one catalogue per language: Fluent files under
//! `app/locales/<lang>/`, compiled into the server; the browser fetches the page's language
//! as one file before it hydrates (`loaded`), so a page renders the same text on either side
//! of hydration. English is the default; a key missing in Polish is
//! a test failure (see `tests`), never a silent fallback that ships.

mod catalogue;
mod context;
mod lang;
mod loaded;
mod money;
mod msg;
#[cfg(test)]
mod tests;

pub use catalogue::{tr, tr_args};
pub use context::{page_lang, provide_lang, t, t_args, use_lang};
pub use fluent_templates::fluent_bundle::FluentValue;
pub use lang::{LANG_COOKIE, Lang};
#[cfg(not(any(feature = "ssr", test)))]
pub use loaded::install;
pub use loaded::{CatalogueError, LoadedCatalogue};
pub use money::money;
pub use msg::{Msg, MsgArg};
