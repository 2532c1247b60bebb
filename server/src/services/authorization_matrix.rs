//! The authorization matrix at the service layer: every service entry point that acts for a
//! `Caller`, called as each built-in role, as a custom role without the permission it needs,
//! and as an administrator of another account. The services authorize themselves (the
//! portal, REST, ACME and the CLI only establish who is calling), so this is where a missing
//! check would show. An entry point without a case here fails the test: the list of entry
//! points is read from the source.

use std::{collections::BTreeSet, future::Future, path::Path, pin::Pin, sync::Arc};

use app::i18n::Lang;
use app::model::{
    AuditQuery, ContactId, OrganizationDocumentId, OrganizationId, Permission, Role, UserForm,
    UsersQuery,
    billing::{Allocation, CreditForm},
    domains::AddDomainForm,
    groups::GroupForm,
    ip_rules::IpRuleForm,
    operator::AccountsQuery,
    order_actions::{ChangeNames, EditOrderForm, ReissueForm, RenewForm, RevokeForm},
    orders::OrdersQuery,
    organization_form::{ContactForm, OrganizationForm},
    organizations::{OrganizationsQuery, VettingLevel},
    products::{PriceForm, PrivateProductForm, PublicProductForm},
    profile::ProfileForm,
    roles::CustomRoleForm,
    smime::{ActivationForm, SmimeOrderForm},
    vetting::CheckForm,
};

use crate::{
    ca::test_support::SECRET,
    ports::{dns::FakeDns, http_fetch::FakeHttp},
    services::{
        access::{AccessError, AccessService, added_member},
        acme::{AcmeDeps, AcmeError, AcmeService, NewCredential},
        api_keys::{ApiKeyError, ApiKeyService},
        billing::BillingError,
        catalog::{CatalogError, test_support::administrator},
        identity::{Caller, IdentityError, test_support::test_sealer},
        orders::{
            DownloadFormat, OrderError,
            test_support::{World as OrderWorld, world as order_world},
        },
        organizations::{OrganizationError, OrganizationService, Upload as OrgUpload},
        partners::{PartnerError, PartnerService},
        payments::{PaymentError, PaymentService},
        validation::ValidationError,
        vetting::{VettingError, VettingService},
    },
};

/// What a call answered, as far as authorization is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Answer {
    /// Refused for lacking a permission (`None`: the error does not say which).
    Forbidden(Option<Permission>),
    /// Refused for not being an operator user.
    OperatorOnly,
    NotFound,
    /// Anything else: done, or refused by a rule that is not about who is calling.
    Other(String),
}

trait Answered {
    fn answer(self) -> Answer;
}

impl<T> Answered for Result<T, AccessError> {
    fn answer(self) -> Answer {
        match self {
            Err(AccessError::Forbidden(p)) => Answer::Forbidden(Some(p)),
            Err(AccessError::OperatorOnly) => Answer::OperatorOnly,
            Err(AccessError::NotFound) => Answer::NotFound,
            other => Answer::Other(format!("{:?}", other.err())),
        }
    }
}

impl<T> Answered for Result<T, OrderError> {
    fn answer(self) -> Answer {
        match self {
            Err(OrderError::Forbidden(p)) => Answer::Forbidden(Some(p)),
            Err(OrderError::NotFound) => Answer::NotFound,
            other => Answer::Other(format!("{:?}", other.err())),
        }
    }
}

impl<T> Answered for Result<T, BillingError> {
    fn answer(self) -> Answer {
        match self {
            Err(BillingError::Forbidden(p)) => Answer::Forbidden(Some(p)),
            Err(BillingError::OperatorOnly) => Answer::OperatorOnly,
            Err(BillingError::NotFound) => Answer::NotFound,
            other => Answer::Other(format!("{:?}", other.err())),
        }
    }
}

impl<T> Answered for Result<T, PaymentError> {
    fn answer(self) -> Answer {
        match self {
            Err(PaymentError::Forbidden(p)) => Answer::Forbidden(Some(p)),
            Err(PaymentError::OperatorOnly) => Answer::OperatorOnly,
            Err(PaymentError::NotFound) => Answer::NotFound,
            other => Answer::Other(format!("{:?}", other.err())),
        }
    }
}

impl<T> Answered for Result<T, CatalogError> {
    fn answer(self) -> Answer {
        match self {
            Err(CatalogError::Forbidden(p)) => Answer::Forbidden(Some(p)),
            Err(CatalogError::OperatorOnly) => Answer::OperatorOnly,
            Err(CatalogError::NotFound) => Answer::NotFound,
            other => Answer::Other(format!("{:?}", other.err())),
        }
    }
}

impl<T> Answered for Result<T, ApiKeyError> {
    fn answer(self) -> Answer {
        match self {
            Err(ApiKeyError::Forbidden(p)) => Answer::Forbidden(Some(p)),
            Err(ApiKeyError::NotFound) => Answer::NotFound,
            other => Answer::Other(format!("{:?}", other.err())),
        }
    }
}

impl<T> Answered for Result<T, ValidationError> {
    fn answer(self) -> Answer {
        match self {
            Err(ValidationError::Forbidden(p)) => Answer::Forbidden(Some(p)),
            Err(ValidationError::NotFound) => Answer::NotFound,
            other => Answer::Other(format!("{:?}", other.err())),
        }
    }
}

impl<T> Answered for Result<T, OrganizationError> {
    fn answer(self) -> Answer {
        match self {
            Err(OrganizationError::Forbidden(p)) => Answer::Forbidden(Some(p)),
            Err(OrganizationError::NotFound) => Answer::NotFound,
            other => Answer::Other(format!("{:?}", other.err())),
        }
    }
}

impl<T> Answered for Result<T, PartnerError> {
    fn answer(self) -> Answer {
        match self {
            Err(PartnerError::Forbidden(p)) => Answer::Forbidden(Some(p)),
            Err(PartnerError::NotFound) => Answer::NotFound,
            other => Answer::Other(format!("{:?}", other.err())),
        }
    }
}

impl<T> Answered for Result<T, VettingError> {
    fn answer(self) -> Answer {
        match self {
            Err(VettingError::OperatorOnly) => Answer::OperatorOnly,
            Err(VettingError::NotFound) => Answer::NotFound,
            other => Answer::Other(format!("{:?}", other.err())),
        }
    }
}

impl<T> Answered for Result<T, AcmeError> {
    fn answer(self) -> Answer {
        match self {
            Err(AcmeError::Unauthorized(_)) => Answer::Forbidden(None),
            Err(AcmeError::NotFound) => Answer::NotFound,
            other => Answer::Other(format!("{:?}", other.err())),
        }
    }
}

impl<T> Answered for Result<T, crate::services::mass_revocation::MassRevocationError> {
    fn answer(self) -> Answer {
        use crate::services::mass_revocation::MassRevocationError as E;
        match self {
            Err(E::OperatorOnly) => Answer::OperatorOnly,
            Err(E::NotFound) => Answer::NotFound,
            other => Answer::Other(format!("{:?}", other.err())),
        }
    }
}

impl<T> Answered for Result<T, IdentityError> {
    fn answer(self) -> Answer {
        match self {
            Err(
                IdentityError::NotMember
                | IdentityError::NoSuchPasskey
                | IdentityError::NoSuchLoginCertificate,
            ) => Answer::NotFound,
            other => Answer::Other(format!("{:?}", other.err())),
        }
    }
}

/// What an entry point requires of its caller.
#[derive(Debug, Clone, Copy)]
enum Need {
    Permission(Permission),
    Operator,
    /// Any signed-in user, acting on themselves or within their own reach.
    SelfService,
}

/// What an administrator of another account gets for the same call.
#[derive(Debug, Clone, Copy)]
enum Other {
    /// The call names no object of the first account (its answer is about the caller's own).
    Skip,
    /// The call names an object of the first account by id: as if it did not exist.
    NotFound,
}

