//! The bundle of ports the server provides to server functions.

use std::sync::Arc;

use crate::{
    ports::access::AccessApi, ports::acme::AcmeApi, ports::billing::BillingApi,
    ports::catalog::CatalogApi, ports::domains::DomainsApi, ports::identity::IdentityApi,
    ports::operator::OperatorApi, ports::orders::OrdersApi, ports::organizations::OrganizationsApi,
    ports::passkeys::PasskeyApi, ports::smime::SmimeApi,
};

/// Everything the portal can call, provided to server functions as Leptos context.
#[derive(Clone)]
pub struct Backend {
    pub identity: Arc<dyn IdentityApi>,
    pub passkeys: Arc<dyn PasskeyApi>,
    pub access: Arc<dyn AccessApi>,
    pub operator: Arc<dyn OperatorApi>,
    pub orders: Arc<dyn OrdersApi>,
    pub domains: Arc<dyn DomainsApi>,
    pub billing: Arc<dyn BillingApi>,
    pub catalog: Arc<dyn CatalogApi>,
    pub smime: Arc<dyn SmimeApi>,
    pub acme: Arc<dyn AcmeApi>,
    pub organizations: Arc<dyn OrganizationsApi>,
    pub vetting: Arc<dyn crate::ports::vetting::VettingApi>,
    pub partners: Arc<dyn crate::ports::partners::PartnersApi>,
    pub payments: Arc<dyn crate::ports::payments::PaymentsApi>,
    pub revocations: Arc<dyn crate::ports::revocations::RevocationsApi>,
}
