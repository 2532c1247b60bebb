//! The language an order's e-mails are written in.

use app::i18n::Lang;

use crate::store::{Db, OrderRow, StoreError, users};

/// The language of the user who placed `order`, or English if they chose none (or are gone).
/// Everyone written to about the order (requester, copies, the technical contact, a delegate,
/// a domain's or mailbox's owner) reads it in the language the order was placed in: most of
/// them have no account, hence no language of their own.
pub(super) async fn order_lang(db: &impl Db, order: &OrderRow) -> Result<Lang, StoreError> {
    user_lang(db, order.placed_by).await
}

/// The language user `id` chose, or English.
pub(super) async fn user_lang(db: &impl Db, id: i32) -> Result<Lang, StoreError> {
    Ok(users::find(db, id)
        .await?
        .and_then(|u| u.lang)
        .map(|l| l.into_inner())
        .unwrap_or_default())
}
