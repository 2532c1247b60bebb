//! Orders, their names and their history. Every query is scoped to one account.

use app::model::{
    Currency,
    order_status::OrderStatus,
    orders::{KeySource, OrderSource},
    products::ProductKind,
};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set,
    Condition, ConnectionTrait, DbBackend, PaginatorTrait, QueryOrder, QuerySelect,
    entity::prelude::*,
    sea_query::{BinOper, ExprTrait, Func, Order, Query, SelectStatement},
};

use super::{
    Db, OrderEventRow, OrderRow, StoreError,
    entities::{order_events, order_names, orders},
    stored::Stored,
};

pub struct NewOrder<'a> {
    pub account_id: i32,
    pub group_id: i32,
    pub placed_by: i32,
    pub product_id: i32,
    pub product_name: &'a str,
    pub product_kind: ProductKind,
    pub profile: &'a str,
    pub private_ca: Option<&'a str>,
    pub validity_days: i32,
    pub price_minor: i64,
    pub currency: Currency,
    pub status: OrderStatus,
    pub csr_pem: Option<&'a str>,
    pub key_source: KeySource,
    pub requester_name: &'a str,
    pub requester_email: &'a str,
    pub requester_phone: &'a str,
    pub tags: &'a str,
    pub remarks: &'a str,
    pub tech_name: &'a str,
    pub tech_email: &'a str,
    pub extra_emails: &'a str,
    pub auto_renew: bool,
    pub template_values: &'a str,
    pub names: &'a [String],
    /// Where the order came from (`Portal`, `API`, `ACME`), for the order list.
    pub source: OrderSource,
    /// The vetted organization an OV or EV order names.
    pub organization_id: Option<app::model::OrganizationId>,
}

pub async fn insert(
    db: &impl Db,
    o: NewOrder<'_>,
    at: DateTime<Utc>,
) -> Result<OrderRow, StoreError> {
    let row = new_row(&o, at)
        .insert(db.conn())
        .await
        .map_err(StoreError::from_db)?;
    add_names(db, row.id, o.names).await?;
    Ok(row)
}

