pub mod list;
pub mod settings;
pub mod view;