type Call = for<'a> fn(&'a World, &'a Caller) -> Pin<Box<dyn Future<Output = Answer> + 'a>>;

struct Case {
    /// `<path under services/>::<function>`, as the scan of the source names it.
    name: &'static str,
    need: Need,
    other: Other,
    call: Call,
}

/// A case whose call is `$body` with the world as `$w` and the caller as `$c`.
macro_rules! case {
    ($name:literal, $need:expr, $other:expr, |$w:ident, $c:ident| $body:expr) => {
        Case {
            name: $name,
            need: $need,
            other: $other,
            call: {
                fn call<'a>(
                    $w: &'a World,
                    $c: &'a Caller,
                ) -> Pin<Box<dyn Future<Output = Answer> + 'a>> {
                    Box::pin(async move { $body.answer() })
                }
                call
            },
        }
    };
}

/// The first account's objects the calls name, and the services.
struct World {
    o: OrderWorld,
    access: AccessService,
    api_keys: ApiKeyService,
    acme: AcmeService,
    orgs: OrganizationService,
    desk: VettingService,
    partners: PartnerService,
    payments: PaymentService,
    revocations: crate::services::mass_revocation::MassRevocationService,
    /// A bank transfer the first account recorded.
    payment: app::model::payments::PaymentId,
    /// An organization of the first account, with one document.
    organization: OrganizationId,
    document: OrganizationDocumentId,
    /// A basic user of the first account the user-management calls act on.
    member: i32,
    group: i32,
    /// A custom role the role calls change and delete (not the one the matrix gives).
    role: i32,
    ip_rule: i32,
    api_key: i32,
    eab: i32,
    order: i32,
    domain: i32,
    product: i32,
    private_product: i32,
    /// A request as an edge (ACME finalize) reads it, for the calls that take one parsed.
    csr: crate::ca::CheckedCsr,
}

fn ip() -> Option<String> {
    Some("192.0.2.1".into())
}

fn addr() -> std::net::IpAddr {
    std::net::IpAddr::from([192, 0, 2, 1])
}

const SELF: Need = Need::SelfService;
const OPERATOR: Need = Need::Operator;

fn needs(p: Permission) -> Need {
    Need::Permission(p)
}

