//! Enumerated columns: the database keeps text, what the store returns is the enum. The text
//! is parsed once, here, when a row is read; text no enum value has (a typo, a value of a
//! newer release) refuses the row with an error instead of becoming a default.
//!
//! The enums live in `app::model` (shared with the browser, which has no sea-orm), so the
//! column type is this wrapper: sea-orm's traits cannot be implemented on another crate's
//! enum here.

use std::{fmt, ops::Deref, sync::Arc};

use app::model::{
    AccountKind, AccountStatus, Currency,
    order_status::OrderStatus,
    products::ProductKind,
    user_status::{MembershipStatus, UserStatus},
    users::GroupAccess,
};
use sea_orm::{
    ColIdx, DbErr, QueryResult, TryGetError, TryGetable, Value,
    sea_query::{ArrayType, ColumnType, Nullable, StringLen, ValueType, ValueTypeErr},
};

/// An enum stored as text: how it is written and how text is read back.
pub trait StoredText: Clone + fmt::Debug + PartialEq + Send + Sync + 'static {
    /// The enum's name, for the error that refuses unknown text.
    const NAME: &'static str;
    fn to_text(&self) -> String;
    fn from_text(text: &str) -> Option<Self>;
}

/// A column holding one of `E`'s values; reads as `E` (`*row.status`, `row.status.is_paid()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Stored<E>(pub E);

impl<E> Stored<E> {
    pub fn into_inner(self) -> E {
        self.0
    }
}

impl<E: StoredText> Stored<E> {
    /// The text the database holds.
    pub fn text(&self) -> String {
        self.0.to_text()
    }
}

impl<E> Deref for Stored<E> {
    type Target = E;
    fn deref(&self) -> &E {
        &self.0
    }
}

impl<E> From<E> for Stored<E> {
    fn from(value: E) -> Self {
        Self(value)
    }
}

impl<E: StoredText> fmt::Display for Stored<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_text())
    }
}

/// Lets code (and tests) that compare with the stored text keep doing so.
impl<E: StoredText> PartialEq<str> for Stored<E> {
    fn eq(&self, other: &str) -> bool {
        self.0.to_text() == other
    }
}

impl<E: StoredText> PartialEq<E> for Stored<E> {
    fn eq(&self, other: &E) -> bool {
        self.0 == *other
    }
}

impl<E: StoredText> PartialEq<&str> for Stored<E> {
    fn eq(&self, other: &&str) -> bool {
        self.0.to_text() == *other
    }
}

/// Text in an enumerated column that no value of the enum has.
#[derive(Debug, thiserror::Error)]
#[error("{column} cannot be {text:?}")]
pub struct UnknownText {
    pub column: &'static str,
    pub text: String,
}

fn parse<E: StoredText>(text: String) -> Result<Stored<E>, UnknownText> {
    E::from_text(&text).map(Stored).ok_or(UnknownText {
        column: E::NAME,
        text,
    })
}

impl<E: StoredText> From<Stored<E>> for Value {
    fn from(value: Stored<E>) -> Self {
        value.0.to_text().into()
    }
}

impl<E: StoredText> TryGetable for Stored<E> {
    fn try_get_by<I: ColIdx>(res: &QueryResult, index: I) -> Result<Self, TryGetError> {
        parse(String::try_get_by(res, index)?).map_err(|e| {
            TryGetError::DbErr(DbErr::TryIntoErr {
                from: "String",
                into: E::NAME,
                source: Arc::new(e),
            })
        })
    }
}

impl<E: StoredText> ValueType for Stored<E> {
    fn try_from(v: Value) -> Result<Self, ValueTypeErr> {
        parse(<String as ValueType>::try_from(v)?).map_err(|_| ValueTypeErr)
    }

    fn type_name() -> String {
        E::NAME.to_owned()
    }

    fn array_type() -> ArrayType {
        ArrayType::String
    }

    fn column_type() -> ColumnType {
        ColumnType::String(StringLen::None)
    }
}

impl<E: StoredText> Nullable for Stored<E> {
    fn null() -> Value {
        Value::String(None)
    }
}

