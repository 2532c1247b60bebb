use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_forms")]
pub struct Model {
    /// The one-use token the form's page was given.
    #[sea_orm(primary_key, auto_increment = false)]
    pub token: String,
    pub account_id: i32,
    pub user_id: i32,
    /// The step the browser is on (an index into the wizard's steps).
    pub step: i32,
    /// The form as posted so far, as JSON.
    pub form: String,
    /// The errors the last post met, as JSON, shown beside their fields.
    pub errors: String,
    /// The order the token placed; set once.
    pub order_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