#[allow(clippy::too_many_lines)]
fn cases() -> Vec<Case> {
    use Other::{NotFound as NF, Skip};
    use Permission::*;
    vec![
        // access
        case!(
            "access/add_user.rs::add_user",
            needs(ManageUsers),
            Skip,
            |w, c| w.access.add_user(c, &UserForm::default(), ip()).await
        ),
        case!(
            "access/audit_export.rs::audit_export",
            needs(ViewAuditLog),
            Skip,
            |w, c| w
                .access
                .audit_export(c, &AuditQuery::default(), Lang::En)
                .await
        ),
        case!(
            "access/audit_log.rs::audit_page",
            needs(ViewAuditLog),
            Skip,
            |w, c| w.access.audit_page(c, &AuditQuery::default()).await
        ),
        case!(
            "access/custom_roles.rs::roles_page",
            needs(ManageRoles),
            Skip,
            |w, c| w.access.roles_page(c).await
        ),
        case!(
            "access/custom_roles.rs::add_custom_role",
            needs(ManageRoles),
            Skip,
            |w, c| w
                .access
                .add_custom_role(c, &CustomRoleForm::default(), ip())
                .await
        ),
        case!(
            "access/custom_roles.rs::update_custom_role",
            needs(ManageRoles),
            NF,
            |w, c| w
                .access
                .update_custom_role(c, w.role, &role_form("Doomed", ViewReports), ip())
                .await
        ),
        case!(
            "access/custom_roles.rs::delete_custom_role",
            needs(ManageRoles),
            NF,
            |w, c| w.access.delete_custom_role(c, w.role, ip()).await
        ),
        case!(
            "access/custom_roles.rs::role_options",
            needs(ManageUsers),
            Skip,
            |w, c| w.access.role_options(c).await
        ),
        case!(
            "access/deactivate_user.rs::deactivate_user",
            needs(ManageUsers),
            NF,
            |w, c| w.access.deactivate_user(c, w.member, ip()).await
        ),
        case!(
            "access/group_domains.rs::add_group_domain",
            needs(ManageGroups),
            NF,
            |w, c| w
                .access
                .add_group_domain(c, w.group, "matrix.example", ip())
                .await
        ),
        case!(
            "access/group_domains.rs::remove_group_domain",
            needs(ManageGroups),
            NF,
            |w, c| w
                .access
                .remove_group_domain(c, w.group, "matrix.example", ip())
                .await
        ),
        case!(
            "access/group_organizations.rs::add_group_organization",
            needs(ManageGroups),
            NF,
            |w, c| w
                .access
                .add_group_organization(c, w.group, w.organization, ip())
                .await
        ),
        case!(
            "access/group_organizations.rs::remove_group_organization",
            needs(ManageGroups),
            NF,
            |w, c| w
                .access
                .remove_group_organization(c, w.group, w.organization, ip())
                .await
        ),
        case!(
            "access/group_logo.rs::set_group_logo",
            needs(ManageGroups),
            NF,
            |w, c| w
                .access
                .set_group_logo(c, w.group, "data:image/png;base64,iVBORw0KGgo=", ip())
                .await
        ),
        case!(
            "access/group_logo.rs::remove_group_logo",
            needs(ManageGroups),
            NF,
            |w, c| w.access.remove_group_logo(c, w.group, ip()).await
        ),
        case!(
            "access/group_members.rs::group_detail",
            needs(ManageGroups),
            NF,
            |w, c| w.access.group_detail(c, w.group).await
        ),
        case!(
            "access/group_members.rs::add_group_member",
            needs(ManageGroups),
            NF,
            |w, c| w.access.add_group_member(c, w.group, w.member, ip()).await
        ),
        case!(
            "access/group_members.rs::remove_group_member",
            needs(ManageGroups),
            NF,
            |w, c| w
                .access
                .remove_group_member(c, w.group, w.member, ip())
                .await
        ),
        case!(
            "access/groups.rs::groups_page",
            needs(ManageGroups),
            Skip,
            |w, c| w.access.groups_page(c).await
        ),
        case!(
            "access/groups.rs::add_group",
            needs(ManageGroups),
            Skip,
            |w, c| w.access.add_group(c, &GroupForm::default(), ip()).await
        ),
        case!(
            "access/groups.rs::update_group",
            needs(ManageGroups),
            NF,
            |w, c| w.access.update_group(c, w.group, &group_form(), ip()).await
        ),
        case!(
            "access/ip_rules.rs::ip_rules_page",
            needs(ManageSettings),
            Skip,
            |w, c| w.access.ip_rules_page(c, addr()).await
        ),
        case!(
            "access/ip_rules.rs::add_ip_rule",
            needs(ManageSettings),
            Skip,
            |w, c| w
                .access
                .add_ip_rule(c, &IpRuleForm::default(), addr())
                .await
        ),
        case!(
            "access/ip_rules.rs::change_ip_rule",
            needs(ManageSettings),
            NF,
            |w, c| w
                .access
                .change_ip_rule(c, w.ip_rule, Some(true), addr(), false)
                .await
        ),
        case!(
            "access/operator_accounts.rs::accounts_page",
            OPERATOR,
            Skip,
            |w, c| w.access.accounts_page(c, &AccountsQuery::default()).await
        ),
        case!(
            "access/operator_accounts.rs::review_partner",
            OPERATOR,
            Skip,
            |w, c| w
                .access
                .review_partner(c, w.o.admin.account.id, false, "Not verified", ip())
                .await
        ),
        case!(
            "access/operator_accounts.rs::set_multiple_groups",
            OPERATOR,
            Skip,
            |w, c| w
                .access
                .set_multiple_groups(c, w.o.admin.account.id, true, ip())
                .await
        ),
        case!(
            "access/legal_documents.rs::legal_documents",
            OPERATOR,
            Skip,
            |w, c| w.access.legal_documents(c).await
        ),
        case!(
            "access/legal_documents.rs::publish_legal_document",
            OPERATOR,
            Skip,
            |w, c| w
                .access
                .publish_legal_document(
                    c,
                    &app::model::legal::PublishLegalForm {
                        kind: "terms".into(),
                        title: "Terms of service".into(),
                        body: "Be kind.".into(),
                    },
                    ip(),
                )
                .await
        ),
        case!(
            "access/two_factor_setting.rs::two_factor_enforced",
            needs(ManageSettings),
            Skip,
            |w, c| w.access.two_factor_enforced(c).await
        ),
        case!(
            "access/two_factor_setting.rs::set_two_factor_enforced",
            needs(ManageSettings),
            Skip,
            |w, c| w.access.set_two_factor_enforced(c, false, ip()).await
        ),
        case!(
            "access/update_user.rs::update_user",
            needs(ManageUsers),
            NF,
            |w, c| w
                .access
                .update_user(c, w.member, &member_form(), ip())
                .await
        ),
        case!("access/users.rs::user", needs(ManageUsers), NF, |w, c| w
            .access
            .user(c, w.member)
            .await),
        case!(
            "access/users.rs::users_page",
            needs(ManageUsers),
            Skip,
            |w, c| w.access.users_page(c, &UsersQuery::default()).await
        ),
        // ACME credentials and renewal information
        case!(
            "acme/credentials_page.rs::credentials_page",
            needs(ManageSettings),
            Skip,
            |w, c| w
                .acme
                .credentials_page(c, "http://portal.test/acme/directory")
                .await
        ),
        case!(
            "acme/eab.rs::create_eab",
            needs(ManageSettings),
            Skip,
            |w, c| w.acme.create_eab(c, &credential(w.product)).await
        ),
        case!(
            "acme/eab.rs::list_eab",
            needs(ManageSettings),
            Skip,
            |w, c| w.acme.list_eab(c).await
        ),
        case!(
            "acme/eab.rs::revoke_eab",
            needs(ManageSettings),
            NF,
            |w, c| w.acme.revoke_eab(c, w.eab).await
        ),
        case!(
            "acme/renewal_info.rs::renew_early",
            needs(ApproveOrders),
            NF,
            |w, c| w.acme.renew_early(c, w.order).await
        ),
        // API keys
        case!(
            "api_keys/create.rs::create",
            needs(ManageSettings),
            Skip,
            |w, c| w
                .api_keys
                .create(
                    c,
                    &app::model::api_keys::ApiKeyForm::default(),
                    Some(addr())
                )
                .await
        ),
        case!(
            "api_keys/list.rs::page",
            needs(ManageSettings),
            Skip,
            |w, c| w.api_keys.page(c).await
        ),
        case!(
            "api_keys/revoke.rs::revoke",
            needs(ManageSettings),
            NF,
            |w, c| w.api_keys.revoke(c, w.api_key, Some(addr())).await
        ),
        // billing
        case!(
            "billing/account_credits.rs::account_credits",
            OPERATOR,
            Skip,
            |w, c| w
                .o
                .billing
                .account_credits(c, w.o.admin.account.id, None)
                .await
        ),
        case!(
            "billing/allocate.rs::allocate",
            needs(AllocateCredits),
            NF,
            |w, c| w
                .o
                .billing
                .allocate(c, w.group, Allocation::Allocate, &credit_form(), ip())
                .await
        ),
        // payments (FIN-1)
        case!(
            "payments/pages.rs::add_credits_page",
            needs(ViewFinance),
            Skip,
            |w, c| w.payments.add_credits_page(c, None).await
        ),
        case!(
            "payments/pages.rs::withdraw_page",
            needs(ViewFinance),
            Skip,
            |w, c| w.payments.withdraw_page(c).await
        ),
        case!(
            "payments/online.rs::start_online_payment",
            needs(AllocateCredits),
            Skip,
            |w, c| w
                .payments
                .start_online_payment(c, &Default::default(), ip())
                .await
        ),
        case!(
            "payments/recheck.rs::recheck_payment",
            needs(ViewFinance),
            NF,
            |w, c| w.payments.recheck_payment(c, w.payment).await
        ),
        case!(
            "payments/offline.rs::record_offline_payment",
            needs(AllocateCredits),
            Skip,
            |w, c| w
                .payments
                .record_offline_payment(c, &Default::default(), Default::default(), ip())
                .await
        ),
        case!(
            "payments/bank_details.rs::save_bank_details",
            needs(AllocateCredits),
            Skip,
            |w, c| w
                .payments
                .save_bank_details(c, &Default::default(), ip())
                .await
        ),
        case!(
            "payments/withdraw.rs::request_withdrawal",
            needs(AllocateCredits),
            Skip,
            |w, c| w
                .payments
                .request_withdrawal(c, &Default::default(), ip())
                .await
        ),
        case!(
            "payments/queue.rs::payments_queue",
            OPERATOR,
            Skip,
            |w, c| w.payments.payments_queue(c).await
        ),
        case!(
            "payments/queue.rs::payment_proof",
            OPERATOR,
            Skip,
            |w, c| w.payments.payment_proof(c, w.payment).await
        ),
        case!(
            "payments/decide_payment.rs::decide_payment",
            OPERATOR,
            Skip,
            |w, c| w
                .payments
                .decide_payment(
                    c,
                    w.payment,
                    app::model::payments::Decision::Reject,
                    "",
                    ip()
                )
                .await
        ),
        case!(
            "payments/decide_withdrawal.rs::decide_withdrawal",
            OPERATOR,
            Skip,
            |w, c| w
                .payments
                .decide_withdrawal(
                    c,
                    app::model::payments::WithdrawalId(1),
                    app::model::payments::Decision::Reject,
                    "",
                    ip()
                )
                .await
        ),
        case!("billing/grant.rs::grant_credits", OPERATOR, Skip, |w, c| w
            .o
            .billing
            .grant_credits(c, w.o.admin.account.id, &credit_form(), ip())
            .await),
        case!(
            "billing/group_finance.rs::group_finance",
            needs(ViewFinance),
            NF,
            |w, c| w.o.billing.group_finance(c, w.group, None).await
        ),
        case!(
            "billing/monthly_invoice.rs::monthly_invoice",
            needs(ViewFinance),
            Skip,
            |w, c| w.o.billing.monthly_invoice(c, "2026-01", Lang::En).await
        ),
        case!(
            "billing/overview.rs::billing_page",
            needs(ViewFinance),
            Skip,
            |w, c| w.o.billing.billing_page(c, None).await
        ),
        // The first account's statement by its id: its own users read it, another account's
        // (not its partner) is told it does not exist.
        case!(
            "billing/statement.rs::ledger_statement",
            needs(ViewFinance),
            NF,
            |w, c| w
                .o
                .billing
                .ledger_statement(c, &statement_of(w.o.admin.account.id))
                .await
        ),
        case!(
            "billing/statement.rs::ledger_statement_export",
            needs(ViewFinance),
            NF,
            |w, c| w
                .o
                .billing
                .ledger_statement_export(c, &statement_of(w.o.admin.account.id), Lang::En)
                .await
        ),
        // catalog
        case!(
            "catalog/offers.rs::offers",
            needs(RequestCertificates),
            Skip,
            |w, c| w.o.catalog.offers(c, "USD").await
        ),
        case!(
            "catalog/price_list.rs::price_list",
            needs(ViewFinance),
            Skip,
            |w, c| w
                .o
                .catalog
                .price_list(c, &app::model::price_list::PriceListQuery::default())
                .await
        ),
        case!(
            "catalog/private_cas.rs::private_cas",
            needs(ManageCas),
            Skip,
            |w, c| w.o.catalog.private_cas(c).await
        ),
        case!(
            "catalog/private_cas.rs::create_private_ca",
            needs(ManageCas),
            Skip,
            |w, c| w.o.catalog.create_private_ca(c, "", ip()).await
        ),
        case!(
            "catalog/private_products.rs::private_products",
            needs(ManageProducts),
            Skip,
            |w, c| w.o.catalog.private_products(c).await
        ),
        case!(
            "catalog/private_products.rs::add_private_product",
            needs(ManageProducts),
            Skip,
            |w, c| w
                .o
                .catalog
                .add_private_product(c, &PrivateProductForm::default(), ip())
                .await
        ),
        case!(
            "catalog/private_products.rs::update_private_product",
            needs(ManageProducts),
            NF,
            |w, c| w
                .o
                .catalog
                .update_private_product(c, w.private_product, &PrivateProductForm::default(), ip())
                .await
        ),
        case!(
            "catalog/private_products.rs::set_private_product_active",
            needs(ManageProducts),
            NF,
            |w, c| w
                .o
                .catalog
                .set_private_product_active(c, w.private_product, true, ip())
                .await
        ),
        case!(
            "catalog/public_products.rs::public_products",
            OPERATOR,
            Skip,
            |w, c| w.o.catalog.public_products(c).await
        ),
        case!(
            "catalog/public_products.rs::add_public_product",
            OPERATOR,
            Skip,
            |w, c| w
                .o
                .catalog
                .add_public_product(c, &PublicProductForm::default(), ip())
                .await
        ),
        case!(
            "catalog/public_products.rs::update_public_product",
            OPERATOR,
            Skip,
            |w, c| w
                .o
                .catalog
                .update_public_product(c, w.product, &PublicProductForm::default(), ip())
                .await
        ),
        case!(
            "catalog/public_products.rs::set_public_product_active",
            OPERATOR,
            Skip,
            |w, c| w
                .o
                .catalog
                .set_public_product_active(c, w.product, true, ip())
                .await
        ),
        case!(
            "catalog/public_products.rs::set_public_price",
            OPERATOR,
            Skip,
            |w, c| w
                .o
                .catalog
                .set_public_price(c, w.product, &PriceForm::default(), ip())
                .await
        ),
        // the user's own identity
        case!(
            "identity/accept_invitation.rs::accept_invitation",
            SELF,
            Skip,
            |w, c| w
                .o
                .h
                .service
                .accept_invitation(c, "not-a-token", ip())
                .await
        ),
        case!(
            "identity/authenticator_app.rs::authenticator_app",
            SELF,
            Skip,
            |w, c| w.o.h.service.authenticator_app(c).await
        ),
        case!(
            "identity/authenticator_app.rs::start_authenticator_app",
            SELF,
            Skip,
            |w, c| w.o.h.service.start_authenticator_app(c).await
        ),
        case!(
            "identity/authenticator_app.rs::confirm_authenticator_app",
            SELF,
            Skip,
            |w, c| w
                .o
                .h
                .service
                .confirm_authenticator_app(c, "000000", ip())
                .await
        ),
        case!(
            "identity/authenticator_app.rs::renew_recovery_codes",
            SELF,
            Skip,
            |w, c| w.o.h.service.renew_recovery_codes(c, "000000", ip()).await
        ),
        case!(
            "identity/authenticator_app.rs::remove_authenticator_app",
            SELF,
            Skip,
            |w, c| w
                .o
                .h
                .service
                .remove_authenticator_app(c, "wrong password", ip())
                .await
        ),
        case!(
            "identity/decline_invitation.rs::decline_invitation",
            SELF,
            Skip,
            |w, c| w
                .o
                .h
                .service
                .decline_invitation(c, "not-a-token", ip())
                .await
        ),
        case!(
            "identity/login_certificates.rs::login_certificates",
            SELF,
            Skip,
            |w, c| w.o.h.service.login_certificates(c).await
        ),
        case!(
            "identity/login_certificates.rs::register_login_certificate",
            SELF,
            Skip,
            |w, c| w
                .o
                .h
                .service
                .register_login_certificate(c, "Laptop", b"not a certificate", ip())
                .await
        ),
        case!(
            "identity/login_certificates.rs::remove_login_certificate",
            SELF,
            Skip,
            |w, c| w.o.h.service.remove_login_certificate(c, 1, ip()).await
        ),
        case!(
            "identity/passkey_registration.rs::start_passkey_registration",
            SELF,
            Skip,
            |w, c| w.o.h.service.start_passkey_registration(c).await
        ),
        case!(
            "identity/passkey_registration.rs::finish_passkey_registration",
            SELF,
            Skip,
            |w, c| w
                .o
                .h
                .service
                .finish_passkey_registration(c, "x", "Laptop", "{}", ip())
                .await
        ),
        case!("identity/passkeys.rs::passkeys", SELF, Skip, |w, c| w
            .o
            .h
            .service
            .passkeys(c)
            .await),
        case!(
            "identity/passkeys.rs::rename_passkey",
            SELF,
            Skip,
            |w, c| w.o.h.service.rename_passkey(c, 1, "Mine", ip()).await
        ),
        case!(
            "identity/passkeys.rs::remove_passkey",
            SELF,
            Skip,
            |w, c| w.o.h.service.remove_passkey(c, 1, ip()).await
        ),
        case!("identity/profile.rs::profile", SELF, Skip, |w, c| {
            let _ = w.o.h.service.profile(c);
            Ok::<(), IdentityError>(())
        }),
        case!("identity/language.rs::set_language", SELF, Skip, |w, c| w
            .o
            .h
            .service
            .set_language(c, app::i18n::Lang::Pl)
            .await),
        case!("identity/profile.rs::update_profile", SELF, Skip, |w, c| w
            .o
            .h
            .service
            .update_profile(c, &ProfileForm::default(), ip())
            .await),
        case!(
            "identity/profile.rs::change_password",
            SELF,
            Skip,
            |w, c| w
                .o
                .h
                .service
                .change_password(
                    c,
                    "wrong one 1",
                    "another horse 99",
                    "another horse 99",
                    ip()
                )
                .await
        ),
        case!(
            "identity/switch_account.rs::accounts_of",
            SELF,
            Skip,
            |w, c| w.o.h.service.accounts_of(c).await
        ),
        case!(
            "identity/switch_account.rs::switch_account",
            SELF,
            Skip,
            |w, c| w.o.h.service.switch_account(c, 0, ip()).await
        ),
        // orders
        case!(
            "orders/approve.rs::approve",
            needs(ApproveOrders),
            NF,
            |w, c| w.o.orders.approve(c, w.order).await
        ),
        // The EV Request Approvals page lists what the caller may see; only a request's own
        // approver answers it (the service test proves who may), any other id is not found.
        case!(
            "orders/ev/approvals.rs::ev_approvals",
            SELF,
            Skip,
            |w, c| w.o.orders.ev_approvals(c).await
        ),
        case!(
            "orders/ev/approvals.rs::answer_ev_approval",
            SELF,
            Skip,
            |w, c| w
                .o
                .orders
                .answer_ev_approval(c, 999_999, "approve", "")
                .await
        ),
        case!(
            "orders/interim.rs::issue_interim_dv",
            needs(RequestCertificates),
            NF,
            |w, c| w.o.orders.issue_interim_dv(c, w.order).await
        ),
        case!(
            "orders/interim.rs::download_interim",
            needs(RequestCertificates),
            NF,
            |w, c| w
                .o
                .orders
                .download_interim(c, w.order, DownloadFormat::Pem)
                .await
        ),
        case!(
            "orders/approve.rs::reject",
            needs(ApproveOrders),
            NF,
            |w, c| w.o.orders.reject(c, w.order, "Not needed").await
        ),
        case!(
            "orders/cancel.rs::cancel",
            needs(RequestCertificates),
            NF,
            |w, c| w.o.orders.cancel(c, w.order, "").await
        ),
        case!(
            "orders/change_names.rs::change_names",
            needs(RequestCertificates),
            NF,
            |w, c| w
                .o
                .orders
                .change_names(
                    c,
                    &ChangeNames {
                        order_id: w.order,
                        ..Default::default()
                    }
                )
                .await
        ),
        case!(
            "orders/credit_note.rs::credit_note",
            needs(RequestCertificates),
            NF,
            |w, c| w.o.orders.credit_note(c, w.order, 1, Lang::En).await
        ),
        case!("orders/edit.rs::edit", SELF, NF, |w, c| w
            .o
            .orders
            .edit(
                c,
                &EditOrderForm {
                    order_id: w.order,
                    ..Default::default()
                }
            )
            .await),
        case!(
            "orders/export.rs::orders_export",
            needs(RequestCertificates),
            Skip,
            |w, c| w
                .o
                .orders
                .orders_export(c, &OrdersQuery::default(), Lang::En)
                .await
        ),
        case!(
            "orders/invoice.rs::invoice",
            needs(RequestCertificates),
            NF,
            |w, c| w.o.orders.invoice(c, w.order, Lang::En).await
        ),
        case!("orders/attention.rs::attention", SELF, Skip, |w, c| w
            .o
            .orders
            .attention(c)
            .await),
        case!("orders/list.rs::orders_page", SELF, Skip, |w, c| w
            .o
            .orders
            .orders_page(c, &OrdersQuery::default())
            .await),
        case!("orders/list.rs::orders_page_of", SELF, Skip, |w, c| w
            .o
            .orders
            .orders_page_of(c, &OrdersQuery::default(), 10)
            .await),
        case!(
            "orders/pay_draft.rs::pay_draft",
            needs(RequestCertificates),
            NF,
            |w, c| w.o.orders.pay_draft(c, w.order).await
        ),
        case!(
            "orders/place.rs::place",
            needs(RequestCertificates),
            Skip,
            |w, c| w
                .o
                .orders
                .place(c, &app::model::orders::OrderForm::default().to_command())
                .await
        ),
        case!(
            "orders/place.rs::place_once",
            needs(RequestCertificates),
            Skip,
            |w, c| w
                .o
                .orders
                .place_once(
                    c,
                    &app::model::orders::OrderForm::default().to_command(),
                    &app::model::order_form_post::FormToken::parse(
                        "abcdefghijklmnopqrstuvwxyz012345"
                    )
                    .unwrap()
                )
                .await
        ),
        case!(
            "orders/wizard_form.rs::wizard_step",
            needs(RequestCertificates),
            Skip,
            |w, c| w
                .o
                .orders
                .wizard_step(
                    c,
                    app::model::order_form_post::WizardPost::from_fields([
                        (
                            "form_token".to_owned(),
                            "abcdefghijklmnopqrstuvwxyz012345".to_owned()
                        ),
                        ("step".to_owned(), "0".to_owned()),
                        ("go".to_owned(), "next".to_owned()),
                    ])
                    .unwrap()
                )
                .await
        ),
        case!(
            "orders/place.rs::place_from",
            needs(RequestCertificates),
            Skip,
            |w, c| w
                .o
                .orders
                .place_from(
                    c,
                    &app::model::orders::OrderForm::default().to_command(),
                    app::model::orders::OrderSource::Api
                )
                .await
        ),
        case!(
            "orders/reissue.rs::reissue",
            needs(RequestCertificates),
            NF,
            |w, c| w
                .o
                .orders
                .reissue(
                    c,
                    &ReissueForm {
                        order_id: w.order,
                        ..Default::default()
                    }
                )
                .await
        ),
        case!(
            "orders/reminder_settings.rs::reminder_settings",
            needs(ManageSettings),
            Skip,
            |w, c| w.o.orders.reminder_settings(c).await
        ),
        case!(
            "orders/reminder_settings.rs::set_reminder_days",
            needs(ManageSettings),
            Skip,
            |w, c| w.o.orders.set_reminder_days(c, "30,7,1").await
        ),
        case!(
            "orders/renew.rs::renew",
            needs(RequestCertificates),
            NF,
            |w, c| w
                .o
                .orders
                .renew(
                    c,
                    &RenewForm {
                        order_id: w.order,
                        ..Default::default()
                    }
                )
                .await
        ),
        case!(
            "orders/renewals.rs::auto_renew",
            needs(RequestCertificates),
            NF,
            |w, c| w.o.orders.auto_renew(c, w.order).await
        ),
        case!("orders/revoke.rs::revocable", SELF, NF, |w, c| w
            .o
            .orders
            .revocable(c, w.order)
            .await),
        case!("orders/revoke.rs::revoke", SELF, NF, |w, c| w
            .o
            .orders
            .revoke(
                c,
                &RevokeForm {
                    order_id: w.order,
                    ..Default::default()
                }
            )
            .await),
        case!("orders/scope.rs::order_in_reach", SELF, NF, |w, c| w
            .o
            .orders
            .order_in_reach(c, w.order)
            .await),
        case!(
            "orders/submit_csr.rs::submit_csr",
            needs(RequestCertificates),
            NF,
            |w, c| w.o.orders.submit_csr(c, w.order, "none").await
        ),
        case!(
            "orders/submit_csr.rs::submit_checked_csr",
            needs(RequestCertificates),
            NF,
            |w, c| w.o.orders.submit_checked_csr(c, w.order, &w.csr).await
        ),
        case!(
            "orders/verify_domain.rs::verify_order_domain",
            SELF,
            NF,
            |w, c| w
                .o
                .orders
                .verify_order_domain(c, w.order, w.domain, "REST API")
                .await
        ),
        case!("orders/view.rs::order_view", SELF, NF, |w, c| w
            .o
            .orders
            .order_view(c, w.order)
            .await),
        case!(
            "orders/view.rs::download",
            needs(RequestCertificates),
            NF,
            |w, c| w.o.orders.download(c, w.order, DownloadFormat::Pem).await
        ),
        case!(
            "orders/wizard.rs::wizard",
            needs(RequestCertificates),
            Skip,
            |w, c| w.o.orders.wizard(c, None).await
        ),
        case!(
            "orders/smime/activate.rs::smime_activate",
            needs(RequestCertificates),
            NF,
            |w, c| w
                .o
                .orders
                .smime_activate(c, w.order, &ActivationForm::default())
                .await
        ),
        case!(
            "orders/smime/mailbox.rs::smime_provide_email",
            needs(RequestCertificates),
            NF,
            |w, c| w
                .o
                .orders
                .smime_provide_email(c, w.order, "ravi@example.com")
                .await
        ),
        case!(
            "orders/smime/mailbox.rs::smime_resend",
            needs(RequestCertificates),
            NF,
            |w, c| w.o.orders.smime_resend(c, w.order).await
        ),
        case!(
            "orders/smime/new_data.rs::smime_new_data",
            needs(RequestCertificates),
            Skip,
            |w, c| w.o.orders.smime_new_data(c, None).await
        ),
        case!(
            "orders/smime/place.rs::smime_place",
            needs(RequestCertificates),
            Skip,
            |w, c| w.o.orders.smime_place(c, &SmimeOrderForm::default()).await
        ),
        case!(
            "orders/smime/place.rs::smime_place_with",
            needs(RequestCertificates),
            Skip,
            |w, c| w
                .o
                .orders
                .smime_place_with(c, &SmimeOrderForm::default(), None)
                .await
        ),
        case!(
            "orders/smime/form_post.rs::smime_form_post",
            needs(RequestCertificates),
            Skip,
            |w, c| w
                .o
                .orders
                .smime_form_post(
                    c,
                    app::model::smime_form_post::SmimeOrderPost::from_fields([(
                        "form_token".to_owned(),
                        "abcdefghijklmnopqrstuvwxyz012346".to_owned()
                    )])
                    .unwrap()
                )
                .await
        ),
        case!("orders/smime/view.rs::smime_view", SELF, NF, |w, c| w
            .o
            .orders
            .smime_view(c, w.order)
            .await),
        // domains
        case!(
            "validation/add_domain.rs::add_domain_for",
            needs(ManageDomains),
            Skip,
            |w, c| w
                .o
                .validation
                .add_domain_for(c, &AddDomainForm::default())
                .await
        ),
        case!(
            "validation/change_method.rs::change_method_for",
            needs(ManageDomains),
            NF,
            |w, c| w
                .o
                .validation
                .change_method_for(c, w.domain, "dns_txt")
                .await
        ),
        case!(
            "validation/domains_page.rs::domains_page_for",
            needs(ManageDomains),
            Skip,
            |w, c| w.o.validation.domains_page_for(c, None).await
        ),
        case!(
            "validation/restrictions.rs::restrictions_for",
            needs(ManageSettings),
            Skip,
            |w, c| w.o.validation.restrictions_for(c).await
        ),
        case!(
            "validation/restrictions.rs::add_restriction_for",
            needs(ManageSettings),
            Skip,
            |w, c| w
                .o
                .validation
                .add_restriction_for(c, "blocked.example.com")
                .await
        ),
        case!(
            "validation/restrictions.rs::remove_restriction_for",
            needs(ManageSettings),
            Skip,
            |w, c| w
                .o
                .validation
                .remove_restriction_for(c, "never-restricted.example.com")
                .await
        ),
        // organizations
        case!(
            "organizations/add.rs::add_organization",
            needs(ManageOrganizations),
            Skip,
            |w, c| w
                .orgs
                .add_organization(c, &OrganizationForm::default(), ip())
                .await
        ),
        case!(
            "organizations/edit.rs::update_organization",
            needs(ManageOrganizations),
            NF,
            |w, c| w
                .orgs
                .update_organization(c, w.organization, &OrganizationForm::default(), ip())
                .await
        ),
        case!(
            "organizations/submit.rs::submit_organization",
            needs(ManageOrganizations),
            NF,
            |w, c| w.orgs.submit_organization(c, w.organization, ip()).await
        ),
        case!(
            "organizations/suspend.rs::suspend_organization",
            needs(ManageOrganizations),
            NF,
            |w, c| w.orgs.suspend_organization(c, w.organization, ip()).await
        ),
        // partners: the first account is an Enterprise, so those allowed are refused as not
        // a partner (the partner tests cover one partner against another).
        case!(
            "billing/tax_details.rs::tax_details",
            needs(ViewFinance),
            Skip,
            |w, c| w.o.billing.tax_details(c).await
        ),
        case!(
            "billing/tax_details.rs::set_tax_details",
            needs(AllocateCredits),
            Skip,
            |w, c| w
                .o
                .billing
                .set_tax_details(
                    c,
                    &app::model::gst_states::TaxDetailsForm {
                        gstin: String::new(),
                        state: "27".into(),
                    },
                    ip()
                )
                .await
        ),
        case!(
            "billing/low_balance.rs::low_balance_alerts",
            needs(ManageSettings),
            Skip,
            |w, c| w.o.billing.low_balance_alerts(c).await
        ),
        case!(
            "billing/low_balance.rs::set_low_balance_alert",
            needs(ManageSettings),
            NF,
            |w, c| w
                .o
                .billing
                .set_low_balance_alert(
                    c,
                    &app::model::low_balance::LowBalanceForm {
                        group: w.group.to_string(),
                        enabled: true,
                        threshold: "10".into(),
                        addresses: "ops@acme.example".into(),
                    },
                    ip()
                )
                .await
        ),
        case!(
            "billing/low_balance.rs::remove_low_balance_alert",
            needs(ManageSettings),
            NF,
            |w, c| w
                .o
                .billing
                .remove_low_balance_alert(
                    c,
                    app::model::low_balance::AlertedBalance::Group(app::model::GroupId(w.group)),
                    ip()
                )
                .await
        ),
        case!(
            "partners/act_for.rs::act_for",
            needs(ManageSubAccounts),
            Skip,
            |w, c| w.partners.act_for(c, w.o.admin.account.id, ip()).await
        ),
        // Who may order for whom is the caller's own reach: without the permissions it answers
        // no choice, and a move anywhere outside it is "not found".
        case!(
            "partners/order_for.rs::order_for_choices",
            SELF,
            Skip,
            |w, c| w.partners.order_for_choices(c).await
        ),
        case!("partners/order_for.rs::order_for", SELF, Skip, |w, c| w
            .partners
            .order_for(c, w.o.admin.account.id, ip())
            .await),
        case!(
            "partners/create.rs::create_sub_account",
            needs(CreateSubAccounts),
            Skip,
            |w, c| w
                .partners
                .create_sub_account(c, &Default::default(), Lang::En, ip())
                .await
        ),
        case!(
            "partners/page.rs::sub_accounts_page",
            needs(ManageSubAccounts),
            Skip,
            |w, c| w.partners.sub_accounts_page(c).await
        ),
        case!(
            "partners/orders_report.rs::sub_account_orders_report",
            needs(ManageSubAccounts),
            Skip,
            |w, c| w
                .partners
                .sub_account_orders_report(c, &Default::default(), Lang::En)
                .await
        ),
        case!(
            "partners/status.rs::set_sub_account_suspended",
            needs(CreateSubAccounts),
            Skip,
            |w, c| w
                .partners
                .set_sub_account_suspended(c, w.o.admin.account.id, true, ip())
                .await
        ),
        case!(
            "partners/price_lists.rs::create_price_list",
            needs(ManageSubAccounts),
            Skip,
            |w, c| w.partners.create_price_list(c, "Gold", ip()).await
        ),
        case!(
            "partners/price_lists.rs::price_list",
            needs(ManageSubAccounts),
            Skip,
            |w, c| w.partners.price_list(c, 1).await
        ),
        case!(
            "partners/price_lists.rs::set_list_price",
            needs(ManageSubAccounts),
            Skip,
            |w, c| w
                .partners
                .set_list_price(c, 1, &Default::default(), ip())
                .await
        ),
        case!(
            "partners/price_lists.rs::assign_price_list",
            needs(ManageSubAccounts),
            Skip,
            |w, c| w
                .partners
                .assign_price_list(c, w.o.admin.account.id, None, ip())
                .await
        ),
        case!(
            "orders/parent_approval.rs::approve_for_sub_account",
            needs(ApproveOrders),
            NF,
            |w, c| w.o.orders.approve_for_sub_account(c, w.order).await
        ),
        case!(
            "orders/parent_approval.rs::reject_for_sub_account",
            needs(ApproveOrders),
            NF,
            |w, c| w
                .o
                .orders
                .reject_for_sub_account(c, w.order, "Not ours")
                .await
        ),
        case!(
            "organizations/consent.rs::request_consent",
            needs(ManageOrganizations),
            Skip,
            |w, c| w.orgs.request_consent(c, "rep@globex.example", ip()).await
        ),
        case!(
            "organizations/consent.rs::shared_organizations",
            needs(RequestCertificates),
            Skip,
            |w, c| w.orgs.shared_organizations(c).await
        ),
        case!(
            "organizations/list.rs::organizations_page",
            needs(RequestCertificates),
            Skip,
            |w, c| w
                .orgs
                .organizations_page(c, &OrganizationsQuery::default())
                .await
        ),
        case!(
            "organizations/export.rs::organizations_export",
            needs(RequestCertificates),
            Skip,
            |w, c| w
                .orgs
                .organizations_export(c, &OrganizationsQuery::default(), Lang::En)
                .await
        ),
        case!(
            "organizations/detail.rs::organization_detail",
            needs(RequestCertificates),
            NF,
            |w, c| w.orgs.organization_detail(c, w.organization).await
        ),
        case!(
            "organizations/contacts.rs::add_alternate",
            needs(ManageOrganizations),
            NF,
            |w, c| w
                .orgs
                .add_alternate(c, w.organization, &ContactForm::default(), ip())
                .await
        ),
        case!(
            "organizations/contacts.rs::remove_alternate",
            needs(ManageOrganizations),
            NF,
            |w, c| w
                .orgs
                .remove_alternate(c, w.organization, ContactId(0), ip())
                .await
        ),
        case!(
            "organizations/documents.rs::add_document",
            needs(ManageOrganizations),
            NF,
            |w, c| w
                .orgs
                .add_document(c, w.organization, OrgUpload::default(), ip())
                .await
        ),
        case!(
            "organizations/documents.rs::document",
            needs(RequestCertificates),
            NF,
            |w, c| w.orgs.document(c, w.organization, w.document).await
        ),
        case!(
            "organizations/documents.rs::remove_document",
            needs(ManageOrganizations),
            NF,
            |w, c| w
                .orgs
                .remove_document(c, w.organization, OrganizationDocumentId(0), ip())
                .await
        ),
        // the vetting desk
        case!(
            "vetting/document.rs::desk_document",
            OPERATOR,
            Skip,
            |w, c| w.desk.desk_document(c, w.organization, w.document).await
        ),
        case!("vetting/queue.rs::vetting_queue", OPERATOR, Skip, |w, c| w
            .desk
            .vetting_queue(c)
            .await),
        case!("vetting/case.rs::vetting_case", OPERATOR, Skip, |w, c| w
            .desk
            .vetting_case(c, w.organization)
            .await),
        case!("vetting/check.rs::record_check", OPERATOR, Skip, |w, c| w
            .desk
            .record_check(c, w.organization, &CheckForm::default(), ip())
            .await),
        case!("vetting/code.rs::send_code", OPERATOR, Skip, |w, c| w
            .desk
            .send_code(c, w.organization, ip())
            .await),
        case!("vetting/decide.rs::approve", OPERATOR, Skip, |w, c| w
            .desk
            .approve(c, w.organization, VettingLevel::Ev, ip())
            .await),
        case!("vetting/decide.rs::reject", OPERATOR, Skip, |w, c| w
            .desk
            .reject(c, w.organization, "", ip())
            .await),
        // mass revocation
        case!(
            "mass_revocation/search.rs::search_certificates",
            OPERATOR,
            Skip,
            |w, c| w
                .revocations
                .search_certificates(c, &app::model::revocations::CertificateSearch::default())
                .await
        ),
        case!(
            "mass_revocation/start.rs::revoke_selection",
            OPERATOR,
            Skip,
            |w, c| w
                .revocations
                .revoke_selection(c, &app::model::revocations::MassRevokeForm::default(), ip())
                .await
        ),
        case!(
            "mass_revocation/batch.rs::revocation_batch",
            OPERATOR,
            Skip,
            |w, c| w
                .revocations
                .revocation_batch(c, app::model::ids::RevocationBatchId(1), 1)
                .await
        ),
        case!(
            "validation/verify.rs::verify_for",
            needs(ManageDomains),
            NF,
            |w, c| w.o.validation.verify_for(c, w.domain).await
        ),
    ]
}