/// The order's row as `insert` writes it, without its id.
fn new_row(o: &NewOrder<'_>, at: DateTime<Utc>) -> orders::ActiveModel {
    orders::ActiveModel {
        account_id: Set(o.account_id),
        group_id: Set(o.group_id),
        placed_by: Set(o.placed_by),
        product_id: Set(o.product_id),
        product_name: Set(o.product_name.to_owned()),
        product_kind: Set(o.product_kind.into()),
        profile: Set(o.profile.to_owned()),
        private_ca: Set(o.private_ca.map(str::to_owned)),
        validity_days: Set(o.validity_days),
        price_minor: Set(o.price_minor),
        currency: Set(o.currency.into()),
        status: Set(o.status.into()),
        csr_pem: Set(o.csr_pem.map(str::to_owned)),
        key_source: Set(o.key_source.into()),
        requester_name: Set(o.requester_name.to_owned()),
        requester_email: Set(o.requester_email.to_owned()),
        requester_phone: Set(o.requester_phone.to_owned()),
        tags: Set(o.tags.to_owned()),
        remarks: Set(o.remarks.to_owned()),
        tech_name: Set(o.tech_name.to_owned()),
        tech_email: Set(o.tech_email.to_owned()),
        extra_emails: Set(o.extra_emails.to_owned()),
        auto_renew: Set(o.auto_renew),
        template_values: Set(o.template_values.to_owned()),
        source: Set(o.source.into()),
        organization_id: Set(o.organization_id.map(|id| id.get())),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
}

/// The order's names, in their order.
async fn add_names(db: &impl Db, order_id: i32, names: &[String]) -> Result<(), StoreError> {
    for (position, name) in names.iter().enumerate() {
        order_names::ActiveModel {
            order_id: Set(order_id),
            position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
            name: Set(name.clone()),
            ..Default::default()
        }
        .insert(db.conn())
        .await
        .map_err(StoreError::from_db)?;
    }
    Ok(())
}

/// The account's orders naming `organization` that are paid and not issued yet (those its
/// vetting may have held), oldest first.
pub async fn waiting_for_organization(
    db: &impl Db,
    account: app::model::AccountId,
    organization: app::model::OrganizationId,
) -> Result<Vec<i32>, StoreError> {
    Ok(orders::Entity::find()
        .filter(orders::Column::AccountId.eq(account.get()))
        .filter(orders::Column::OrganizationId.eq(organization.get()))
        .filter(orders::Column::CertificateId.is_null())
        .filter(
            orders::Column::Status
                .is_in([OrderStatus::Accepted.code(), OrderStatus::InProgress.code()]),
        )
        .order_by_asc(orders::Column::Id)
        .all(db.conn())
        .await?
        .into_iter()
        .map(|o| o.id)
        .collect())
}

/// Records the order's interim DV certificate; false when it has one already (two clicks
/// at once: the first wins).
pub async fn set_interim(
    db: &impl Db,
    account_id: i32,
    id: i32,
    certificate_id: i32,
) -> Result<bool, StoreError> {
    let done = orders::Entity::update_many()
        .col_expr(
            orders::Column::InterimCertificateId,
            Expr::value(certificate_id),
        )
        .filter(orders::Column::Id.eq(id))
        .filter(orders::Column::AccountId.eq(account_id))
        .filter(orders::Column::InterimCertificateId.is_null())
        .exec(db.conn())
        .await?;
    Ok(done.rows_affected == 1)
}

/// Orders of every account whose interim DV certificate is still out although their own
/// certificate is issued (the superseding job decides whether the grace period is over).
pub async fn with_interim_to_supersede(db: &impl Db) -> Result<Vec<OrderRow>, StoreError> {
    Ok(orders::Entity::find()
        .filter(orders::Column::InterimCertificateId.is_not_null())
        .filter(orders::Column::InterimSupersededAt.is_null())
        .filter(orders::Column::CertificateId.is_not_null())
        .order_by_asc(orders::Column::Id)
        .all(db.conn())
        .await?)
}

/// Marks the order's interim DV certificate superseded; false when it was already.
pub async fn set_interim_superseded(
    db: &impl Db,
    id: i32,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let done = orders::Entity::update_many()
        .col_expr(orders::Column::InterimSupersededAt, Expr::value(at))
        .filter(orders::Column::Id.eq(id))
        .filter(orders::Column::InterimSupersededAt.is_null())
        .exec(db.conn())
        .await?;
    Ok(done.rows_affected == 1)
}

pub async fn get(db: &impl Db, account_id: i32, id: i32) -> Result<Option<OrderRow>, StoreError> {
    Ok(orders::Entity::find_by_id(id)
        .filter(orders::Column::AccountId.eq(account_id))
        .one(db.conn())
        .await?)
}

pub async fn names(db: &impl Db, order_id: i32) -> Result<Vec<String>, StoreError> {
    Ok(order_names::Entity::find()
        .filter(order_names::Column::OrderId.eq(order_id))
        .order_by_asc(order_names::Column::Position)
        .all(db.conn())
        .await?
        .into_iter()
        .map(|n| n.name)
        .collect())
}

/// The main (first) name of each order.
pub async fn main_names(
    db: &impl Db,
    order_ids: &[i32],
) -> Result<Vec<(i32, String, u32)>, StoreError> {
    if order_ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = order_names::Entity::find()
        .filter(order_names::Column::OrderId.is_in(order_ids.iter().copied()))
        .order_by_asc(order_names::Column::OrderId)
        .order_by_asc(order_names::Column::Position)
        .all(db.conn())
        .await?;
    let mut out: Vec<(i32, String, u32)> = Vec::new();
    for r in rows {
        match out.last_mut() {
            Some((id, _, count)) if *id == r.order_id => *count += 1,
            _ => out.push((r.order_id, r.name, 1)),
        }
    }
    Ok(out)
}

/// Moves an order from one status to another, only if it is still in `from` (two admins
/// approving at once: one wins). Whether it moved.
pub async fn transition(
    db: &impl Db,
    account_id: i32,
    id: i32,
    from: OrderStatus,
    to: OrderStatus,
    reason: Option<&str>,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let mut update = orders::Entity::update_many()
        .col_expr(orders::Column::Status, Expr::value(to.code()))
        .col_expr(orders::Column::UpdatedAt, Expr::value(at));
    if let Some(reason) = reason {
        update = update.col_expr(orders::Column::Reason, Expr::value(reason));
    }
    let done = update
        .filter(orders::Column::Id.eq(id))
        .filter(orders::Column::AccountId.eq(account_id))
        .filter(orders::Column::Status.eq(from.code()))
        .exec(db.conn())
        .await?;
    Ok(done.rows_affected == 1)
}

pub async fn set_csr(
    db: &impl Db,
    account_id: i32,
    id: i32,
    csr_pem: &str,
    key_source: KeySource,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    orders::Entity::update_many()
        .col_expr(orders::Column::CsrPem, Expr::value(csr_pem))
        .col_expr(orders::Column::KeySource, Expr::value(Stored(key_source)))
        .col_expr(orders::Column::UpdatedAt, Expr::value(at))
        .filter(orders::Column::Id.eq(id))
        .filter(orders::Column::AccountId.eq(account_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Stores the CSR of an order that has none yet; false when it has one (perhaps stored a moment
/// ago by someone else), which this never replaces.
pub async fn set_missing_csr(
    db: &impl Db,
    account_id: i32,
    id: i32,
    csr_pem: &str,
    key_source: KeySource,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let done = orders::Entity::update_many()
        .col_expr(orders::Column::CsrPem, Expr::value(csr_pem))
        .col_expr(orders::Column::KeySource, Expr::value(Stored(key_source)))
        .col_expr(orders::Column::UpdatedAt, Expr::value(at))
        .filter(orders::Column::Id.eq(id))
        .filter(orders::Column::AccountId.eq(account_id))
        .filter(orders::Column::CsrPem.is_null())
        .exec(db.conn())
        .await?;
    Ok(done.rows_affected == 1)
}

/// What an order's owner may edit after placing it.
pub struct Details<'a> {
    pub tags: &'a str,
    pub remarks: &'a str,
    pub extra_emails: &'a str,
    pub auto_renew: bool,
}

pub async fn set_details(
    db: &impl Db,
    account_id: i32,
    id: i32,
    d: Details<'_>,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    orders::Entity::update_many()
        .col_expr(orders::Column::Tags, Expr::value(d.tags))
        .col_expr(orders::Column::Remarks, Expr::value(d.remarks))
        .col_expr(orders::Column::ExtraEmails, Expr::value(d.extra_emails))
        .col_expr(orders::Column::AutoRenew, Expr::value(d.auto_renew))
        .col_expr(orders::Column::UpdatedAt, Expr::value(at))
        .filter(orders::Column::Id.eq(id))
        .filter(orders::Column::AccountId.eq(account_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// An order by id in any account: for the delegate's download, whose PIN proves access.
pub async fn get_for_delegate(db: &impl Db, id: i32) -> Result<Option<OrderRow>, StoreError> {
    Ok(orders::Entity::find_by_id(id).one(db.conn()).await?)
}

/// Fulfilled orders of every account whose certificate is not revoked and ends between
/// `from` and `to`, with that certificate: what renewal reminders and auto-renew look at.
/// An operator query: scheduled work, not a user's request.
pub async fn renewal_candidates_all_accounts(
    db: &impl Db,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(OrderRow, super::CertificateRow)>, StoreError> {
    use super::entities::issued_certificates as certs;
    let certificates = certs::Entity::find()
        .filter(certs::Column::NotAfter.gt(from))
        .filter(certs::Column::NotAfter.lte(to))
        .filter(certs::Column::RevokedAt.is_null())
        .filter(certs::Column::CertDer.is_not_null())
        .all(db.conn())
        .await?;
    let mut out = Vec::new();
    for chunk in certificates.chunks(500) {
        let ids: Vec<i32> = chunk.iter().map(|c| c.id).collect();
        let rows = orders::Entity::find()
            .filter(orders::Column::CertificateId.is_in(ids))
            .filter(orders::Column::Status.eq("fulfilled"))
            .order_by_asc(orders::Column::Id)
            .all(db.conn())
            .await?;
        for o in rows {
            if let Some(c) = chunk.iter().find(|c| Some(c.id) == o.certificate_id) {
                out.push((o, c.clone()));
            }
        }
    }
    Ok(out)
}

pub async fn set_issue_error(
    db: &impl Db,
    account_id: i32,
    id: i32,
    error: Option<&str>,
) -> Result<(), StoreError> {
    orders::Entity::update_many()
        .col_expr(orders::Column::IssueError, Expr::value(error))
        .filter(orders::Column::Id.eq(id))
        .filter(orders::Column::AccountId.eq(account_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Records the issued certificate and fulfils the order, if it was still `from`.
pub async fn fulfil(
    db: &impl Db,
    account_id: i32,
    id: i32,
    from: OrderStatus,
    certificate_id: i32,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let done = orders::Entity::update_many()
        .col_expr(
            orders::Column::Status,
            Expr::value(OrderStatus::Fulfilled.code()),
        )
        .col_expr(orders::Column::CertificateId, Expr::value(certificate_id))
        .col_expr(
            orders::Column::IssueError,
            Expr::value(Option::<String>::None),
        )
        .col_expr(orders::Column::UpdatedAt, Expr::value(at))
        .filter(orders::Column::Id.eq(id))
        .filter(orders::Column::AccountId.eq(account_id))
        .filter(orders::Column::Status.eq(from.code()))
        .exec(db.conn())
        .await?;
    Ok(done.rows_affected == 1)
}

pub async fn add_event(
    db: &impl Db,
    order_id: i32,
    actor: &str,
    action: &str,
    detail: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    order_events::ActiveModel {
        order_id: Set(order_id),
        at: Set(at),
        actor: Set(actor.to_owned()),
        action: Set(action.to_owned()),
        detail: Set(detail.to_owned()),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(())
}

pub async fn events(db: &impl Db, order_id: i32) -> Result<Vec<OrderEventRow>, StoreError> {
    Ok(order_events::Entity::find()
        .filter(order_events::Column::OrderId.eq(order_id))
        .order_by_asc(order_events::Column::Id)
        .all(db.conn())
        .await?)
}

/// Adds `count` orders of one account, each with one name `host<id>.bench-example.com`, for
/// the order list benchmark: the same rows `end2end/bench/portal.bench.ts` writes (seven
/// statuses in turn, fifty tags, three minutes apart from 2026-01-01).
pub async fn insert_many_for_bench(
    db: &impl Db,
    account_id: i32,
    group_id: i32,
    placed_by: i32,
    count: usize,
) -> Result<(), StoreError> {
    const CHUNK: usize = 1000;
    const STATUSES: [OrderStatus; 7] = [
        OrderStatus::OnHold,
        OrderStatus::PendingApproval,
        OrderStatus::Accepted,
        OrderStatus::InProgress,
        OrderStatus::Fulfilled,
        OrderStatus::Cancelled,
        OrderStatus::Rejected,
    ];
    let start = DateTime::<Utc>::from_timestamp(1_767_225_600, 0).unwrap_or_default();
    let mut done = 0;
    while done < count {
        let n = CHUNK.min(count - done);
        let rows = (done..done + n).map(|i| {
            let at = start + chrono::Duration::minutes(3 * i64::try_from(i).unwrap_or(0));
            orders::ActiveModel {
                account_id: Set(account_id),
                group_id: Set(group_id),
                placed_by: Set(placed_by),
                product_id: Set(1),
                product_name: Set("DV SSL".to_owned()),
                product_kind: Set(ProductKind::DvSingle.into()),
                profile: Set("tls-dv".to_owned()),
                validity_days: Set(199),
                price_minor: Set(4900),
                currency: Set(Currency::Usd.into()),
                status: Set(STATUSES
                    .get(i % STATUSES.len())
                    .copied()
                    .unwrap_or(OrderStatus::OnHold)
                    .into()),
                key_source: Set(KeySource::Later.into()),
                requester_name: Set("Bench Requester".to_owned()),
                requester_email: Set("bench@example.com".to_owned()),
                requester_phone: Set(String::new()),
                tags: Set(format!("bench,tag{}", i % 50)),
                remarks: Set(String::new()),
                tech_name: Set(String::new()),
                tech_email: Set(String::new()),
                extra_emails: Set(String::new()),
                auto_renew: Set(false),
                template_values: Set("{}".to_owned()),
                source: Set(OrderSource::Portal.into()),
                created_at: Set(at),
                updated_at: Set(at),
                ..Default::default()
            }
        });
        orders::Entity::insert_many(rows).exec(db.conn()).await?;
        done += n;
    }
    let ids: Vec<i32> = orders::Entity::find()
        .select_only()
        .column(orders::Column::Id)
        .filter(orders::Column::AccountId.eq(account_id))
        .into_tuple()
        .all(db.conn())
        .await?;
    for chunk in ids.chunks(CHUNK) {
        let names = chunk.iter().map(|id| order_names::ActiveModel {
            order_id: Set(*id),
            position: Set(0),
            name: Set(format!("host{id}.bench-example.com")),
            ..Default::default()
        });
        order_names::Entity::insert_many(names)
            .exec(db.conn())
            .await?;
    }
    Ok(())
}

/// Which of an account's orders a user reaches: the service decides (role and group access),
/// the list's query and the loading of one order both obey it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Reach {
    /// Every order of the account (scheduled work, administrators, users of every group).
    #[default]
    All,
    /// Only the orders this user placed (roles without access to the group's orders).
    Own(i32),
    /// The orders this user placed and those of these groups (users limited to some groups).
    OwnAndGroups { user_id: i32, group_ids: Vec<i32> },
}

impl Reach {
    pub fn includes(&self, order: &OrderRow) -> bool {
        match self {
            Self::All => true,
            Self::Own(user_id) => order.placed_by == *user_id,
            Self::OwnAndGroups { user_id, group_ids } => {
                order.placed_by == *user_id || group_ids.contains(&order.group_id)
            }
        }
    }

    fn condition(&self) -> Option<Condition> {
        match self {
            Self::All => None,
            Self::Own(user_id) => Some(Condition::all().add(orders::Column::PlacedBy.eq(*user_id))),
            Self::OwnAndGroups { user_id, group_ids } => Some(
                Condition::any()
                    .add(orders::Column::PlacedBy.eq(*user_id))
                    .add(orders::Column::GroupId.is_in(group_ids.iter().copied())),
            ),
        }
    }
}

/// The order list's search, already checked.
#[derive(Debug, Default)]
pub struct Search<'a> {
    pub account_id: i32,
    /// The orders the searching user reaches.
    pub reach: Reach,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub domain: Option<&'a str>,
    pub status: Option<&'a str>,
    pub product: Option<&'a str>,
    pub tag: Option<&'a str>,
    /// Only paid orders (accepted, in progress) without a CSR, S/MIME orders aside (they
    /// take theirs at activation).
    pub needs_csr: bool,
    /// Only fulfilled orders whose certificate is not revoked and ends after the first time
    /// and no later than the second.
    pub expiring: Option<(DateTime<Utc>, DateTime<Utc>)>,
}

/// Name search terms this long or longer have a trigram, so SQLite's trigram index can answer
/// them; shorter ones keep the `LIKE` scan (PostgreSQL's planner makes that choice itself,
/// with its pg_trgm indexes).
const TRIGRAM: usize = 3;

/// SQLite's trigram index answers a name search with at most this many matching names. Past
/// that, matching the phrase name by name costs more than the scan (`bench-example`, in all of
/// 100,000 names: 150 ms against 75 ms), and the newest orders fill a page sooner than sorting
/// all the matches.
const FEW_MATCHES: u64 = 2_000;

/// How the name filter finds the names, and so how the query reaches the orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameSearch {
    /// `LIKE '%term%'` over the names, each of the account's orders tested against the
    /// matches: no name filter, short terms, PostgreSQL, or common terms.
    Scan,
    /// SQLite's trigram index (the `order_names_search` FTS5 table) finds the few matching
    /// names; their orders are read by id.
    Index,
}

/// An FTS5 phrase matching `text` literally: inside double quotes only `"` is special. With the
/// trigram tokenizer a phrase matches the names containing it, case folded as SQLite's `LIKE`
/// folds ASCII: the scan's `LIKE '%text%'`, from the index.
fn fts_phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// The ids of the names (in every account) the trigram index finds for `d`.
fn names_indexed(d: &str) -> SelectStatement {
    Query::select()
        .expr(Expr::col(("order_names_search", "rowid")))
        .from("order_names_search")
        .and_where(Expr::col("order_names_search").binary(BinOper::Custom("MATCH"), fts_phrase(d)))
        .to_owned()
}

/// Whether the trigram index answers this search: SQLite, a term with a trigram, and at most
/// `few` matching names. Counting past `few` stops there, so common terms cost little here.
async fn name_search(db: &impl Db, s: &Search<'_>, few: u64) -> Result<NameSearch, StoreError> {
    let backend = db.conn().get_database_backend();
    let Some(d) = s.domain else {
        return Ok(NameSearch::Scan);
    };
    if backend != DbBackend::Sqlite || d.chars().count() < TRIGRAM {
        return Ok(NameSearch::Scan);
    }
    let probe = Query::select()
        .expr_as(Expr::cust("COUNT(*)"), "n")
        .from_subquery(
            names_indexed(d).limit(few.saturating_add(1)).to_owned(),
            "matches",
        )
        .to_owned();
    let n: i64 = match db.conn().query_one(&probe).await? {
        Some(row) => row.try_get("", "n")?,
        None => 0,
    };
    Ok(if u64::try_from(n).unwrap_or(u64::MAX) <= few {
        NameSearch::Index
    } else {
        NameSearch::Scan
    })
}

/// `column LIKE '%text%'` (case folded by the caller's `lower()` where needed). On PostgreSQL
/// the pattern is part of the statement's text, not a bound value: after five runs of a
/// prepared statement PostgreSQL may keep a generic plan, which guesses any pattern matches
/// 0.5 % of the rows and so reads the pg_trgm index even for patterns it cannot narrow (a term
/// in every name, or of two characters: 222 ms instead of 20 ms over 100,000 names).
fn contains(backend: DbBackend, column: Expr, text: &str) -> Expr {
    if backend == DbBackend::Postgres {
        column.binary(BinOper::Like, super::like_contains_inline(text))
    } else {
        column.like(super::like_contains(text))
    }
}

/// The ids of the orders with a name containing `d`.
fn orders_named(backend: DbBackend, d: &str, how: NameSearch) -> SelectStatement {
    let mut names = Query::select();
    names
        .column(order_names::Column::OrderId)
        .from(order_names::Entity);
    match how {
        NameSearch::Index => names.and_where(order_names::Column::Id.in_subquery(names_indexed(d))),
        NameSearch::Scan => {
            names.and_where(contains(backend, Expr::col(order_names::Column::Name), d))
        }
    };
    names.to_owned()
}

fn condition(s: &Search<'_>, backend: DbBackend, how: NameSearch) -> Condition {
    let account = Expr::col((orders::Entity, orders::Column::AccountId));
    let account = match how {
        NameSearch::Scan => account.eq(s.account_id),
        // `account_id + 0` is the same test, but no index can serve it: SQLite's planner,
        // which has no statistics, would otherwise walk the account's index (every order of
        // the account) and look each up in the matches, instead of reading the few matching
        // orders by id.
        NameSearch::Index => account.add(0).eq(s.account_id),
    };
    let mut c = Condition::all().add(account);
    if let Some(reach) = s.reach.condition() {
        c = c.add(reach);
    }
    if let Some(f) = s.from {
        c = c.add(orders::Column::CreatedAt.gte(f));
    }
    if let Some(u) = s.until {
        c = c.add(orders::Column::CreatedAt.lt(u));
    }
    if let Some(st) = s.status {
        c = c.add(orders::Column::Status.eq(st));
    }
    if let Some(p) = s.product {
        c = c.add(contains(
            backend,
            Expr::expr(Func::lower(Expr::col(orders::Column::ProductName))),
            p,
        ));
    }
    if let Some(t) = s.tag {
        c = c.add(contains(
            backend,
            Expr::expr(Func::lower(Expr::col(orders::Column::Tags))),
            t,
        ));
    }
    if s.needs_csr {
        c = c
            .add(orders::Column::CsrPem.is_null())
            .add(
                orders::Column::Status
                    .is_in([OrderStatus::Accepted.code(), OrderStatus::InProgress.code()]),
            )
            .add(orders::Column::ProductKind.ne(ProductKind::SmimeMailbox.as_str()));
    }
    if let Some((after, until)) = s.expiring {
        use super::entities::issued_certificates as certs;
        c = c
            .add(orders::Column::Status.eq(OrderStatus::Fulfilled.code()))
            .add(
                orders::Column::CertificateId.in_subquery(
                    Query::select()
                        .column(certs::Column::Id)
                        .from(certs::Entity)
                        .and_where(certs::Column::NotAfter.gt(after))
                        .and_where(certs::Column::NotAfter.lte(until))
                        .and_where(certs::Column::RevokedAt.is_null())
                        .to_owned(),
                ),
            );
    }
    if let Some(d) = s.domain {
        c = c.add(orders::Column::Id.in_subquery(orders_named(backend, d, how)));
    }
    c
}

/// How many orders match.
pub async fn count(db: &impl Db, s: &Search<'_>) -> Result<u64, StoreError> {
    let how = name_search(db, s, FEW_MATCHES).await?;
    count_by(db, s, how).await
}

async fn count_by(db: &impl Db, s: &Search<'_>, how: NameSearch) -> Result<u64, StoreError> {
    let backend = db.conn().get_database_backend();
    Ok(orders::Entity::find()
        .filter(condition(s, backend, how))
        .count(db.conn())
        .await?)
}

/// One page of matching orders, newest first, and how many match in all.
pub async fn search(
    db: &impl Db,
    s: &Search<'_>,
    page: u64,
    per_page: u64,
) -> Result<(Vec<OrderRow>, u64), StoreError> {
    let how = name_search(db, s, FEW_MATCHES).await?;
    search_by(db, s, how, page, per_page).await
}

async fn search_by(
    db: &impl Db,
    s: &Search<'_>,
    how: NameSearch,
    page: u64,
    per_page: u64,
) -> Result<(Vec<OrderRow>, u64), StoreError> {
    let total = count_by(db, s, how).await?;
    let offset = page.saturating_sub(1).saturating_mul(per_page);
    if offset >= total {
        return Ok((Vec::new(), total));
    }
    // The page's ids first, then their rows: skipping `offset` matches reads only an index
    // (account, created_at, id), where skipping whole rows read 50,000 of them from the table
    // for page 5,000 on PostgreSQL (167 ms against 12 ms).
    let page_ids = Query::select()
        .column(orders::Column::Id)
        .from(orders::Entity)
        .cond_where(condition(s, db.conn().get_database_backend(), how))
        .order_by(orders::Column::CreatedAt, Order::Desc)
        .order_by(orders::Column::Id, Order::Desc)
        .offset(offset)
        .limit(per_page)
        .to_owned();
    let rows = orders::Entity::find()
        .filter(orders::Column::Id.in_subquery(page_ids))
        .order_by_desc(orders::Column::CreatedAt)
        .order_by_desc(orders::Column::Id)
        .all(db.conn())
        .await?;
    Ok((rows, total))
}

pub mod partner;
#[cfg(test)]
mod search_tests;
