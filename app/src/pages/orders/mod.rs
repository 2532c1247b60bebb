pub mod actions;
pub mod list;
pub mod new;
pub mod smime;
pub mod view;
