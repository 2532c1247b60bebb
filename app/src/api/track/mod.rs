//! Server functions of the public tracking link (ORD-7). The link's token is the only key.

mod tracking;

pub use tracking::*;
