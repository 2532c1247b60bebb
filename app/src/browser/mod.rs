//! Everything that only the browser can do: passkey ceremonies, reading a picked file, reading
//! a field of the page. Each function has a server-side stand-in that does nothing (or
//! refuses), so pages compile and render on both sides; only here do `web_sys`, `js_sys` and
//! `wasm_bindgen` appear. (Saving a file the browser made lives with the key code, in
//! `pki::save`.)

mod chosen_file;
mod clipboard;
mod go_to;
mod input_value;
mod page_catalogue;
mod posted_error;
mod set_field_value;
pub mod webauthn;

pub use chosen_file::read_chosen_file;
pub use clipboard::copy_text;
pub use go_to::go_to;
pub use input_value::input_value;
pub use page_catalogue::{
    CATALOGUE_ATTRIBUTE, PageCatalogueError, catalogue_href, load_page_catalogue,
};
pub use posted_error::provide_posted_error;
pub use set_field_value::set_field_value;
