//! The authorization matrix: every server function, called over HTTP through the real router,
//! by a visitor and by each built-in role, in its own account and in another. A server
//! function without an entry here fails the test, so none ships unreviewed.

use std::{collections::BTreeSet, sync::Arc};

use app::{
    model::{Permission, Role},
    ports::Backend,
};
use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use leptos::prelude::LeptosOptions;
use tower::ServiceExt;

use super::{AppState, cookies::SESSION_COOKIE, middleware::OriginGuard, portal::Portal, router};
use crate::{
    ca::test_support::{SECRET, authority},
    services::{
        access::AccessService,
        identity::test_support::{Harness, harness},
    },
};

/// Who may call a server function.
#[derive(Debug, Clone, Copy)]
enum Rule {
    /// Anyone, signed in or not (sign-up, sign-in, activation, the session probe, sign-out).
    Public,
    /// A signed-in user whose role has the permission; results only from their own account.
    Requires(Permission),
    /// Operator users only (the operator console); every role of a customer account is refused.
    Operator,
    /// Any signed-in user acting on themselves (the profile).
    SignedIn,
    /// Any signed-in user acting on one of their own objects by id. The calls repeat, so the
    /// object may be gone already: 404 is an answer here, 401 and 403 are refusals.
    OwnObject,
    /// A role with the permission acting on an object of its account by id; as with
    /// `OwnObject`, 404 is an answer (an earlier call may have deleted it), 401 and 403 are
    /// refusals, and roles without the permission get 403.
    RequiresOnObject(Permission),
    /// Only a sign-in that still owes its second factor; a visitor and a fully signed-in
    /// session alike get 401.
    PendingSignIn,
}

/// What an administrator of another account gets for the same call.
#[derive(Debug, Clone, Copy)]
enum Other {
    /// Not checked (the call has no account data, or would end the caller's session).
    Skip,
    /// Their own account's data (the first text), never the second (the first account's).
    NoLeak(&'static str, &'static str),
    /// The call names an object of the first account by id: 404, as if it did not exist.
    NotFound,
}

struct Entry {
    path: &'static str,
    rule: Rule,
    /// A request body (application/x-www-form-urlencoded); object ids are the first
    /// account's (its administrator's membership is id 1).
    body: &'static str,
    other: Other,
}

