use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    QueryOrder,
    entity::prelude::*,
};

use app::{i18n::Lang, model::user_status::UserStatus};

use super::{Db, StoreError, UserRow, entities::users};

pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub mobile: &'a str,
    pub status: UserStatus,
    pub is_operator: bool,
    pub created_at: DateTime<Utc>,
    pub designation: &'a str,
    pub employee_id: &'a str,
    /// The language they chose (signing up in it), if any.
    pub lang: Option<Lang>,
}

/// Inserts a user; `StoreError::Duplicate` when the e-mail is taken.
pub async fn insert(db: &impl Db, new: NewUser<'_>) -> Result<UserRow, StoreError> {
    users::ActiveModel {
        email: Set(new.email.to_owned()),
        name: Set(new.name.to_owned()),
        mobile: Set(new.mobile.to_owned()),
        password_hash: Set(None),
        status: Set(new.status.into()),
        is_operator: Set(new.is_operator),
        created_at: Set(new.created_at),
        designation: Set(new.designation.to_owned()),
        employee_id: Set(new.employee_id.to_owned()),
        // Left out of the row when not chosen, so the column's default applies (and a
        // database older than the column still takes new users, as the migration tests do).
        lang: new.lang.map_or(NotSet, |l| Set(Some(l.into()))),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

pub async fn find(db: &impl Db, id: i32) -> Result<Option<UserRow>, StoreError> {
    Ok(users::Entity::find_by_id(id).one(db.conn()).await?)
}

pub async fn find_by_email(db: &impl Db, email: &str) -> Result<Option<UserRow>, StoreError> {
    Ok(users::Entity::find()
        .filter(users::Column::Email.eq(email))
        .one(db.conn())
        .await?)
}

/// Sets the first password and activates the user.
pub async fn activate(
    db: &impl Db,
    id: i32,
    password_hash: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    users::Entity::update_many()
        .col_expr(users::Column::PasswordHash, Expr::value(password_hash))
        .col_expr(
            users::Column::Status,
            Expr::value(UserStatus::Active.as_str()),
        )
        .col_expr(users::Column::ActivatedAt, Expr::value(at))
        .filter(users::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Keeps `lang` as the user's language.
pub async fn set_lang(db: &impl Db, id: i32, lang: Lang) -> Result<(), StoreError> {
    users::Entity::update_many()
        .col_expr(users::Column::Lang, Expr::value(lang.tag()))
        .filter(users::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// A user's personal details: changed by the user, or by the administrator of the only
/// account they belong to.
pub struct Details<'a> {
    pub name: &'a str,
    pub mobile: &'a str,
    pub designation: &'a str,
}

pub async fn update_details(db: &impl Db, id: i32, d: Details<'_>) -> Result<(), StoreError> {
    users::Entity::update_many()
        .col_expr(users::Column::Name, Expr::value(d.name))
        .col_expr(users::Column::Mobile, Expr::value(d.mobile))
        .col_expr(users::Column::Designation, Expr::value(d.designation))
        .filter(users::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// The operator's active staff (the vetting desk's readers), by e-mail.
pub async fn active_operators(db: &impl Db) -> Result<Vec<UserRow>, StoreError> {
    Ok(users::Entity::find()
        .filter(users::Column::IsOperator.eq(true))
        .filter(users::Column::Status.eq(super::stored::Stored(UserStatus::Active)))
        .order_by_asc(users::Column::Email)
        .all(db.conn())
        .await?)
}

pub async fn find_many(db: &impl Db, ids: &[i32]) -> Result<Vec<UserRow>, StoreError> {
    Ok(users::Entity::find()
        .filter(users::Column::Id.is_in(ids.iter().copied()))
        .all(db.conn())
        .await?)
}

pub async fn set_password(db: &impl Db, id: i32, password_hash: &str) -> Result<(), StoreError> {
    users::Entity::update_many()
        .col_expr(users::Column::PasswordHash, Expr::value(password_hash))
        .filter(users::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}
