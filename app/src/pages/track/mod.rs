pub mod dcv_confirm;
pub mod delegate_download;
pub mod page;
