//! Server functions of products and prices (ORD-1).

mod offers;
mod private_cas;
mod private_products;
mod public_prices;
mod public_products;

pub use offers::*;
pub use private_cas::*;
pub use private_products::*;
pub use public_prices::*;
pub use public_products::*;
