use app::model::revocations::BatchOutcome;
use sea_orm::entity::prelude::*;

use crate::store::stored::{Stored, StoredText};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "revocation_batch_items")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub batch_id: i32,
    pub certificate_id: i32,
    pub outcome: Stored<BatchOutcome>,
    /// The incident id of the last fault (the full error is in the server's log).
    pub detail: Option<String>,
    pub done_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl StoredText for BatchOutcome {
    const NAME: &'static str = "BatchOutcome";
    fn to_text(&self) -> String {
        self.as_str().to_owned()
    }
    fn from_text(text: &str) -> Option<Self> {
        Self::parse(text)
    }
}
