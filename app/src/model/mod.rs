//! The shared vocabulary: wire types and field validation used by the browser form AND the server.
//! Compiled for both targets; no I/O here.

pub mod account;
pub mod account_choice;
pub mod acme;
pub mod api_keys;
pub mod attention;
pub mod audit;
pub mod billing;
pub mod certificate_status;
pub mod corroboration;
pub mod countries;
pub mod dns_name;
pub mod domains;
pub mod email;
pub mod ev;
pub mod field_errors;
pub mod form_values;
pub mod group_members;
pub mod groups;
pub mod gst_states;
pub mod ids;
pub mod invitation;
pub mod ip_rules;
pub mod legal;
pub mod login_certificates;
pub mod low_balance;
pub mod money;
pub mod operator;
pub mod order_actions;
pub mod order_done;
pub mod order_form_post;
pub mod order_status;
pub mod orders;
pub mod organization_form;
pub mod organizations;
pub mod passkeys;
pub mod password;
pub mod payments;
pub mod permission;
pub mod place_order;
pub mod price_list;
pub mod products;
pub mod profile;
pub mod revocations;
pub mod role_name;
pub mod roles;
pub mod session;
pub mod sign_up;
pub mod smime;
pub mod smime_form_post;
pub mod statement;
pub mod sub_accounts;
pub mod template;
pub mod text;
pub mod two_factor;
pub mod user_status;
pub mod users;
pub mod vetting;
pub mod when;

pub use account::{AccountKind, AccountStatus, Role};
pub use audit::{AuditEntryView, AuditPage, AuditQuery};
pub use email::Email;
pub use field_errors::{FieldError, FieldErrors};
pub use ids::{
    AccountId, ApiKeyId, CertificateId, ContactId, DomainId, GroupId, InvitationId, IpRuleId,
    MembershipId, OrderId, OrganizationDocumentId, OrganizationId, ProductId, RoleId, UserId,
};
pub use money::{Currency, Money};
pub use permission::Permission;
pub use session::SessionView;
pub use sign_up::{SignUpForm, ValidSignUp};
pub use users::{UserForm, UserSummary, UsersPage, UsersQuery};
pub use when::{Day, Moment, Stamp};
