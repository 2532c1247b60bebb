use app::model::{AccountKind, AccountStatus, Currency};
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "accounts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub kind: Stored<AccountKind>,
    pub name: String,
    pub country: String,
    pub status: Stored<AccountStatus>,
    pub created_at: DateTimeUtc,
    pub activated_at: Option<DateTimeUtc>,
    pub expires_at: Option<DateTimeUtc>,
    /// Set by the operator: the account may create groups beyond its default one.
    pub multiple_groups: bool,
    /// Every user must sign in with a TOTP code as well as the password.
    pub enforce_totp: bool,
    /// The currency of the account's credits: `USD` or `INR`.
    pub currency: Stored<Currency>,
    /// Days before (positive) and after (negative) expiry that renewal reminders go out on.
    pub renewal_reminder_days: String,
    /// The partner a sub-account belongs to.
    pub parent_account_id: Option<i32>,
    /// The partner's group whose Sub Account Users look after this sub-account.
    pub parent_group_id: Option<i32>,
    /// A sub-account's orders wait for the partner's approval.
    pub parent_approval: bool,
    /// The partner's price list this sub-account pays; none: the operator's prices.
    pub price_list_id: Option<i32>,
    /// The account's GST registration, printed on its tax invoices.
    pub gstin: Option<String>,
    /// The Indian state code of the account's place of supply (CGST + SGST within the
    /// operator's state, IGST across states).
    pub gst_state: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
