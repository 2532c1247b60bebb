pub mod new;
pub mod view;