const MATRIX: &[Entry] = &[
    Entry {
        path: "/api/auth/sign-up",
        rule: Rule::Public,
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/auth/activation-details",
        rule: Rule::Public,
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/auth/activate",
        rule: Rule::Public,
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/auth/sign-in",
        rule: Rule::Public,
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/auth/sign-out",
        rule: Rule::Public,
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/auth/current-session",
        rule: Rule::Public,
        body: "",
        other: Other::NoLeak("other@example.org", "first@example.com"),
    },
    Entry {
        path: "/api/access/audit-log",
        rule: Rule::Requires(Permission::ViewAuditLog),
        body: "query[page]=1",
        other: Other::NoLeak("other@example.org", "first@example.com"),
    },
    Entry {
        path: "/api/auth/two-factor/enrolment",
        rule: Rule::PendingSignIn,
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/auth/two-factor/confirm",
        rule: Rule::PendingSignIn,
        body: "code=000000",
        other: Other::Skip,
    },
    Entry {
        path: "/api/auth/two-factor/verify",
        rule: Rule::PendingSignIn,
        body: "code=000000",
        other: Other::Skip,
    },
    Entry {
        path: "/api/settings/two-factor",
        rule: Rule::Requires(Permission::ManageSettings),
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/settings/two-factor/set",
        rule: Rule::Requires(Permission::ManageSettings),
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/auth/accounts",
        rule: Rule::SignedIn,
        body: "",
        other: Other::NoLeak("\"id\":2,", "\"id\":1,"),
    },
    // The first account is id 1; another account's user is not a member of it.
    Entry {
        path: "/api/auth/switch-account",
        rule: Rule::SignedIn,
        body: "account_id=1",
        other: Other::NotFound,
    },
    // Anyone holding the link may look at an invitation; a junk token is refused (409).
    Entry {
        path: "/api/auth/invitation",
        rule: Rule::Public,
        body: "token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        other: Other::Skip,
    },
    // Only the invited user answers; a junk token is refused (409), nothing changes.
    Entry {
        path: "/api/auth/invitation/accept",
        rule: Rule::SignedIn,
        body: "token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        other: Other::Skip,
    },
    Entry {
        path: "/api/auth/invitation/decline",
        rule: Rule::SignedIn,
        body: "token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        other: Other::Skip,
    },
    Entry {
        path: "/api/profile/get",
        rule: Rule::SignedIn,
        body: "",
        other: Other::NoLeak("other@example.org", "first@example.com"),
    },
    // The browser's language: anyone may choose one; a signed-in user keeps it as theirs.
    Entry {
        path: "/api/profile/language",
        rule: Rule::Public,
        body: "lang=pl&back=%2Fsign-in",
        other: Other::Skip,
    },
    Entry {
        path: "/api/profile/update",
        rule: Rule::SignedIn,
        body: "name=First+User&mobile=%2B91+98450+12345&designation=",
        other: Other::Skip,
    },
    // A wrong current password: allowed to try, refused on the field (422), nothing changes.
    Entry {
        path: "/api/profile/password",
        rule: Rule::SignedIn,
        body: "current_password=wrong+one+1&password=another+horse+99&password_confirmation=another+horse+99",
        other: Other::Skip,
    },
    Entry {
        path: "/api/auth/certificate-sign-in-url",
        rule: Rule::Public,
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/profile/login-certificates",
        rule: Rule::SignedIn,
        body: "",
        other: Other::Skip,
    },
    // Not a certificate: allowed to try, refused on the field (422), nothing changes.
    Entry {
        path: "/api/profile/login-certificates/register",
        rule: Rule::SignedIn,
        body: "label=Laptop&certificate=not+a+certificate",
        other: Other::Skip,
    },
    Entry {
        path: "/api/profile/login-certificates/remove",
        rule: Rule::OwnObject,
        body: "id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/groups/detail",
        rule: Rule::RequiresOnObject(Permission::ManageGroups),
        body: "id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/groups/members/add",
        rule: Rule::RequiresOnObject(Permission::ManageGroups),
        body: "group_id=1&membership_id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/groups/members/remove",
        rule: Rule::RequiresOnObject(Permission::ManageGroups),
        body: "group_id=1&membership_id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/groups/domains/add",
        rule: Rule::RequiresOnObject(Permission::ManageGroups),
        body: "group_id=1&domain=example.com",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/groups/domains/remove",
        rule: Rule::RequiresOnObject(Permission::ManageGroups),
        body: "group_id=1&domain=example.com",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/groups/organizations/add",
        rule: Rule::RequiresOnObject(Permission::ManageGroups),
        body: "group_id=1&organization_id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/groups/organizations/remove",
        rule: Rule::RequiresOnObject(Permission::ManageGroups),
        body: "group_id=1&organization_id=1",
        other: Other::NotFound,
    },
    Entry {
        // A 1x1 PNG's first bytes: enough to be told a PNG.
        path: "/api/groups/logo/set",
        rule: Rule::RequiresOnObject(Permission::ManageGroups),
        body: "group_id=1&logo=data%3Aimage%2Fpng%3Bbase64%2CiVBORw0KGgoAAAANSUhEUgAAAAEAAAAB",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/groups/logo/remove",
        rule: Rule::RequiresOnObject(Permission::ManageGroups),
        body: "group_id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/roles/list",
        rule: Rule::Requires(Permission::ManageRoles),
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/roles/options",
        rule: Rule::Requires(Permission::ManageUsers),
        body: "",
        other: Other::Skip,
    },
    // Refused on the field (no permission ticked): allowed to try, nothing stored.
    Entry {
        path: "/api/roles/add",
        rule: Rule::Requires(Permission::ManageRoles),
        body: "name=Auditor&description=",
        other: Other::Skip,
    },
    Entry {
        path: "/api/roles/update",
        rule: Rule::RequiresOnObject(Permission::ManageRoles),
        body: "id=1&name=Auditor&description=&permissions%5B0%5D=view_reports",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/roles/delete",
        rule: Rule::RequiresOnObject(Permission::ManageRoles),
        body: "id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/profile/authenticator-app",
        rule: Rule::SignedIn,
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/profile/authenticator-app/start",
        rule: Rule::SignedIn,
        body: "",
        other: Other::Skip,
    },
    // Wrong codes and passwords: allowed to try, refused on the field, nothing changes.
    Entry {
        path: "/api/profile/authenticator-app/confirm",
        rule: Rule::SignedIn,
        body: "code=000000",
        other: Other::Skip,
    },
    Entry {
        path: "/api/profile/authenticator-app/recovery-codes",
        rule: Rule::SignedIn,
        body: "code=000000",
        other: Other::Skip,
    },
    Entry {
        path: "/api/profile/authenticator-app/remove",
        rule: Rule::SignedIn,
        body: "password=wrong+one+1",
        other: Other::Skip,
    },
    Entry {
        path: "/api/profile/passkeys",
        rule: Rule::SignedIn,
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/profile/passkeys/challenge",
        rule: Rule::SignedIn,
        body: "",
        other: Other::Skip,
    },
    // Not an authenticator's answer: allowed to try, refused on the field, nothing stored.
    Entry {
        path: "/api/profile/passkeys/register",
        rule: Rule::SignedIn,
        body: "ceremony=x&name=Laptop&credential=%7B%7D",
        other: Other::Skip,
    },
    Entry {
        path: "/api/profile/passkeys/rename",
        rule: Rule::OwnObject,
        body: "id=1&name=Mine",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/profile/passkeys/remove",
        rule: Rule::OwnObject,
        body: "id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/auth/passkey/availability",
        rule: Rule::Public,
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/auth/passkey/challenge",
        rule: Rule::Public,
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/auth/passkey/sign-in",
        rule: Rule::Public,
        body: "ceremony=x&credential=%7B%7D",
        other: Other::Skip,
    },
    Entry {
        path: "/api/auth/two-factor/choices",
        rule: Rule::PendingSignIn,
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/auth/two-factor/passkey-challenge",
        rule: Rule::PendingSignIn,
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/auth/two-factor/passkey",
        rule: Rule::PendingSignIn,
        body: "ceremony=x&credential=%7B%7D",
        other: Other::Skip,
    },
    Entry {
        path: "/api/users/list",
        rule: Rule::Requires(Permission::ManageUsers),
        body: "query[page]=1",
        other: Other::NoLeak("other@example.org", "first@example.com"),
    },
    Entry {
        path: "/api/users/get",
        rule: Rule::Requires(Permission::ManageUsers),
        body: "id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/users/add",
        rule: Rule::Requires(Permission::ManageUsers),
        body: "name=New+User&email=new.user%40example.com&mobile=%2B91+98450+12345&designation=&employee_id=&role=basic_user&group_access=all",
        other: Other::Skip,
    },
    Entry {
        path: "/api/users/update",
        rule: Rule::Requires(Permission::ManageUsers),
        body: "id=1&name=First+User&mobile=%2B91+98450+12345&designation=&employee_id=&role=administrator&group_access=all",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/users/deactivate",
        rule: Rule::Requires(Permission::ManageUsers),
        body: "id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/groups/list",
        rule: Rule::Requires(Permission::ManageGroups),
        body: "",
        other: Other::NoLeak("Default group", "Engineering"),
    },
    // Refused for the first account (multiple groups are off): allowed to ask, told why.
    Entry {
        path: "/api/groups/add",
        rule: Rule::Requires(Permission::ManageGroups),
        body: "name=Engineering&description=&finance_mode=account&spend_limit=&renewal_emails=",
        other: Other::Skip,
    },
    // The first account's default group is id 1 (made by its first listing above).
    Entry {
        path: "/api/groups/update",
        rule: Rule::Requires(Permission::ManageGroups),
        body: "id=1&name=Default+group&description=&finance_mode=account&spend_limit=&renewal_emails=",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/settings/ip-rules",
        rule: Rule::Requires(Permission::ManageSettings),
        body: "",
        other: Other::NoLeak("other@example.org", "first@example.com"),
    },
    // A rule that allows every IPv4 address, so later calls are not blocked; id 1 below.
    Entry {
        path: "/api/settings/ip-rules/add",
        rule: Rule::Requires(Permission::ManageSettings),
        body: "user=&start=0.0.0.0&end=255.255.255.255&description=everyone",
        other: Other::Skip,
    },
    Entry {
        path: "/api/settings/ip-rules/change",
        rule: Rule::Requires(Permission::ManageSettings),
        body: "id=1&action=enable",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/operator/accounts",
        rule: Rule::Operator,
        body: "query[page]=1",
        other: Other::Skip,
    },
    Entry {
        path: "/api/operator/review-partner",
        rule: Rule::Operator,
        body: "account_id=1&decision=reject&reason=Not+verified",
        other: Other::Skip,
    },
    Entry {
        path: "/api/operator/multiple-groups",
        rule: Rule::Operator,
        body: "account_id=1&enabled=yes",
        other: Other::Skip,
    },
    // The terms and the subscriber agreement: anyone reads them, operators publish them.
    Entry {
        path: "/api/auth/legal-document",
        rule: Rule::Public,
        body: "kind=terms",
        other: Other::Skip,
    },
    Entry {
        path: "/api/operator/legal",
        rule: Rule::Operator,
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/operator/legal/publish",
        rule: Rule::Operator,
        body: "kind=terms&title=Terms+of+service&body=Be+kind.",
        other: Other::Skip,
    },
    Entry {
        path: "/api/overview/attention",
        rule: Rule::SignedIn,
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/orders/list",
        rule: Rule::SignedIn,
        body: "query[page]=1",
        other: Other::Skip,
    },
    Entry {
        path: "/api/orders/get",
        rule: Rule::OwnObject,
        body: "id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/orders/wizard",
        rule: Rule::Requires(Permission::RequestCertificates),
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/orders/place",
        rule: Rule::Requires(Permission::RequestCertificates),
        body: "form[product_id]=1&form[validity_days]=199&form[requester_name]=Asha+Rao&form[requester_email]=asha%40example.com&form[csr_source]=later&form[names]=example.com",
        other: Other::Skip,
    },
    Entry {
        path: "/api/orders/wizard-step",
        rule: Rule::Requires(Permission::RequestCertificates),
        body: "form_token=abcdefghijklmnopqrstuvwxyz012345&step=1&go=next&requester_name=Asha+Rao&requester_email=asha%40example.com",
        other: Other::Skip,
    },
    Entry {
        path: "/api/orders/approve",
        rule: Rule::RequiresOnObject(Permission::ApproveOrders),
        body: "id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/orders/reject",
        rule: Rule::RequiresOnObject(Permission::ApproveOrders),
        body: "id=1&reason=Not+needed",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/orders/pay",
        rule: Rule::RequiresOnObject(Permission::RequestCertificates),
        body: "id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/orders/cancel",
        rule: Rule::RequiresOnObject(Permission::RequestCertificates),
        body: "id=1&remarks=Not+needed",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/orders/csr",
        rule: Rule::RequiresOnObject(Permission::RequestCertificates),
        body: "id=1&csr=none",
        other: Other::NotFound,
    },
    // Verify Now on an order's domain: anyone who reaches the order may check its domains, as
    // its tracking link may.
    Entry {
        path: "/api/orders/verify",
        rule: Rule::OwnObject,
        body: "id=1&domain=1",
        other: Other::NotFound,
    },
    // S/MIME orders (VAL-5). Order 1 is not an S/MIME order: as if it did not exist.
    Entry {
        path: "/api/smime/new",
        rule: Rule::Requires(Permission::RequestCertificates),
        body: "",
        other: Other::Skip,
    },
    // Product 1 is a DV product: refused on the field, after the permission check.
    Entry {
        path: "/api/smime/order",
        rule: Rule::Requires(Permission::RequestCertificates),
        body: "form_token=abcdefghijklmnopqrstuvwxyz012346&product_id=1&validity_days=365&requester_name=Asha+Rao&requester_email=asha%40example.com&csr_source=later",
        other: Other::Skip,
    },
    Entry {
        path: "/api/smime/place",
        rule: Rule::Requires(Permission::RequestCertificates),
        body: "form[product_id]=1&form[validity_days]=365&form[requester_name]=Asha+Rao&form[requester_email]=asha%40example.com&form[csr_source]=later",
        other: Other::Skip,
    },
    Entry {
        path: "/api/smime/get",
        rule: Rule::OwnObject,
        body: "id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/smime/email",
        rule: Rule::RequiresOnObject(Permission::RequestCertificates),
        body: "id=1&email=ravi%40example.com",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/smime/resend",
        rule: Rule::RequiresOnObject(Permission::RequestCertificates),
        body: "id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/smime/activate",
        rule: Rule::RequiresOnObject(Permission::RequestCertificates),
        body: "id=1&form[method]=csr&form[csr_pem]=none",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/smime/verify",
        rule: Rule::Public,
        body: "value=nope",
        other: Other::Skip,
    },
    Entry {
        path: "/api/orders/interim-dv",
        rule: Rule::RequiresOnObject(Permission::RequestCertificates),
        body: "id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/orders/revoke",
        rule: Rule::OwnObject,
        body: "order_id=1&reason=keyCompromise&remarks=Lost",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/orders/reissue",
        rule: Rule::RequiresOnObject(Permission::RequestCertificates),
        body: "order_id=1&reason=Other&remarks=&csr_pem=none",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/orders/names",
        rule: Rule::RequiresOnObject(Permission::RequestCertificates),
        body: "order_id=1&reason=Other&names=a.example.com&csr_pem=none&remarks=",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/orders/renew",
        rule: Rule::RequiresOnObject(Permission::RequestCertificates),
        body: "order_id=1&csr_pem=",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/settings/acme",
        rule: Rule::Requires(Permission::ManageSettings),
        body: "",
        other: Other::NoLeak("other@example.org", "first@example.com"),
    },
    Entry {
        path: "/api/settings/acme/create",
        rule: Rule::Requires(Permission::ManageSettings),
        body: "user=first%40example.com&group=&product=1&tags=matrix",
        other: Other::Skip,
    },
    // Another account naming the first account's credential: as if it did not exist.
    Entry {
        path: "/api/settings/acme/revoke",
        rule: Rule::RequiresOnObject(Permission::ManageSettings),
        body: "id=1",
        other: Other::NotFound,
    },
    // Another account naming the first account's order: as if it did not exist.
    Entry {
        path: "/api/orders/renew-early",
        rule: Rule::RequiresOnObject(Permission::ApproveOrders),
        body: "id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/settings/renewal-reminders",
        rule: Rule::Requires(Permission::ManageSettings),
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/settings/renewal-reminders/save",
        rule: Rule::Requires(Permission::ManageSettings),
        body: "days=30%2C7%2C1",
        other: Other::Skip,
    },
    Entry {
        path: "/api/settings/rest-api",
        rule: Rule::Requires(Permission::ManageSettings),
        body: "",
        other: Other::NoLeak("other@example.org", "first@example.com"),
    },
    Entry {
        path: "/api/settings/rest-api/create",
        rule: Rule::Requires(Permission::ManageSettings),
        body: "user_id=1&description=CI+pipeline",
        // Another account naming the first account's user gets a field error, tested in
        // the service.
        other: Other::Skip,
    },
    Entry {
        path: "/api/settings/rest-api/revoke",
        rule: Rule::RequiresOnObject(Permission::ManageSettings),
        body: "id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/orders/edit",
        rule: Rule::OwnObject,
        body: "order_id=1&tags=&remarks=&extra_emails=",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/domains/list",
        rule: Rule::Requires(Permission::ManageDomains),
        body: "",
        other: Other::NoLeak("\"domains\":[", "example.com"),
    },
    Entry {
        path: "/api/domains/add",
        rule: Rule::Requires(Permission::ManageDomains),
        body: "name=example.com&method=dns_txt",
        other: Other::Skip,
    },
    Entry {
        path: "/api/domains/method",
        rule: Rule::RequiresOnObject(Permission::ManageDomains),
        body: "id=1&method=http_file",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/domains/verify",
        rule: Rule::RequiresOnObject(Permission::ManageDomains),
        body: "id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/domains/restrictions",
        rule: Rule::Requires(Permission::ManageSettings),
        body: "",
        other: Other::NoLeak("[", "blocked.example.com"),
    },
    Entry {
        path: "/api/domains/restrict",
        rule: Rule::Requires(Permission::ManageSettings),
        body: "domain=blocked.example.com",
        other: Other::Skip,
    },
    Entry {
        path: "/api/domains/unrestrict",
        rule: Rule::RequiresOnObject(Permission::ManageSettings),
        body: "domain=never-restricted.example.com",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/organizations/list",
        rule: Rule::Requires(Permission::RequestCertificates),
        body: "query[search]=&query[status]=",
        other: Other::NoLeak("\"organizations\":[", "first@example.com"),
    },
    Entry {
        path: "/api/organizations/get",
        rule: Rule::RequiresOnObject(Permission::RequestCertificates),
        body: "id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/organizations/add",
        rule: Rule::Requires(Permission::ManageOrganizations),
        body: "legal_name=&org_type=",
        other: Other::Skip,
    },
    Entry {
        path: "/api/organizations/update",
        rule: Rule::RequiresOnObject(Permission::ManageOrganizations),
        body: "id=1&legal_name=&org_type=",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/organizations/submit",
        rule: Rule::RequiresOnObject(Permission::ManageOrganizations),
        body: "id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/organizations/suspend",
        rule: Rule::RequiresOnObject(Permission::ManageOrganizations),
        body: "id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/organizations/alternate-add",
        rule: Rule::RequiresOnObject(Permission::ManageOrganizations),
        body: "id=1&name=&email=&phone=&designation=",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/organizations/alternate-remove",
        rule: Rule::RequiresOnObject(Permission::ManageOrganizations),
        body: "id=1&contact=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/organizations/document-add",
        rule: Rule::RequiresOnObject(Permission::ManageOrganizations),
        body: "id=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/organizations/document-remove",
        rule: Rule::RequiresOnObject(Permission::ManageOrganizations),
        body: "id=1&document=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/operator/vetting/queue",
        rule: Rule::Operator,
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/operator/vetting/case",
        rule: Rule::Operator,
        body: "id=1",
        other: Other::Skip,
    },
    Entry {
        path: "/api/operator/vetting/check",
        rule: Rule::Operator,
        body: "id=1&item=identity_address&source=Registry&note=",
        other: Other::Skip,
    },
    Entry {
        path: "/api/operator/vetting/send-code",
        rule: Rule::Operator,
        body: "id=1",
        other: Other::Skip,
    },
    Entry {
        path: "/api/operator/vetting/approve",
        rule: Rule::Operator,
        body: "id=1&level=ov",
        other: Other::Skip,
    },
    Entry {
        path: "/api/operator/vetting/reject",
        rule: Rule::Operator,
        body: "id=1&reason=No",
        other: Other::Skip,
    },
    // Mass revocation: across accounts, so operator users only.
    Entry {
        path: "/api/operator/revocations/search",
        rule: Rule::Operator,
        body: "query[state]=valid",
        other: Other::Skip,
    },
    Entry {
        path: "/api/operator/revocations/revoke",
        rule: Rule::Operator,
        body: "form_token=0123456789abcdef0123456789abcdef&scope=selected&certificates[0]=1&reason=keyCompromise&comment=&confirm=1",
        other: Other::Skip,
    },
    Entry {
        path: "/api/operator/revocations/batch",
        rule: Rule::Operator,
        body: "id=1",
        other: Other::Skip,
    },
    // A partner's sub-accounts (ID-11): the first account is an Enterprise, so those allowed
    // are told only partners have sub-accounts; the partner tests cover partner against partner.
    Entry {
        path: "/api/billing/tax-details",
        rule: Rule::Requires(Permission::ViewFinance),
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/billing/tax-details-set",
        rule: Rule::Requires(Permission::AllocateCredits),
        body: "state=27&gstin=",
        other: Other::Skip,
    },
    Entry {
        path: "/api/billing/low-balance-alerts",
        rule: Rule::Requires(Permission::ManageSettings),
        body: "",
        other: Other::Skip,
    },
    // The first account's default group pays from the account balance: allowed to try,
    // refused on the field (422); another account naming it gets 404.
    Entry {
        path: "/api/billing/low-balance-alert-set",
        rule: Rule::RequiresOnObject(Permission::ManageSettings),
        body: "group=1&enabled=on&threshold=10&addresses=ops%40example.com",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/billing/low-balance-alert-remove",
        rule: Rule::RequiresOnObject(Permission::ManageSettings),
        body: "group=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/sub-accounts/page",
        rule: Rule::Requires(Permission::ManageSubAccounts),
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/sub-accounts/create",
        rule: Rule::Requires(Permission::CreateSubAccounts),
        body: "organization=Kiran+Traders&country=IN&currency=INR&admin_name=Kiran+Rao&admin_email=kiran%40kirantraders.co.in&parent_approval=yes",
        other: Other::Skip,
    },
    Entry {
        path: "/api/sub-accounts/status",
        rule: Rule::RequiresOnObject(Permission::CreateSubAccounts),
        body: "sub_account_id=1&action=suspend",
        other: Other::Skip,
    },
    Entry {
        path: "/api/sub-accounts/price-list-create",
        rule: Rule::Requires(Permission::ViewFinance),
        body: "name=Gold",
        other: Other::Skip,
    },
    Entry {
        path: "/api/sub-accounts/price-list",
        rule: Rule::RequiresOnObject(Permission::ViewFinance),
        body: "list_id=1",
        other: Other::Skip,
    },
    Entry {
        path: "/api/sub-accounts/price-list-set",
        rule: Rule::RequiresOnObject(Permission::ViewFinance),
        body: "list_id=1&product_id=1&currency=USD&validity_days=90&base=1",
        other: Other::Skip,
    },
    Entry {
        path: "/api/sub-accounts/price-list-assign",
        rule: Rule::RequiresOnObject(Permission::ViewFinance),
        body: "sub_account_id=1&price_list_id=",
        other: Other::Skip,
    },
    Entry {
        path: "/api/sub-accounts/act-for",
        rule: Rule::RequiresOnObject(Permission::ManageSubAccounts),
        body: "sub_account_id=1",
        other: Other::Skip,
    },
    Entry {
        path: "/api/orders/order-for",
        rule: Rule::OwnObject,
        body: "account_id=1",
        other: Other::Skip,
    },
    Entry {
        path: "/api/sub-accounts/order-answer",
        rule: Rule::RequiresOnObject(Permission::ApproveOrders),
        body: "order_id=1&answer=approve",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/organizations/consent-request",
        rule: Rule::Requires(Permission::ManageOrganizations),
        body: "email=rep%40globex.example",
        other: Other::Skip,
    },
    Entry {
        path: "/api/organizations/shared",
        rule: Rule::Requires(Permission::RequestCertificates),
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/organizations/consent-link",
        rule: Rule::Public,
        body: "token=x",
        other: Other::Skip,
    },
    Entry {
        path: "/api/organizations/consent-answer",
        rule: Rule::Public,
        body: "token=x&answer=allow",
        other: Other::Skip,
    },
    Entry {
        path: "/api/organizations/code-link",
        rule: Rule::Public,
        body: "token=x",
        other: Other::Skip,
    },
    Entry {
        path: "/api/organizations/verify-code",
        rule: Rule::Public,
        body: "token=x&code=123456",
        other: Other::Skip,
    },
    Entry {
        path: "/api/dcv/confirm",
        rule: Rule::Public,
        body: "domain=1&value=0000",
        other: Other::Skip,
    },
    Entry {
        path: "/api/ev/link",
        rule: Rule::Public,
        body: "token=nope",
        other: Other::Skip,
    },
    Entry {
        path: "/api/ev/answer",
        rule: Rule::Public,
        body: "token=nope&answer=approve",
        other: Other::Skip,
    },
    // Every signed-in user sees the EV requests they approve (a Basic User may be one).
    Entry {
        path: "/api/orders/ev-approvals",
        rule: Rule::SignedIn,
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/orders/ev-approval-answer",
        rule: Rule::OwnObject,
        body: "step_id=1&answer=approve",
        other: Other::Skip,
    },
    Entry {
        path: "/api/track/get",
        rule: Rule::Public,
        body: "token=nope",
        other: Other::Skip,
    },
    Entry {
        path: "/api/track/method",
        rule: Rule::Public,
        body: "token=nope&domain=1&method=dns_txt",
        other: Other::Skip,
    },
    Entry {
        path: "/api/track/verify",
        rule: Rule::Public,
        body: "token=nope&domain=1",
        other: Other::Skip,
    },
    Entry {
        path: "/api/track/csr",
        rule: Rule::Public,
        body: "token=nope&csr=none",
        other: Other::Skip,
    },
    Entry {
        path: "/api/billing/overview",
        rule: Rule::Requires(Permission::ViewFinance),
        body: "",
        other: Other::Skip,
    },
    // The ledger statement (FIN-2): the caller's own account's, and a sub-account's only for
    // its partner (the first account is not one, so account 1 is "not found" to everyone
    // else, and to the first account it is its own).
    Entry {
        path: "/api/billing/statement",
        rule: Rule::Requires(Permission::ViewFinance),
        body: "query[kind]=grant",
        other: Other::Skip,
    },
    Entry {
        path: "/api/billing/statement",
        rule: Rule::RequiresOnObject(Permission::ViewFinance),
        body: "query[account]=1",
        other: Other::NotFound,
    },
    // The first account's default group is id 1; it pays from the account balance.
    Entry {
        path: "/api/billing/group",
        rule: Rule::RequiresOnObject(Permission::ViewFinance),
        body: "group_id=1",
        other: Other::NotFound,
    },
    // Refused (the group pays from the account balance): allowed to ask, told why.
    Entry {
        path: "/api/billing/allocate",
        rule: Rule::RequiresOnObject(Permission::AllocateCredits),
        body: "group_id=1&direction=allocate&amount=5&remarks=Budget",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/operator/credits",
        rule: Rule::Operator,
        body: "account_id=1",
        other: Other::Skip,
    },
    Entry {
        path: "/api/operator/credits/grant",
        rule: Rule::Operator,
        body: "account_id=1&amount=10&remarks=Opening+credit",
        other: Other::Skip,
    },
    // Payments (FIN-1). The matrix's portal has no provider configured: starting an online
    // payment is allowed to ask and refused as not configured (409).
    Entry {
        path: "/api/billing/add-credits",
        rule: Rule::Requires(Permission::ViewFinance),
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/billing/pay",
        rule: Rule::Requires(Permission::AllocateCredits),
        body: "amount=10&form_token=00000000000000000000000000000000",
        other: Other::Skip,
    },
    // Payment 1 does not exist: allowed roles get 404, the others 403.
    Entry {
        path: "/api/billing/recheck",
        rule: Rule::RequiresOnObject(Permission::ViewFinance),
        body: "payment=1",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/billing/offline-payment",
        rule: Rule::Requires(Permission::AllocateCredits),
        body: "amount=10&paid_on=2026-01-02&reference=UTR123&form_token=00000000000000000000000000000000",
        other: Other::Skip,
    },
    Entry {
        path: "/api/billing/withdraw-page",
        rule: Rule::Requires(Permission::ViewFinance),
        body: "",
        other: Other::Skip,
    },
    // A bad IBAN: allowed to try, refused on the field (422), nothing changes.
    Entry {
        path: "/api/billing/bank-details",
        rule: Rule::Requires(Permission::AllocateCredits),
        body: "holder_name=Asha&bank_name=Bank&iban=DE00&bic=DEUTDEFF",
        other: Other::Skip,
    },
    // No bank details on file: allowed to ask, refused (409), nothing changes.
    Entry {
        path: "/api/billing/withdraw",
        rule: Rule::Requires(Permission::AllocateCredits),
        body: "amount=1&form_token=00000000000000000000000000000000",
        other: Other::Skip,
    },
    Entry {
        path: "/api/operator/payments",
        rule: Rule::Operator,
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/operator/payments/decide",
        rule: Rule::Operator,
        body: "payment=1&decision=approve",
        other: Other::Skip,
    },
    Entry {
        path: "/api/operator/withdrawals/decide",
        rule: Rule::Operator,
        body: "withdrawal=1&decision=approve",
        other: Other::Skip,
    },
    // Products (ORD-1). The operator's first product is id 1; the first account's private
    // CA is `acct1-intranet` and its private product id 2.
    Entry {
        path: "/api/operator/products",
        rule: Rule::Operator,
        body: "",
        other: Other::Skip,
    },
    Entry {
        path: "/api/operator/products/add",
        rule: Rule::Operator,
        body: "kind=dv_single&name=Matrix+DV&validity_days=90",
        other: Other::Skip,
    },
    Entry {
        path: "/api/operator/products/update",
        rule: Rule::Operator,
        body: "id=1&name=Matrix+DV&validity_days=90",
        other: Other::Skip,
    },
    Entry {
        path: "/api/operator/products/active",
        rule: Rule::Operator,
        body: "id=1&active=yes",
        other: Other::Skip,
    },
    Entry {
        path: "/api/operator/products/price",
        rule: Rule::Operator,
        body: "product_id=1&currency=USD&validity_days=90&base=10",
        other: Other::Skip,
    },
    // Made by the first allowed role; the same name again is refused on the field.
    Entry {
        path: "/api/settings/private-cas/create",
        rule: Rule::Requires(Permission::ManageCas),
        body: "name=Intranet",
        other: Other::Skip,
    },
    Entry {
        path: "/api/settings/private-cas",
        rule: Rule::Requires(Permission::ManageCas),
        body: "",
        other: Other::NoLeak("[]", "acct1-"),
    },
    // Another account naming the first account's CA: as if it did not exist. Every index of
    // `modes[]` is sent (as the form does): the list is read in order, not by index.
    Entry {
        path: "/api/settings/products/add",
        rule: Rule::Requires(Permission::ManageProducts),
        body: "name=Matrix+private&ca=acct1-intranet&validity_days=90&template=Server+TLS&modes%5B0%5D=required&modes%5B1%5D=off&modes%5B2%5D=off&modes%5B3%5D=off&modes%5B4%5D=off&modes%5B5%5D=off&modes%5B6%5D=required&modes%5B7%5D=off&modes%5B8%5D=off",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/settings/products",
        rule: Rule::Requires(Permission::ManageProducts),
        body: "",
        other: Other::NoLeak("\"products\":[]", "acct1-"),
    },
    Entry {
        path: "/api/settings/products/update",
        rule: Rule::RequiresOnObject(Permission::ManageProducts),
        body: "id=2&name=Matrix+private&ca=acct1-intranet&validity_days=90&template=Server+TLS&modes%5B0%5D=required&modes%5B1%5D=off&modes%5B2%5D=off&modes%5B3%5D=off&modes%5B4%5D=off&modes%5B5%5D=off&modes%5B6%5D=required&modes%5B7%5D=off&modes%5B8%5D=off&auto_approve=on",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/settings/products/active",
        rule: Rule::RequiresOnObject(Permission::ManageProducts),
        body: "id=2&active=yes",
        other: Other::NotFound,
    },
    Entry {
        path: "/api/catalog/offers",
        rule: Rule::Requires(Permission::RequestCertificates),
        body: "currency=USD",
        other: Other::NoLeak("Matrix DV", "Matrix private"),
    },
    // The price list (FIN-4): the offers above, in every currency the filter keeps.
    Entry {
        path: "/api/billing/price-list",
        rule: Rule::Requires(Permission::ViewFinance),
        body: "query[currency]=USD",
        other: Other::NoLeak("Matrix DV", "Matrix private"),
    },
];

