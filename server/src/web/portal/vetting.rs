//! `VettingApi` for the portal: the operator's vetting desk, and the representative's code
//! link (public: the link's token is the key, and each client's tries are throttled).

use std::sync::Arc;

use app::{
    error::AppError,
    i18n::Msg,
    model::{
        FieldErrors, OrganizationId,
        organizations::VettingLevel,
        vetting::{CheckForm, VettingCase, VettingQueue},
    },
    ports::{RequestMeta, VettingApi},
};
use async_trait::async_trait;

use super::{admit, caller, incident};
use crate::{
    domain::client_limits::ThrottleScope,
    services::{
        identity::{Caller, IdentityService},
        throttle::Throttle,
        vetting::{VettingError, VettingService},
    },
};

pub struct VettingPortal {
    pub identity: Arc<IdentityService>,
    pub vetting: Arc<VettingService>,
    pub throttle: Arc<Throttle>,
    /// Issues the orders that waited for an organization the desk has just verified.
    pub orders: Arc<crate::services::orders::OrderService>,
}

impl From<VettingError> for AppError {
    fn from(e: VettingError) -> Self {
        match e {
            VettingError::OperatorOnly => AppError::Forbidden,
            VettingError::NotFound => AppError::NotFound,
            VettingError::Invalid(errors) => AppError::Validation(errors),
            VettingError::Refused(why) => AppError::Conflict(why),
            other @ VettingError::Store(_) => incident(&other),
        }
    }
}

impl VettingPortal {
    async fn caller(&self, meta: &RequestMeta) -> Result<Caller, AppError> {
        caller(&self.identity, meta).await
    }
}

fn ip(meta: &RequestMeta) -> Option<String> {
    Some(meta.ip.to_string())
}

#[async_trait]
impl VettingApi for VettingPortal {
    async fn queue(&self, meta: &RequestMeta) -> Result<VettingQueue, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.vetting.vetting_queue(&caller).await?)
    }

    async fn case(&self, meta: &RequestMeta, id: OrganizationId) -> Result<VettingCase, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.vetting.vetting_case(&caller, id).await?)
    }

    async fn check(
        &self,
        meta: &RequestMeta,
        id: OrganizationId,
        form: CheckForm,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .vetting
            .record_check(&caller, id, &form, ip(meta))
            .await?)
    }

    async fn send_code(&self, meta: &RequestMeta, id: OrganizationId) -> Result<String, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.vetting.send_code(&caller, id, ip(meta)).await?)
    }

    async fn approve(
        &self,
        meta: &RequestMeta,
        id: OrganizationId,
        level: String,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        let level = match level.as_str() {
            "ov" => VettingLevel::Ov,
            "ev" => VettingLevel::Ev,
            _ => {
                return Err(AppError::Validation(FieldErrors::single(
                    "level",
                    Msg::new("err-vetting-choose-level"),
                )));
            }
        };
        let account = self.vetting.approve(&caller, id, level, ip(meta)).await?;
        // The decision stands once made; an order that still cannot issue says why on its
        // own page, so a failure here is logged and not the desk's error.
        if let Err(e) = self.orders.issue_after_vetting(account, id).await {
            tracing::error!(organization = %id, error = %e, "issuing the orders that waited for vetting failed");
        }
        Ok(())
    }

    async fn reject(
        &self,
        meta: &RequestMeta,
        id: OrganizationId,
        reason: String,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.vetting.reject(&caller, id, &reason, ip(meta)).await?)
    }

    async fn code_link(&self, meta: &RequestMeta, token: String) -> Result<String, AppError> {
        admit(&self.throttle, ThrottleScope::Tracking, meta.ip).await?;
        Ok(self.vetting.code_link(&token).await?.organization)
    }

    async fn enter_code(
        &self,
        meta: &RequestMeta,
        token: String,
        code: String,
    ) -> Result<String, AppError> {
        admit(&self.throttle, ThrottleScope::Tracking, meta.ip).await?;
        Ok(self
            .vetting
            .enter_code(&token, &code, ip(meta))
            .await?
            .organization)
    }
}