fn role_form(name: &str, p: Permission) -> CustomRoleForm {
    role_form_with(name, &[p])
}

fn role_form_with(name: &str, permissions: &[Permission]) -> CustomRoleForm {
    CustomRoleForm {
        name: name.into(),
        description: String::new(),
        permissions: permissions.iter().map(|p| p.as_str().to_owned()).collect(),
    }
}

fn organization_form() -> OrganizationForm {
    OrganizationForm {
        legal_name: "Acme Widgets Private Limited".into(),
        org_type: "private_organization".into(),
        registration_number: "U72200KA2009PTC049889".into(),
        registration_agency: "Registrar of Companies, Bengaluru".into(),
        jurisdiction_country: "IN".into(),
        street: "12 MG Road".into(),
        city: "Bengaluru".into(),
        country: "IN".into(),
        phone: "+91 80 4000 1234".into(),
        rep_name: "Asha Rao".into(),
        rep_email: "asha@acme.example".into(),
        rep_phone: "+91 98450 12345".into(),
        rep_designation: "Director".into(),
        ..Default::default()
    }
}

fn group_form() -> GroupForm {
    GroupForm {
        name: "Default group".into(),
        finance_mode: "account".into(),
        ..Default::default()
    }
}

fn member_form() -> UserForm {
    UserForm {
        name: "Added Member".into(),
        mobile: "+91 98450 00002".into(),
        role: "basic_user".into(),
        group_access: "all".into(),
        ..Default::default()
    }
}