pub(super) async fn app(h: &Harness) -> axum::Router {
    let (state, _, _) = surface(h, LeptosOptions::builder().output_name("rootline").build());
    router(state)
}

/// The whole HTTP surface as `startup` builds it (portal, ACME, REST, security headers), with
/// `options` (for a site root holding static assets).
pub(super) async fn whole_app(h: &Harness, options: LeptosOptions) -> axum::Router {
    let (state, acme, rest) = surface(h, options);
    super::app(
        state,
        super::acme::router(acme),
        super::rest::router(rest),
        super::middleware::SecurityHeaders {
            https: false,
            form_targets: Vec::new(),
        },
    )
}

/// The portal's state and the ACME and REST routers' contexts, over the harness's store.
pub(super) fn surface(
    h: &Harness,
    leptos_options: LeptosOptions,
) -> (AppState, Arc<super::acme::Acme>, Arc<super::rest::Rest>) {
    let identity = h.identity();
    let access = Arc::new(AccessService::new(
        h.store.clone(),
        identity.clone(),
        h.clock.clone(),
    ));
    let ca = Arc::new(authority(h.store.clone(), SECRET));
    let dns = Arc::new(crate::ports::dns::FakeDns::default());
    let validation = Arc::new(crate::services::validation::ValidationService::new(
        h.store.clone(),
        h.clock.clone(),
        Arc::new(crate::ports::random::CountingRandom::default()),
        dns.clone(),
        Arc::new(crate::ports::http_fetch::FakeHttp::default()),
        "http://portal.test".into(),
    ));
    let orders = Arc::new(crate::services::orders::OrderService::new(
        crate::services::orders::OrderDeps {
            store: h.store.clone(),
            clock: h.clock.clone(),
            random: Arc::new(crate::adapters::random::OsRandom),
            catalog: Arc::new(crate::services::catalog::CatalogService::new(
                h.store.clone(),
                ca.clone(),
                h.clock.clone(),
            )),
            validation: validation.clone(),
            authority: ca.clone(),
            dns: dns.clone(),
            caa_identities: vec!["rootline.test".into()],
            public_url: "http://portal.test".into(),
            tracking_key: crate::domain::tracking_link::test_key(),
            mail: Default::default(),
        },
    ));
    let acme = Arc::new(crate::services::acme::AcmeService::new(
        crate::services::acme::AcmeDeps {
            store: h.store.clone(),
            clock: h.clock.clone(),
            random: Arc::new(crate::adapters::random::OsRandom),
            identity: identity.clone(),
            catalog: Arc::new(crate::services::catalog::CatalogService::for_harness(h)),
            orders: orders.clone(),
            validation: validation.clone(),
            dns,
            http: Arc::new(crate::ports::http_fetch::FakeHttp::default()),
            sealer: crate::services::identity::test_support::test_sealer(),
            authority: ca.clone(),
            eab_required: true,
        },
    ));
    let billing = Arc::new(crate::services::billing::BillingService::new(
        h.store.clone(),
        h.clock.clone(),
        "http://portal.test".into(),
    ));
    let catalog = Arc::new(crate::services::catalog::CatalogService::for_harness(h));
    let throttle = Arc::new(crate::services::throttle::Throttle::new(
        h.store.clone(),
        h.clock.clone(),
        1,
    ));
    let api_keys = Arc::new(crate::services::api_keys::ApiKeyService::for_harness(h));
    let organizations =
        Arc::new(crate::services::organizations::OrganizationService::for_harness(h));
    let vetting = Arc::new(crate::services::vetting::VettingService::for_harness(h));
    let payments = Arc::new(crate::services::payments::PaymentService::for_harness(h));
    let partners = Arc::new(crate::services::partners::PartnerService::new(
        h.store.clone(),
        h.clock.clone(),
        identity.clone(),
        crate::services::notifications::MailWaker::default(),
    ));
    let rest = Arc::new(super::rest::Rest {
        keys: api_keys.clone(),
        orders: orders.clone(),
        validation: validation.clone(),
        organizations: organizations.clone(),
        store: h.store.clone(),
        clock: h.clock.clone(),
        public_url: "http://portal.test".into(),
    });
    let portal = Arc::new(Portal {
        identity: identity.clone(),
        access: access.clone(),
        api_keys,
        orders: orders.clone(),
        validation,
        billing: billing.clone(),
        clock: h.clock.clone(),
        throttle: throttle.clone(),
        secure_cookies: false,
        certificate_sign_in_url: None,
    });
    let state = AppState {
        leptos_options,
        backend: Backend {
            identity: portal.clone(),
            passkeys: portal.clone(),
            access: portal.clone(),
            operator: portal.clone(),
            orders: portal.clone(),
            billing: portal.clone(),
            domains: portal.clone(),
            smime: portal,
            catalog: Arc::new(super::portal::CatalogPortal {
                identity: identity.clone(),
                catalog: catalog.clone(),
            }),
            acme: Arc::new(super::portal::AcmePortal {
                identity: identity.clone(),
                acme: acme.clone(),
                directory_url: "http://portal.test/acme/directory".into(),
            }),
            organizations: Arc::new(super::portal::OrganizationsPortal {
                identity: identity.clone(),
                organizations: organizations.clone(),
                throttle: throttle.clone(),
            }),
            partners: Arc::new(super::portal::PartnersPortal {
                identity: identity.clone(),
                partners: partners.clone(),
                orders: orders.clone(),
            }),
            vetting: Arc::new(super::portal::VettingPortal {
                identity: identity.clone(),
                vetting: vetting.clone(),
                throttle: throttle.clone(),
                orders: orders.clone(),
            }),
            payments: Arc::new(super::portal::PaymentsPortal {
                identity: identity.clone(),
                payments: payments.clone(),
            }),
            revocations: Arc::new(super::portal::RevocationsPortal {
                identity: identity.clone(),
                revocations: Arc::new(
                    crate::services::mass_revocation::MassRevocationService::for_harness(h),
                ),
            }),
        },
        store: h.store.clone(),
        authority: ca,
        guard: Arc::new(OriginGuard {
            public_host: "portal.test".into(),
        }),
        access,
        orders,
        billing,
        catalog,
        organizations,
        vetting,
        payments,
        partners,
        throttle,
        metrics_access: Arc::new(super::metrics::MetricsAccess::Loopback),
        mail: Arc::new(crate::services::notifications::MailDelivery::new(
            h.store.clone(),
            h.mailer.clone(),
            h.clock.clone(),
        )),
    };
    let acme = Arc::new(super::acme::Acme {
        service: acme,
        base: "http://portal.test/acme".into(),
    });
    (state, acme, rest)
}