macro_rules! stored_text {
    ($($ty:ty: $to:expr, $from:expr;)+) => {$(
        impl StoredText for $ty {
            const NAME: &'static str = stringify!($ty);
            fn to_text(&self) -> String {
                ($to)(*self).to_owned()
            }
            fn from_text(text: &str) -> Option<Self> {
                ($from)(text)
            }
        }
    )+};
}

stored_text! {
    OrderStatus: OrderStatus::code, OrderStatus::parse;
    AccountStatus: AccountStatus::as_str, AccountStatus::parse;
    AccountKind: AccountKind::as_str, AccountKind::parse;
    ProductKind: ProductKind::as_str, ProductKind::parse;
    Currency: Currency::as_str, Currency::parse;
    UserStatus: UserStatus::as_str, UserStatus::parse;
    MembershipStatus: MembershipStatus::as_str, MembershipStatus::parse;
    GroupAccess: GroupAccess::as_str, GroupAccess::parse;
}

#[cfg(test)]
mod tests {
    use app::model::{AccountKind, AccountStatus, order_status::OrderStatus};
    use chrono::{TimeZone, Utc};

    use app::model::users::GroupAccess;

    use crate::store::{
        Store, StoreError, accounts, credit_notes, groups, invitations, memberships, orders,
        test_db, users,
    };

    async fn an_account(store: &Store) -> i32 {
        accounts::insert(
            store,
            accounts::NewAccount {
                kind: AccountKind::Enterprise,
                name: "Acme",
                country: "IN",
                status: AccountStatus::Active,
                created_at: Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap(),
            },
        )
        .await
        .unwrap()
        .id
    }

    async fn an_order(store: &Store, account_id: i32) -> i32 {
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap();
        let user = users::insert(
            store,
            users::NewUser {
                email: "asha@example.com",
                name: "Asha",
                mobile: "",
                status: app::model::user_status::UserStatus::Active,
                is_operator: false,
                created_at: at,
                designation: "",
                employee_id: "",
            },
        )
        .await
        .unwrap();
        let group = groups::insert(
            store,
            account_id,
            true,
            groups::GroupFields {
                name: "Default",
                description: "",
                finance_mode: "account",
                spend_limit_minor: None,
                renewal_emails: "",
                restricted: false,
            },
            at,
        )
        .await
        .unwrap();
        orders::insert(
            store,
            orders::NewOrder {
                account_id,
                group_id: group.id,
                placed_by: user.id,
                product_id: 1,
                product_name: "DV",
                product_kind: "dv_single",
                profile: "tls-dv",
                private_ca: None,
                validity_days: 90,
                price_minor: 1000,
                currency: app::model::Currency::Usd,
                status: OrderStatus::Accepted,
                csr_pem: None,
                key_source: "later",
                source: "Portal",
                requester_name: "Asha",
                requester_email: "asha@example.com",
                requester_phone: "",
                tags: "",
                remarks: "",
                tech_name: "",
                tech_email: "asha@example.com",
                extra_emails: "",
                auto_renew: false,
                template_values: "[]",
                names: &["example.com".to_owned()],
            },
            at,
        )
        .await
        .unwrap()
        .id
    }

    fn refused<T: std::fmt::Debug>(read: Result<T, StoreError>, text: &str) {
        match read {
            Err(StoreError::Db(e)) => assert!(e.to_string().contains(text), "{e}"),
            other => panic!("unknown text {text:?} read as {other:?}"),
        }
    }

    #[tokio::test]
    async fn an_account_reads_with_its_kind_status_and_currency_as_enums() {
        let store = test_db::fresh_store().await;
        let id = an_account(&store).await;
        let row = accounts::find(&store, id).await.unwrap().unwrap();
        assert_eq!(
            (*row.kind, *row.status, row.currency.as_str()),
            (AccountKind::Enterprise, AccountStatus::Active, "USD")
        );
    }

    #[tokio::test]
    async fn an_account_status_no_enum_value_has_is_refused() {
        let store = test_db::fresh_store().await;
        let id = an_account(&store).await;
        store
            .execute_raw(&format!(
                "UPDATE accounts SET status = 'paused' WHERE id = {id}"
            ))
            .await
            .unwrap();
        refused(accounts::find(&store, id).await, "paused");
    }