fn credit_form() -> CreditForm {
    CreditForm {
        amount: "1".into(),
        remarks: "Matrix".into(),
    }
}

fn credential(product: i32) -> NewCredential<'static> {
    NewCredential {
        user_email: "asha@acme.example",
        group_id: None,
        product_id: product,
        tags: "matrix",
        organization_id: None,
    }
}

/// Every `pub fn` under `services/` whose parameters take a `&Caller`, outside test code, as
/// `<path>::<name>`.
/// The statement of account `id`, unfiltered.
fn statement_of(id: i32) -> app::model::statement::StatementQuery {
    app::model::statement::StatementQuery {
        account: id.to_string(),
        ..Default::default()
    }
}

fn entry_points() -> BTreeSet<String> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeSet<String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, root, out);
                continue;
            }
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            if !file.ends_with(".rs")
                || file == "tests.rs"
                || file == "test_support.rs"
                || file.ends_with("_tests.rs")
                || file == "authorization_matrix.rs"
            {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // Test code sits at the bottom of a file, after its first `#[cfg(test)]`.
            let code = text.split("#[cfg(test)]").next().unwrap();
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            for name in callers_fns(code) {
                out.insert(format!("{rel}::{name}"));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/services");
    let mut out = BTreeSet::new();
    walk(&root, &root, &mut out);
    out
}

/// The names of the `pub fn`s (methods, on `&self`) in `code` with a `&Caller` parameter.
fn callers_fns(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices("pub ") {
        let rest = &code[at + 4..];
        let rest = rest.strip_prefix("async ").unwrap_or(rest);
        let Some(rest) = rest.strip_prefix("fn ") else {
            continue;
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let Some(open) = rest.find('(') else { continue };
        let mut depth = 0;
        let mut close = open;
        for (i, ch) in rest[open..].char_indices() {
            match ch {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        close = open + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        let params: String = rest[open + 1..close].split_whitespace().collect();
        if params.starts_with("&self")
            && (params.contains(":&Caller")
                || params.contains(":&crate::services::identity::Caller"))
        {
            out.push(name);
        }
    }
    out
}

#[test]
fn every_entry_point_that_acts_for_a_caller_has_a_case() {
    let found = entry_points();
    assert!(
        found.contains("access/users.rs::users_page"),
        "the scan found nothing: {found:?}"
    );
    let listed: BTreeSet<String> = cases().iter().map(|c| c.name.to_owned()).collect();
    assert_eq!(cases().len(), listed.len(), "a case is listed twice");
    let missing: Vec<_> = found.difference(&listed).collect();
    assert!(
        missing.is_empty(),
        "service entry points without an authorization case: {missing:?}"
    );
    let stale: Vec<_> = listed.difference(&found).collect();
    assert!(stale.is_empty(), "cases for no entry point: {stale:?}");
}

async fn world() -> World {
    let o = order_world().await;
    let h = &o.h;
    let access = AccessService::for_harness(h);
    let api_keys = ApiKeyService::for_harness(h);
    let authority = Arc::new(crate::ca::test_support::authority_at(
        h.store.clone(),
        SECRET,
        h.clock.clone(),
    ));
    let acme = AcmeService::new(AcmeDeps {
        store: h.store.clone(),
        clock: h.clock.clone(),
        random: Arc::new(crate::adapters::random::OsRandom),
        identity: h.identity(),
        catalog: o.catalog.clone(),
        orders: o.orders.clone(),
        validation: o.validation.clone(),
        dns: Arc::new(FakeDns::default()),
        http: Arc::new(FakeHttp::default()),
        sealer: test_sealer(),
        authority,
        eab_required: true,
    });
    let admin = o.admin.clone();
    let (member, _) = added_member(h, &access, &admin, "bob@acme.example", "basic_user").await;
    let group = access.groups_page(&admin).await.unwrap().groups[0].id;
    let role = access
        .add_custom_role(&admin, &role_form("Doomed", Permission::ViewReports), None)
        .await
        .unwrap();
    let ip_rule = access
        .add_ip_rule(
            &admin,
            &IpRuleForm {
                start: "0.0.0.0".into(),
                end: "255.255.255.255".into(),
                description: "everyone".into(),
                ..Default::default()
            },
            addr(),
        )
        .await
        .unwrap();
    let api_key = {
        let created = api_keys
            .create(
                &admin,
                &app::model::api_keys::ApiKeyForm {
                    user_id: admin.user.id,
                    description: "Matrix".into(),
                },
                None,
            )
            .await
            .unwrap();
        created.id
    };
    let (product, _) = o.dv(&admin).await;
    let eab = acme
        .create_eab(&admin, &credential(product))
        .await
        .unwrap()
        .id;
    o.credit(admin.account.id, "1000").await;
    let form = o.form(&admin, "shop.matrix-test.com", None).await;
    let order = o.orders.place(&admin, &form.to_command()).await.unwrap().id;
    let domain = o
        .validation
        .add_domain(
            admin.account.id,
            &AddDomainForm {
                name: "matrix-test.net".into(),
                method: "dns_txt".into(),
            },
        )
        .await
        .unwrap()
        .id;
    let private_product = {
        let ca = o
            .catalog
            .create_private_ca(&admin, "Intranet", None)
            .await
            .unwrap();
        o.catalog
            .add_private_product(
                &admin,
                &PrivateProductForm {
                    name: "Matrix private".into(),
                    ca,
                    validity_days: "90".into(),
                    template: "Server TLS".into(),
                    ..Default::default()
                },
                None,
            )
            .await
            .unwrap_or(0)
    };
    let orgs = OrganizationService::for_harness(h);
    let desk = VettingService::for_harness(h);
    let organization = orgs
        .add_organization(&admin, &organization_form(), None)
        .await
        .unwrap();
    let document = orgs
        .add_document(
            &admin,
            organization,
            OrgUpload {
                file_name: "registration.pdf".into(),
                bytes: b"%PDF-1.7\n%%EOF\n".to_vec(),
            },
            None,
        )
        .await
        .unwrap();
    let partners = PartnerService::new(
        h.store.clone(),
        h.clock.clone(),
        h.identity(),
        crate::services::notifications::MailWaker::default(),
    );
    let payments = PaymentService::for_harness(h);
    let payment = payments
        .record_offline_payment(
            &o.admin,
            &app::model::payments::OfflinePaymentForm {
                amount: "10".into(),
                currency: String::new(),
                paid_on: "2026-01-02".into(),
                reference: "UTR-1".into(),
                form_token: "0123456789abcdef0123456789abcdef".into(),
            },
            Default::default(),
            None,
        )
        .await
        .unwrap();
    World {
        revocations: crate::services::mass_revocation::MassRevocationService::for_harness(h),
        payments,
        payment,
        o,
        access,
        api_keys,
        acme,
        orgs,
        desk,
        partners,
        organization,
        document,
        member,
        group,
        role,
        ip_rule,
        api_key,
        eab,
        order,
        domain,
        product,
        private_product,
        csr: crate::ca::test_support::checked(&crate::ca::test_support::dv_csr(
            &crate::ca::test_support::temp_dir("matrix-csr"),
        )),
    }
}

/// Gives the user behind `token` (membership `membership`) the stored `role` and returns
/// them as a caller with it.
async fn as_role(w: &World, token: &str, membership: i32, role: &str) -> Caller {
    w.o.h
        .store
        .execute_raw(&format!(
            "UPDATE memberships SET role = '{role}' WHERE id = {membership}"
        ))
        .await
        .unwrap();
    w.o.h.service.caller(token).await.unwrap().unwrap()
}

#[tokio::test]
async fn each_role_custom_role_and_other_account_gets_what_the_matrix_says() {
    let w = world().await;
    let h = &w.o.h;
    // The subject: a user of the first account whose role each call changes.
    let (subject, _) =
        added_member(h, &w.access, &w.o.admin, "mona@acme.example", "basic_user").await;
    let token = h.sign_in("mona@acme.example").await;
    // The custom role the subject gets for the calls' permission, without it.
    let custom = w
        .access
        .add_custom_role(
            &w.o.admin,
            &role_form("Matrix", Permission::ViewReports),
            None,
        )
        .await
        .unwrap();
    let stranger = administrator(h, "ravi@other.example").await;

    for case in cases() {
        let call = case.call;
        let refused_for = |answer: &Answer| match case.need {
            Need::Permission(p) => {
                matches!(answer, Answer::Forbidden(Some(q)) if *q == p)
                    || matches!(answer, Answer::Forbidden(None))
            }
            Need::Operator => *answer == Answer::OperatorOnly,
            Need::SelfService => false,
        };
        for role in Role::ALL {
            let caller = as_role(&w, &token, subject, role.as_str()).await;
            let answer = call(&w, &caller).await;
            let allowed = match case.need {
                Need::Permission(p) => role.can(p),
                Need::Operator => false,
                Need::SelfService => true,
            };
            if allowed {
                assert!(
                    !refused_for(&answer) && answer != Answer::OperatorOnly,
                    "{} as {role:?}: {answer:?}",
                    case.name
                );
            } else {
                assert!(
                    refused_for(&answer),
                    "{} as {role:?}: {answer:?}",
                    case.name
                );
            }
        }
        // A custom role with every permission but the one the call needs.
        let without: Vec<Permission> = Permission::ALL
            .into_iter()
            .filter(|p| !matches!(case.need, Need::Permission(q) if q == *p))
            .collect();
        w.access
            .update_custom_role(
                &w.o.admin,
                custom,
                &role_form_with("Matrix", &without),
                None,
            )
            .await
            .unwrap();
        let caller = as_role(
            &w,
            &token,
            subject,
            &crate::store::custom_roles::stored_role(custom),
        )
        .await;
        let answer = call(&w, &caller).await;
        match case.need {
            Need::Permission(_) | Need::Operator => {
                assert!(
                    refused_for(&answer),
                    "{} as a custom role: {answer:?}",
                    case.name
                );
            }
            Need::SelfService => {
                assert!(
                    !matches!(answer, Answer::Forbidden(_) | Answer::OperatorOnly),
                    "{} as a custom role: {answer:?}",
                    case.name
                );
            }
        }
        if matches!(case.need, Need::Operator) {
            let answer = call(&w, &w.o.ops).await;
            assert!(
                !refused_for(&answer),
                "{} as an operator: {answer:?}",
                case.name
            );
        }
        // An administrator of another account naming the first account's object.
        if matches!(case.other, Other::NotFound) {
            let answer = call(&w, &stranger).await;
            assert_eq!(answer, Answer::NotFound, "{} by another account", case.name);
        }
    }
}