pub(super) async fn call(
    app: &axum::Router,
    path: &str,
    body: &str,
    session: Option<&str>,
) -> (StatusCode, String) {
    let response = post_form(app, path, body, session, "application/json").await;
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

/// A form post to a server function from the portal's own origin, accepting `accept`.
pub(super) async fn post_form(
    app: &axum::Router,
    path: &str,
    body: &str,
    session: Option<&str>,
    accept: &str,
) -> axum::response::Response {
    let (content_type, body) = if MULTIPART.contains(&path) {
        (
            format!("multipart/form-data; boundary={BOUNDARY}"),
            multipart_of(body),
        )
    } else {
        (
            "application/x-www-form-urlencoded".to_owned(),
            body.to_owned(),
        )
    };
    let mut request = Request::post(path)
        .header(header::HOST, "portal.test")
        .header(header::ORIGIN, "http://portal.test")
        .header(header::CONTENT_TYPE, content_type)
        .header(header::ACCEPT, accept);
    if let Some(token) = session {
        request = request.header(header::COOKIE, format!("{SESSION_COOKIE}={token}"));
    }
    app.clone()
        .oneshot(request.body(Body::from(body)).unwrap())
        .await
        .unwrap()
}

/// Server functions that read multipart form data (a file may come with the form).
const MULTIPART: &[&str] = &[
    "/api/orders/wizard-step",
    "/api/smime/order",
    "/api/organizations/document-add",
    "/api/billing/offline-payment",
];
const BOUNDARY: &str = "rootline-matrix-boundary";

/// The fields of a URL-encoded body as multipart form data, as a browser posts a form with
/// `enctype="multipart/form-data"`.
fn multipart_of(body: &str) -> String {
    let mut out = String::new();
    for (name, value) in url::form_urlencoded::parse(body.as_bytes()) {
        out.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    out.push_str(&format!("--{BOUNDARY}--\r\n"));
    out
}

/// Gives every customer user (not the operator) `role` in their accounts.
async fn give_customers(h: &Harness, role: Role) {
    h.store
        .execute_raw(&format!(
            "UPDATE memberships SET role = '{}' WHERE user_id IN (SELECT id FROM users WHERE NOT is_operator)",
            role.as_str()
        ))
        .await
        .unwrap();
}

#[tokio::test]
async fn every_server_function_has_an_entry() {
    let registered: BTreeSet<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .collect();
    assert!(
        registered.contains("/api/auth/sign-in"),
        "the registry is empty: {registered:?}"
    );
    let listed: BTreeSet<&str> = MATRIX.iter().map(|e| e.path).collect();
    let missing: Vec<_> = registered.difference(&listed).collect();
    assert!(
        missing.is_empty(),
        "server functions without an authorization entry: {missing:?}"
    );
    let stale: Vec<_> = listed.difference(&registered).collect();
    assert!(
        stale.is_empty(),
        "entries for no server function: {stale:?}"
    );
}

#[tokio::test]
async fn each_role_in_each_account_gets_what_the_matrix_says() {
    let h = harness().await;
    let first = h.signed_in("first@example.com").await;
    let other = h.signed_in("other@example.org").await;
    let operator = h.signed_in_operator().await;
    let app = app(&h).await;
    // A custom role of the first account (id 1), for the calls that name one.
    crate::store::custom_roles::insert(
        &h.store,
        1,
        crate::store::custom_roles::RoleFields {
            name: "Auditor",
            description: "",
            permissions: "view_reports",
        },
        chrono::Utc::now(),
    )
    .await
    .unwrap();

    for entry in MATRIX {
        match entry.rule {
            Rule::Public => {
                let (status, _) = call(&app, entry.path, entry.body, None).await;
                assert!(
                    status != StatusCode::UNAUTHORIZED && status != StatusCode::FORBIDDEN,
                    "{}: a visitor got {status}",
                    entry.path
                );
            }
            Rule::PendingSignIn => {
                let (status, _) = call(&app, entry.path, entry.body, None).await;
                assert_eq!(status, StatusCode::UNAUTHORIZED, "{}: visitor", entry.path);
                let (status, body) = call(&app, entry.path, entry.body, Some(&first)).await;
                assert_eq!(
                    status,
                    StatusCode::UNAUTHORIZED,
                    "{}: a finished sign-in: {body}",
                    entry.path
                );
            }
            Rule::SignedIn => {
                let (status, _) = call(&app, entry.path, entry.body, None).await;
                assert_eq!(status, StatusCode::UNAUTHORIZED, "{}: visitor", entry.path);
                for role in Role::ALL {
                    give_customers(&h, role).await;
                    let (status, body) = call(&app, entry.path, entry.body, Some(&first)).await;
                    assert!(
                        ![
                            StatusCode::UNAUTHORIZED,
                            StatusCode::FORBIDDEN,
                            StatusCode::NOT_FOUND
                        ]
                        .contains(&status),
                        "{} as {role:?}: {status} {body}",
                        entry.path
                    );
                }
            }
            Rule::OwnObject => {
                let (status, _) = call(&app, entry.path, entry.body, None).await;
                assert_eq!(status, StatusCode::UNAUTHORIZED, "{}: visitor", entry.path);
                for role in Role::ALL {
                    give_customers(&h, role).await;
                    let (status, body) = call(&app, entry.path, entry.body, Some(&first)).await;
                    assert!(
                        ![StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN].contains(&status),
                        "{} as {role:?}: {status} {body}",
                        entry.path
                    );
                }
            }
            Rule::Operator => {
                let (status, _) = call(&app, entry.path, entry.body, None).await;
                assert_eq!(status, StatusCode::UNAUTHORIZED, "{}: visitor", entry.path);
                for role in Role::ALL {
                    give_customers(&h, role).await;
                    let (status, body) = call(&app, entry.path, entry.body, Some(&first)).await;
                    assert_eq!(
                        status,
                        StatusCode::FORBIDDEN,
                        "{} as {role:?}: {body}",
                        entry.path
                    );
                }
                let (status, body) = call(&app, entry.path, entry.body, Some(&operator)).await;
                assert!(
                    ![StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN].contains(&status),
                    "{} as operator: {status} {body}",
                    entry.path
                );
            }
            Rule::Requires(permission) | Rule::RequiresOnObject(permission) => {
                let refusals: &[StatusCode] = if matches!(entry.rule, Rule::Requires(_)) {
                    &[
                        StatusCode::UNAUTHORIZED,
                        StatusCode::FORBIDDEN,
                        StatusCode::NOT_FOUND,
                    ]
                } else {
                    &[StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN]
                };
                let (status, _) = call(&app, entry.path, entry.body, None).await;
                assert_eq!(status, StatusCode::UNAUTHORIZED, "{}: visitor", entry.path);
                for role in Role::ALL {
                    give_customers(&h, role).await;
                    let (status, body) = call(&app, entry.path, entry.body, Some(&first)).await;
                    if role.can(permission) {
                        // Allowed: whatever the answer, it is not a refusal of the caller.
                        assert!(
                            !refusals.contains(&status),
                            "{} as {role:?}: {status} {body}",
                            entry.path
                        );
                    } else {
                        assert_eq!(
                            status,
                            StatusCode::FORBIDDEN,
                            "{} as {role:?}: {body}",
                            entry.path
                        );
                    }
                }
            }
        }
        // The same call by an administrator of another account reveals nothing of the first.
        if matches!(entry.other, Other::Skip) {
            continue;
        }
        give_customers(&h, Role::Administrator).await;
        let (status, body) = call(&app, entry.path, entry.body, Some(&other)).await;
        match entry.other {
            Other::Skip => {}
            Other::NotFound => {
                assert_eq!(status, StatusCode::NOT_FOUND, "{}: {body}", entry.path);
            }
            Other::NoLeak(own, secret) => {
                assert_eq!(status, StatusCode::OK, "{}: {body}", entry.path);
                assert!(
                    body.contains(own),
                    "{}: the other account's own data is missing: {body}",
                    entry.path
                );
                assert!(
                    !body.contains(secret),
                    "{} leaked the first account's data to another: {body}",
                    entry.path
                );
            }
        }
    }
}

#[tokio::test]
async fn a_malformed_server_function_body_is_a_bad_request_that_names_the_problem() {
    let h = harness().await;
    let app = app(&h).await;
    let (status, body) = call(&app, "/api/auth/sign-up", "kind=enterprise", None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(
        body.contains("BadRequest") && body.contains("missing field"),
        "{body}"
    );
    let (status, body) = call(&app, "/api/users/get", "id=not-a-number", None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
}

#[tokio::test]
async fn the_audit_export_needs_a_session_and_the_audit_permission() {
    let h = harness().await;
    let token = h.signed_in("first@example.com").await;
    let app = app(&h).await;
    let get = |session: Option<String>| {
        let app = app.clone();
        async move {
            let mut request = Request::get("/audit/export.xlsx?module=identity")
                .header(header::HOST, "portal.test");
            if let Some(t) = session {
                request = request.header(header::COOKIE, format!("{SESSION_COOKIE}={t}"));
            }
            let response = app
                .oneshot(request.body(Body::empty()).unwrap())
                .await
                .unwrap();
            let status = response.status();
            let kind = response
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            (status, kind)
        }
    };
    assert_eq!(get(None).await.0, StatusCode::UNAUTHORIZED);
    let (status, kind) = get(Some(token.clone())).await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.contains("spreadsheetml"), "{kind}");
    h.store
        .execute_raw("UPDATE memberships SET role = 'basic_user'")
        .await
        .unwrap();
    assert_eq!(get(Some(token)).await.0, StatusCode::FORBIDDEN);
}

/// A GET through the router with (or without) a session: the status and content type.
async fn get_file(app: &axum::Router, path: &str, session: Option<&str>) -> (StatusCode, String) {
    let mut request = Request::get(path).header(header::HOST, "portal.test");
    if let Some(t) = session {
        request = request.header(header::COOKIE, format!("{SESSION_COOKIE}={t}"));
    }
    let response = app
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let kind = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (response.status(), kind)
}

#[tokio::test]
async fn the_monthly_invoice_needs_a_session_the_finance_permission_and_a_real_month() {
    let h = harness().await;
    let token = h.signed_in("first@example.com").await;
    let app = app(&h).await;
    let month = {
        use chrono::Datelike;
        let now = crate::ports::Clock::now(&*h.clock);
        format!("{:04}-{:02}", now.year(), now.month())
    };
    let path = format!("/billing/invoice?month={month}");
    assert_eq!(
        get_file(&app, &path, None).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        get_file(&app, &path, Some(&token)).await,
        (StatusCode::OK, "application/pdf".to_owned())
    );
    for bad in [
        "/billing/invoice?month=2026-13",
        "/billing/invoice",
        "/billing/invoice?month=2999-01",
    ] {
        assert_eq!(
            get_file(&app, bad, Some(&token)).await.0,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{bad}"
        );
    }
    h.store
        .execute_raw("UPDATE memberships SET role = 'basic_user'")
        .await
        .unwrap();
    assert_eq!(
        get_file(&app, &path, Some(&token)).await.0,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_group_logo_is_served_only_with_a_session_of_its_account() {
    let h = harness().await;
    let token = h.signed_in("first@example.com").await;
    let other = h.signed_in("other@elsewhere.example").await;
    let app = app(&h).await;
    let access = AccessService::for_harness(&h);
    let admin = access
        .authorize(Some(&token), Permission::ManageGroups)
        .await
        .unwrap();
    let group = access.groups_page(&admin).await.unwrap().groups[0].id;
    let png = [b"\x89PNG\r\n\x1a\n".as_slice(), b"logo"].concat();
    access
        .set_group_logo(
            &admin,
            group,
            &app::model::groups::logo_data_url(&png).unwrap(),
            None,
        )
        .await
        .unwrap();
    let path = format!("/groups/{group}/logo");
    assert_eq!(
        get_file(&app, &path, Some(&token)).await,
        (StatusCode::OK, "image/png".to_owned())
    );
    assert_eq!(
        get_file(&app, &path, None).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        get_file(&app, &path, Some(&other)).await.0,
        StatusCode::NOT_FOUND
    );
}
