//! Enumerated columns: the database keeps text, what the store returns is the enum. The text
//! is parsed once, here, when a row is read; text no enum value has (a typo, a value of a
//! newer release) refuses the row with an error instead of becoming a default.
//!
//! The enums live in `app::model` (shared with the browser, which has no sea-orm), so the
//! column type is this wrapper: sea-orm's traits cannot be implemented on another crate's
//! enum here.

use std::{fmt, ops::Deref, sync::Arc};

use crate::{
    domain::{
        client_limits::ThrottleScope,
        ledger::{Holder as LedgerHolder, Kind as LedgerKind},
        revocation::RevocationReason,
    },
    ports::keys::KeySpec,
};
use app::i18n::Lang;
use app::model::{
    AccountKind, AccountStatus, Currency,
    acme::{
        AcmeAccountStatus, AcmeAuthzStatus, AcmeChallengeKind, AcmeChallengeStatus, AcmeProfile,
    },
    certificate_status::CertificateStatus,
    corroboration::CorroboratedCheck,
    domains::{DcvMethod, DcvStatus},
    ev::{EvAnswer, EvStep},
    groups::FinanceMode,
    invitation::InvitationAnswer,
    order_actions::OrderLinkKind,
    order_status::OrderStatus,
    orders::{KeySource, OrderSource, TrackingScope},
    organizations::{ContactRole, DocumentType, OrganizationStatus, OrganizationType},
    passkeys::CeremonyPurpose,
    payments::{PaymentProvider, PaymentStatus, WithdrawalStatus},
    products::ProductKind,
    roles::AssignedRole,
    session::{SecondFactorState, TokenPurpose},
    user_status::{MembershipStatus, UserStatus},
    users::GroupAccess,
    vetting::VettingItem,
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
    AcmeAccountStatus: AcmeAccountStatus::as_str, AcmeAccountStatus::parse;
    AcmeAuthzStatus: AcmeAuthzStatus::as_str, AcmeAuthzStatus::parse;
    AcmeChallengeStatus: AcmeChallengeStatus::as_str, AcmeChallengeStatus::parse;
    AcmeChallengeKind: AcmeChallengeKind::as_str, AcmeChallengeKind::parse;
    AcmeProfile: AcmeProfile::as_str, AcmeProfile::parse;
    CertificateStatus: CertificateStatus::as_str, CertificateStatus::parse;
    DcvStatus: DcvStatus::as_str, DcvStatus::parse;
    DcvMethod: |m: DcvMethod| m.code(), DcvMethod::parse;
    FinanceMode: FinanceMode::as_str, FinanceMode::parse;
    OrderLinkKind: OrderLinkKind::as_str, OrderLinkKind::parse;
    KeySource: KeySource::code, KeySource::parse;
    OrderSource: OrderSource::as_str, OrderSource::parse;
    TrackingScope: TrackingScope::code, TrackingScope::parse;
    SecondFactorState: SecondFactorState::as_str, SecondFactorState::parse;
    InvitationAnswer: InvitationAnswer::as_str, InvitationAnswer::parse;
    RevocationReason: RevocationReason::as_str, RevocationReason::parse;
    TokenPurpose: TokenPurpose::as_str, TokenPurpose::parse;
    CeremonyPurpose: CeremonyPurpose::as_str, CeremonyPurpose::parse;
    KeySpec: KeySpec::as_str, KeySpec::parse;
    ThrottleScope: ThrottleScope::code, ThrottleScope::parse;
    LedgerHolder: LedgerHolder::key, LedgerHolder::parse;
    AssignedRole: AssignedRole::stored, AssignedRole::parse;
    LedgerKind: LedgerKind::as_str, LedgerKind::parse;
    PaymentProvider: PaymentProvider::as_str, PaymentProvider::parse;
    PaymentStatus: PaymentStatus::as_str, PaymentStatus::parse;
    WithdrawalStatus: WithdrawalStatus::as_str, WithdrawalStatus::parse;
    Lang: Lang::tag, Lang::from_tag;
    OrganizationType: OrganizationType::as_str, OrganizationType::parse;
    OrganizationStatus: OrganizationStatus::as_str, OrganizationStatus::parse;
    ContactRole: ContactRole::as_str, ContactRole::parse;
    VettingItem: VettingItem::as_str, VettingItem::parse;
    EvStep: EvStep::as_str, EvStep::parse;
    EvAnswer: EvAnswer::as_str, EvAnswer::parse;
    DocumentType: DocumentType::mime, DocumentType::from_mime;
    CorroboratedCheck: CorroboratedCheck::as_str, CorroboratedCheck::parse;
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
                lang: None,
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
                finance_mode: app::model::groups::FinanceMode::Account,
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
                product_kind: app::model::products::ProductKind::DvSingle,
                profile: "tls-dv",
                private_ca: None,
                validity_days: 90,
                price_minor: 1000,
                currency: app::model::Currency::Usd,
                status: OrderStatus::Accepted,
                csr_pem: None,
                key_source: app::model::orders::KeySource::Later,
                source: app::model::orders::OrderSource::Portal,
                organization_id: None,
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
                lang: None,
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
            app::model::roles::AssignedRole::BuiltIn(app::model::Role::BasicUser),
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
                role: app::model::roles::AssignedRole::BuiltIn(app::model::Role::BasicUser),
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

    /// One row in every table with a column converted to `Stored`, made through the store,
    /// and what reading each back needs.
    struct EveryRow {
        account: i32,
        user: i32,
        order: i32,
        product: i32,
        acme_account: i32,
        acme_order: i32,
        authz: i32,
        key: i32,
        certificate: i32,
        domain: i32,
    }

    async fn every_row(store: &Store) -> EveryRow {
        use app::model::{
            Currency, Money, ProductId, Role,
            acme::{AcmeAuthzStatus, AcmeChallengeKind},
            domains::{DcvMethod, Mailbox},
            order_actions::OrderLinkKind,
            orders::TrackingScope,
            products::ProductKind,
            roles::AssignedRole,
        };

        use crate::{
            domain::{ledger::Kind, revocation::RevocationReason},
            store::{
                acme, authorities, certificates, domains, ledger, order_links, passkeys, products,
                sessions, tracking_links, user_tokens,
            },
        };

        let at = Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap();
        let account = an_account(store).await;
        let order = an_order(store, account).await;
        let row = orders::get(store, account, order).await.unwrap().unwrap();
        let user = a_user(store, "ravi@example.com").await;
        memberships::insert(
            store,
            user,
            account,
            AssignedRole::Custom(7),
            GroupAccess::All,
            at,
        )
        .await
        .unwrap();
        let invitation = invitations::insert(
            store,
            invitations::NewInvitation {
                account_id: account,
                user_id: user,
                role: AssignedRole::BuiltIn(Role::Manager),
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
        invitations::answer(
            store,
            app::model::AccountId(account),
            invitation.id,
            user,
            invitations::ACCEPTED,
            at,
        )
        .await
        .unwrap();
        order_links::insert(store, order, order, OrderLinkKind::Reissue, "Key lost", at)
            .await
            .unwrap();
        let product = products::insert(
            store,
            None,
            ProductKind::DvSingle,
            products::ProductFields {
                name: "DV",
                validity_days: &[90],
                included_domains: 1,
                max_domains: 1,
                private_ca: None,
                template: None,
                field_rules: "",
                auto_approve: true,
                checklist: "[]",
            },
            at,
        )
        .await
        .unwrap()
        .id;
        products::set_price_for_operator(
            store,
            ProductId(product),
            products::NewPrice {
                currency: Currency::Inr,
                validity_days: 90,
                base_minor: 100,
                per_extra_domain_minor: 0,
            },
        )
        .await
        .unwrap();
        let transaction = ledger::insert_transaction(
            store,
            ledger::NewTransaction {
                account_id: account,
                kind: Kind::Grant,
                group_id: None,
                order_id: None,
                amount: Money {
                    minor: 100,
                    currency: Currency::Usd,
                },
                memo: "",
                actor_user_id: None,
                at,
            },
        )
        .await
        .unwrap()
        .unwrap();
        let entries = [
            (crate::domain::ledger::Holder::Operator, -100),
            (crate::domain::ledger::Holder::Group(3), 100),
        ];
        ledger::insert_entries(store, transaction, account, Currency::Usd, &entries)
            .await
            .unwrap();
        ledger::add_to_balance(
            store,
            account,
            crate::domain::ledger::Holder::Group(3),
            Money {
                minor: 100,
                currency: Currency::Usd,
            },
        )
        .await
        .unwrap();
        let acme_account = acme::insert_account(
            store,
            acme::NewAcmeAccount {
                thumbprint: "thumbprint",
                jwk: "{}",
                contact: "",
                account_id: account,
                user_id: row.placed_by,
                group_id: row.group_id,
                product_id: product,
                eab_id: None,
            },
            at,
        )
        .await
        .unwrap()
        .id;
        let acme_order = acme::insert_order(
            store,
            acme::NewAcmeOrder {
                acme_account_id: acme_account,
                order_id: order,
                identifiers: "[]",
                expires_at: at,
                replaces: None,
                profile: app::model::acme::AcmeProfile::Classic,
            },
            at,
        )
        .await
        .unwrap()
        .id;
        let authz = acme::insert_authz(
            store,
            acme_order,
            "example.com",
            false,
            AcmeAuthzStatus::Pending,
            at,
        )
        .await
        .unwrap()
        .id;
        acme::insert_challenge(store, authz, AcmeChallengeKind::Dns01, "token")
            .await
            .unwrap();
        let key = authorities::insert_key(
            store,
            authorities::NewKey {
                label: "root",
                backend: "soft",
                spec: crate::ports::keys::KeySpec::EcP256,
                public_key: b"key",
                handle: b"handle",
                created_at: at,
            },
        )
        .await
        .unwrap();
        let ca = authorities::insert_authority(
            store,
            authorities::NewAuthority {
                name: "Root",
                parent_id: None,
                key_id: key.id,
                subject: "CN=Root",
                cert_der: b"der",
                not_before: at,
                not_after: at,
                created_at: at,
                account_id: None,
                crl_shards: 0,
            },
        )
        .await
        .unwrap();
        let certificate = certificates::reserve_many(
            store,
            &[certificates::NewReservation {
                serial_hex: "7e01",
                ca_id: ca.id,
                profile: "tls-dv",
                subject: "CN=example.com",
                names: "example.com",
                not_before: at,
                not_after: at,
                tbs_der: b"tbs",
                created_at: at,
                crl_shard: 0,
            }],
        )
        .await
        .unwrap()
        .remove(0)
        .id;
        certificates::revoke(store, certificate, RevocationReason::KeyCompromise, at)
            .await
            .unwrap();
        let domain = domains::insert(
            store,
            account,
            domains::NewDomain {
                name: "example.com",
                method: DcvMethod::ConstructedEmail {
                    mailbox: Mailbox::Hostmaster,
                },
                random_value: "value",
            },
            at,
        )
        .await
        .unwrap()
        .id;
        domains::mark_verified(
            store,
            account,
            domain,
            domains::Verification {
                method: DcvMethod::DnsTxt,
                rule: "TLS BR 3.2.2.4.7",
                rules_version: "2.1",
                expires_at: at,
            },
            "next",
            at,
        )
        .await
        .unwrap();
        tracking_links::add(
            store,
            tracking_links::NewLink {
                order_id: order,
                account_id: account,
                recipient: "asha@example.com",
                scope: TrackingScope::Viewer,
                token_hash: "link",
            },
            at,
        )
        .await
        .unwrap();
        sessions::insert(
            store,
            sessions::NewSession {
                token_hash: "session",
                user_id: user,
                account_id: account,
                ip: "192.0.2.1",
                user_agent: None,
                created_at: at,
                expires_at: at,
                second_factor: sessions::SECOND_FACTOR_CODE,
            },
        )
        .await
        .unwrap();
        user_tokens::insert(
            store,
            user,
            app::model::session::TokenPurpose::Activation,
            "activation",
            at,
            at,
        )
        .await
        .unwrap();
        passkeys::insert_ceremony(
            store,
            passkeys::NewCeremony {
                token_hash: "ceremony",
                purpose: app::model::passkeys::CeremonyPurpose::SignIn,
                user_id: None,
                session_id: None,
                state: "{}",
                expires_at: at,
            },
        )
        .await
        .unwrap();
        crate::store::throttle_attempts::claim(
            store,
            crate::domain::client_limits::ThrottleScope::SignUp,
            "192.0.2.1",
            10,
            at,
            at,
        )
        .await
        .unwrap();
        EveryRow {
            account,
            user,
            order,
            product,
            acme_account,
            acme_order,
            authz,
            key: key.id,
            certificate,
            domain,
        }
    }

    /// Reads `table`'s row back through the store function that returns it.
    async fn read(store: &Store, rows: &EveryRow, table: &str) -> Result<(), StoreError> {
        use sea_orm::EntityTrait;

        use crate::store::{
            Db, acme, authorities, certificates, domains, entities, ledger, order_links, products,
            sessions, tracking_links,
        };

        let found = |some: bool| {
            assert!(some, "{table}: the row is there");
        };
        match table {
            "acme_accounts" => found(
                acme::account_by_id(store, rows.acme_account)
                    .await?
                    .is_some(),
            ),
            "acme_orders" => found(acme::order_of_order_row(store, rows.order).await?.is_some()),
            "acme_authzs" => found(
                !acme::authzs_of_order(store, rows.acme_order)
                    .await?
                    .is_empty(),
            ),
            "acme_challenges" => found(
                !acme::challenges_of_authz(store, rows.authz)
                    .await?
                    .is_empty(),
            ),
            "memberships" => found(
                memberships::find(store, rows.user, rows.account)
                    .await?
                    .is_some(),
            ),
            "invitations" => found(invitations::find_by_hash(store, "hash").await?.is_some()),
            "order_links" => found(order_links::origin(store, rows.order).await?.is_some()),
            "groups" => found(!groups::for_account(store, rows.account).await?.is_empty()),
            "issued_certificates" => found(
                certificates::find_by_id(store, rows.certificate)
                    .await?
                    .is_some(),
            ),
            "ledger_transactions" => found(
                ledger::page(store, rows.account, Default::default(), 0, 10)
                    .await?
                    .1
                    == 1,
            ),
            "product_prices" => found(
                !products::prices_of(store, &[rows.product])
                    .await?
                    .is_empty(),
            ),
            "orders" => found(
                orders::get(store, rows.account, rows.order)
                    .await?
                    .is_some(),
            ),
            "domains" => found(
                domains::get(store, rows.account, rows.domain)
                    .await?
                    .is_some(),
            ),
            "tracking_links" => found(
                !tracking_links::for_order(store, rows.account, rows.order)
                    .await?
                    .is_empty(),
            ),
            "sessions" => found(sessions::find_by_hash(store, "session").await?.is_some()),
            // The store reads these only filtered by their purpose, so a row with unknown
            // text is never found there; read them whole to see the column refuse it.
            "user_tokens" => found(
                !entities::user_tokens::Entity::find()
                    .all(store.conn())
                    .await?
                    .is_empty(),
            ),
            "webauthn_ceremonies" => found(
                !entities::webauthn_ceremonies::Entity::find()
                    .all(store.conn())
                    .await?
                    .is_empty(),
            ),
            "throttle_attempts" => found(
                !entities::throttle_attempts::Entity::find()
                    .all(store.conn())
                    .await?
                    .is_empty(),
            ),
            "ledger_entries" => found(
                !ledger::entries_of_account(store, rows.account)
                    .await?
                    .is_empty(),
            ),
            "ledger_balances" => found(!ledger::balances(store, rows.account).await?.is_empty()),
            "ca_keys" => found(authorities::find_key(store, rows.key).await?.is_some()),
            other => panic!("no read for {other}"),
        }
        Ok(())
    }

    #[tokio::test]
    async fn text_no_enum_value_has_is_refused_in_every_enumerated_column() {
        // (table, column, text no value of the column's enum has)
        let cases = [
            ("acme_accounts", "status", "suspended"),
            ("acme_orders", "profile", "modern"),
            ("acme_authzs", "status", "stale"),
            ("acme_challenges", "kind", "tls-sni-01"),
            ("acme_challenges", "status", "ready"),
            ("memberships", "role", "superuser"),
            ("memberships", "role", "custom:x"),
            ("invitations", "role", "owner"),
            ("invitations", "answer", "maybe"),
            ("order_links", "kind", "upgrade"),
            ("groups", "finance_mode", "credit"),
            ("issued_certificates", "status", "revoked"),
            ("issued_certificates", "revocation_reason", "lost"),
            ("ledger_transactions", "kind", "bonus"),
            ("product_prices", "currency", "EUR"),
            ("orders", "product_kind", "ev_wildcard"),
            ("orders", "key_source", "hsm"),
            ("orders", "source", "Fax"),
            ("domains", "method", "whois"),
            ("domains", "method", "email:root"),
            ("domains", "status", "expired"),
            ("domains", "verified_method", "ftp"),
            ("tracking_links", "scope", "owner"),
            ("sessions", "second_factor", "sms"),
            ("user_tokens", "purpose", "reset"),
            ("webauthn_ceremonies", "purpose", "attest"),
            ("ca_keys", "spec", "ed25519"),
            ("ledger_entries", "holder", "group:three"),
            ("ledger_balances", "holder", "partner"),
            ("throttle_attempts", "scope", "sign_in"),
        ];
        for (table, column, text) in cases {
            let store = test_db::fresh_store().await;
            let rows = every_row(&store).await;
            read(&store, &rows, table)
                .await
                .unwrap_or_else(|e| panic!("{table}.{column} before the change: {e}"));
            store
                .execute_raw(&format!("UPDATE {table} SET {column} = '{text}'"))
                .await
                .unwrap();
            refused(read(&store, &rows, table).await, text);
        }
    }

    #[tokio::test]
    async fn a_revocation_reason_no_enum_value_has_refuses_the_crl_list() {
        let store = test_db::fresh_store().await;
        let rows = every_row(&store).await;
        let before = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap();
        let ca = crate::store::certificates::find_by_id(&store, rows.certificate)
            .await
            .unwrap()
            .unwrap()
            .ca_id;
        let list = crate::store::certificates::revoked_in_shard(&store, ca, 0, before)
            .await
            .unwrap();
        assert!(list.iter().all(|e| e.is_ok()));
        store
            .execute_raw("UPDATE issued_certificates SET revocation_reason = 'lost'")
            .await
            .unwrap();
        let list = crate::store::certificates::revoked_in_shard(&store, ca, 0, before)
            .await
            .unwrap();
        assert_eq!(list.len(), 1);
        assert!(matches!(
            list.iter().next(),
            Some(Err(StoreError::Inconsistent(_)))
        ));
    }
}
