use app::{i18n::Lang, model::user_status::UserStatus};
use sea_orm::entity::prelude::*;

use crate::store::stored::Stored;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub email: String,
    pub name: String,
    pub mobile: String,
    pub password_hash: Option<String>,
    pub status: Stored<UserStatus>,
    pub is_operator: bool,
    pub created_at: DateTimeUtc,
    pub activated_at: Option<DateTimeUtc>,
    pub designation: String,
    pub employee_id: String,
    /// The language the user chose; none: their browser decides, their mail is in English.
    pub lang: Option<Stored<Lang>>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// The language to write to this user in: theirs, else English.
    pub fn mail_lang(&self) -> Lang {
        self.lang.map(Stored::into_inner).unwrap_or_default()
    }
}
