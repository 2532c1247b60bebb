use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bank_details")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_id: i32,
    pub holder_name: String,
    pub bank_name: String,
    pub account_number: Option<String>,
    pub ifsc: Option<String>,
    pub iban: Option<String>,
    pub bic: Option<String>,
    pub updated_at: DateTimeUtc,
    pub updated_by_user_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
