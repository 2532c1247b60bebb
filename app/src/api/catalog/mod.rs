//! Server functions of products and prices (ORD-1).

mod offers;
mod private_cas;
mod private_product_active;
mod private_product_add;
mod private_product_update;
mod private_products;
mod public_prices;
mod public_product_active;
mod public_product_add;
mod public_product_update;
mod public_products;

pub use offers::*;
pub use private_cas::*;
pub use private_product_active::*;
pub use private_product_add::*;
pub use private_product_update::*;
pub use private_products::*;
pub use public_prices::*;
pub use public_product_active::*;
pub use public_product_add::*;
pub use public_product_update::*;
pub use public_products::*;
