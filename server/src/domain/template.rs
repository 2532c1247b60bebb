//! Private-CA certificate templates. The rules live in `app::model::template`, the shared
//! vocabulary, so the private-product form checks them in the browser exactly as the CA does.

pub use app::model::template::*;
