pub mod dcv_confirm;
pub mod track;
