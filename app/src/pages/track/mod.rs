pub mod dcv_confirm;
pub mod page;
