pub mod list;
// TEMP pub mod new;
pub mod view;
