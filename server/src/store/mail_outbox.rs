use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ExprTrait, QueryOrder, QuerySelect, entity::prelude::*};

use super::{Db, MailRow, StoreError, entities::mail_outbox};

pub struct NewMail<'a> {
    pub to_address: &'a str,
    pub to_name: Option<&'a str>,
    pub subject: &'a str,
    pub body: &'a str,
}

pub async fn insert(
    db: &impl Db,
    mail: NewMail<'_>,
    at: DateTime<Utc>,
) -> Result<MailRow, StoreError> {
    mail_outbox::ActiveModel {
        to_address: Set(mail.to_address.to_owned()),
        to_name: Set(mail.to_name.map(str::to_owned)),
        subject: Set(mail.subject.to_owned()),
        body: Set(mail.body.to_owned()),
        created_at: Set(at),
        attempts: Set(0),
        next_attempt_at: Set(at),
        sent_at: Set(None),
        last_error: Set(None),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

/// Unsent messages whose next attempt is due, oldest first. (Operator query: all accounts.)
pub async fn due_for_all_accounts(
    db: &impl Db,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<MailRow>, StoreError> {
    Ok(mail_outbox::Entity::find()
        .filter(mail_outbox::Column::SentAt.is_null())
        .filter(mail_outbox::Column::NextAttemptAt.lte(now))
        .order_by_asc(mail_outbox::Column::Id)
        .limit(limit)
        .all(db.conn())
        .await?)
}

/// Takes a message for delivery by moving its next attempt past the lease, but only if nobody
/// else took it first; several server processes can run the delivery job safely.
pub async fn claim(
    db: &impl Db,
    row: &MailRow,
    lease_until: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let result = mail_outbox::Entity::update_many()
        .col_expr(mail_outbox::Column::NextAttemptAt, Expr::value(lease_until))
        .filter(mail_outbox::Column::Id.eq(row.id))
        .filter(mail_outbox::Column::SentAt.is_null())
        .filter(mail_outbox::Column::NextAttemptAt.eq(row.next_attempt_at))
        .exec(db.conn())
        .await?;
    Ok(result.rows_affected == 1)
}

/// What a delivered message's body becomes.
pub const REMOVED_BODY: &str = "(removed after delivery)";

/// Records the delivery and drops the body: it carried links, PINs and tokens that must not
/// stay readable in the database once the recipient has them. The address, subject and times
/// stay for the operator.
pub async fn mark_sent(db: &impl Db, id: i32, at: DateTime<Utc>) -> Result<(), StoreError> {
    mail_outbox::Entity::update_many()
        .col_expr(mail_outbox::Column::SentAt, Expr::value(at))
        .col_expr(mail_outbox::Column::Body, Expr::value(REMOVED_BODY))
        .col_expr(
            mail_outbox::Column::Attempts,
            Expr::col(mail_outbox::Column::Attempts).add(1),
        )
        .filter(mail_outbox::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}

pub async fn mark_failed(
    db: &impl Db,
    id: i32,
    error: &str,
    retry_at: DateTime<Utc>,
) -> Result<(), StoreError> {
    mail_outbox::Entity::update_many()
        .col_expr(mail_outbox::Column::LastError, Expr::value(error))
        .col_expr(mail_outbox::Column::NextAttemptAt, Expr::value(retry_at))
        .col_expr(
            mail_outbox::Column::Attempts,
            Expr::col(mail_outbox::Column::Attempts).add(1),
        )
        .filter(mail_outbox::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// The outbox's backlog: how many messages are not delivered yet, and when the oldest of
/// those already due became due. Both read the `mail_outbox_due` index. (Operator query: all
/// accounts.)
pub async fn backlog_for_all_accounts(
    db: &impl Db,
    now: DateTime<Utc>,
) -> Result<(u64, Option<DateTime<Utc>>), StoreError> {
    let queued = mail_outbox::Entity::find()
        .filter(mail_outbox::Column::SentAt.is_null())
        .count(db.conn())
        .await?;
    let oldest_due = mail_outbox::Entity::find()
        .filter(mail_outbox::Column::SentAt.is_null())
        .filter(mail_outbox::Column::NextAttemptAt.lte(now))
        .order_by_asc(mail_outbox::Column::NextAttemptAt)
        .one(db.conn())
        .await?
        .map(|row| row.next_attempt_at);
    Ok((queued, oldest_due))
}

pub async fn find(db: &impl Db, id: i32) -> Result<Option<MailRow>, StoreError> {
    Ok(mail_outbox::Entity::find_by_id(id).one(db.conn()).await?)
}

#[cfg(test)]
mod tests {
    use migrations::{Migrator, MigratorTrait};

    use super::*;
    use crate::store::test_db;

    /// The migrations before delivered bodies were removed.
    const BEFORE_REMOVING_BODIES: u32 = 29;

    #[tokio::test]
    async fn mail_delivered_before_the_upgrade_loses_its_body_and_mail_to_send_keeps_it() {
        let store = test_db::unmigrated_store().await;
        Migrator::up(&store.db, Some(BEFORE_REMOVING_BODIES))
            .await
            .unwrap();
        let at = "'2026-11-21T10:00:00+00:00'";
        for sql in [
            format!(
                "INSERT INTO mail_outbox (to_address, subject, body, created_at, attempts, \
                 next_attempt_at, sent_at) VALUES ('asha@acme.example', 'Activate', \
                 'Open http://portal.test/activate/secret-token', {at}, 1, {at}, {at})"
            ),
            format!(
                "INSERT INTO mail_outbox (to_address, subject, body, created_at, attempts, \
                 next_attempt_at) VALUES ('ops@acme.example', 'Order #1 received', \
                 'Not sent yet', {at}, 0, {at})"
            ),
        ] {
            store.execute_raw(&sql).await.unwrap();
        }

        store.migrate().await.unwrap();

        let sent = find(&store, 1).await.unwrap().unwrap();
        assert_eq!(sent.body, REMOVED_BODY);
        assert_eq!(
            sent.subject, "Activate",
            "the operator still sees what went out"
        );
        let unsent = find(&store, 2).await.unwrap().unwrap();
        assert_eq!(
            unsent.body, "Not sent yet",
            "mail still to deliver keeps its body"
        );
    }
}