    #[tokio::test]
    async fn an_account_kind_no_enum_value_has_is_refused() {
        let store = test_db::fresh_store().await;
        let id = an_account(&store).await;
        store
            .execute_raw(&format!(
                "UPDATE accounts SET kind = 'reseller' WHERE id = {id}"
            ))
            .await
            .unwrap();
        refused(accounts::find(&store, id).await, "reseller");
    }

    #[tokio::test]
    async fn an_account_currency_no_enum_value_has_is_refused() {
        let store = test_db::fresh_store().await;
        let id = an_account(&store).await;
        store
            .execute_raw(&format!(
                "UPDATE accounts SET currency = 'EUR' WHERE id = {id}"
            ))
            .await
            .unwrap();
        refused(accounts::find(&store, id).await, "EUR");
    }

    #[tokio::test]
    async fn an_order_status_no_enum_value_has_is_refused() {
        let store = test_db::fresh_store().await;
        let account = an_account(&store).await;
        let id = an_order(&store, account).await;
        let row = orders::get(&store, account, id).await.unwrap().unwrap();
        assert_eq!(*row.status, OrderStatus::Accepted);
        store
            .execute_raw(&format!(
                "UPDATE orders SET status = 'shipped' WHERE id = {id}"
            ))
            .await
            .unwrap();
        refused(orders::get(&store, account, id).await, "shipped");
    }

    async fn a_user(store: &Store, email: &str) -> i32 {
        users::insert(
            store,
            users::NewUser {
                email,
                name: "Ravi",
                mobile: "",
                status: app::model::user_status::UserStatus::Active,
                is_operator: false,
                created_at: Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap(),
                designation: "",
                employee_id: "",
            },
        )
        .await
        .unwrap()
        .id
    }

    #[tokio::test]
    async fn a_membership_group_access_no_enum_value_has_is_refused() {
        let store = test_db::fresh_store().await;
        let account = an_account(&store).await;
        let user = a_user(&store, "ravi@example.com").await;
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap();
        let row = memberships::insert(
            &store,
            user,
            account,
            "basic_user",
            GroupAccess::Specific,
            at,
        )
        .await
        .unwrap();
        assert_eq!(*row.group_access, GroupAccess::Specific);
        store
            .execute_raw(&format!(
                "UPDATE memberships SET group_access = 'some' WHERE id = {}",
                row.id
            ))
            .await
            .unwrap();
        refused(memberships::find(&store, user, account).await, "some");
    }

    #[tokio::test]
    async fn an_invitation_group_access_no_enum_value_has_is_refused() {
        let store = test_db::fresh_store().await;
        let account = an_account(&store).await;
        let user = a_user(&store, "ravi@example.com").await;
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap();
        let row = invitations::insert(
            &store,
            invitations::NewInvitation {
                account_id: account,
                user_id: user,
                role: "basic_user",
                group_access: GroupAccess::All,
                employee_id: "",
                token_hash: "hash",
                invited_by: user,
                created_at: at,
                expires_at: at,
            },
        )
        .await
        .unwrap();
        assert_eq!(*row.group_access, GroupAccess::All);
        store
            .execute_raw(&format!(
                "UPDATE invitations SET group_access = 'most' WHERE id = {}",
                row.id
            ))
            .await
            .unwrap();
        refused(invitations::find_by_hash(&store, "hash").await, "most");
    }

    #[tokio::test]
    async fn a_credit_note_currency_no_enum_value_has_is_refused() {
        let store = test_db::fresh_store().await;
        let account = an_account(&store).await;
        let order = an_order(&store, account).await;
        let at = Utc.with_ymd_and_hms(2026, 12, 2, 10, 0, 0).unwrap();
        let note = credit_notes::insert(
            &store,
            account,
            order,
            1000,
            app::model::Currency::Usd,
            "",
            at,
        )
        .await
        .unwrap();
        assert_eq!(*note.currency, app::model::Currency::Usd);
        store
            .execute_raw(&format!(
                "UPDATE credit_notes SET currency = 'XBT' WHERE id = {}",
                note.id
            ))
            .await
            .unwrap();
        refused(credit_notes::get(&store, account, note.id).await, "XBT");
    }
}
