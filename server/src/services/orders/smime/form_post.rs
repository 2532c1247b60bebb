//! "New S/MIME order" without JavaScript: the form posts here and is answered with a
//! redirect, to the order it placed or back to the form with what it got wrong.

use app::model::{FieldErrors, Permission, smime_form_post::SmimeOrderPost};

use crate::services::{
    identity::Caller,
    orders::{OrderError, OrderService},
};

impl OrderService {
    /// Places the posted order once under its token, and returns where the browser goes: the
    /// order's page, or the form again (`/orders/smime/new?form=…`) with its errors kept.
    pub async fn smime_form_post(
        &self,
        caller: &Caller,
        post: SmimeOrderPost,
    ) -> Result<String, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let errors = match self
            .smime_place_with(caller, &post.form, Some(&post.token))
            .await
        {
            Ok(id) => return Ok(app::model::order_done::OrderDone::Placed.smime_page(id)),
            Err(OrderError::Invalid(errors)) => errors,
            Err(OrderError::Refused(reason)) => FieldErrors::single("", reason),
            Err(other) => return Err(other),
        };
        self.keep_form(caller, &post.token, 0, &post.form, &errors)
            .await?;
        Ok(format!("/orders/smime/new?form={}", post.token))
    }
}
