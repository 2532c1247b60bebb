//! Schema migrations, one file per change. A migration that has landed is never edited;
//! a change to the schema is a new file.

pub use sea_orm_migration::prelude::*;

mod m20261121_000001_identity;
mod m20261121_000002_mail_outbox;
mod m20261121_000003_certificate_authorities;
mod m20261121_000004_issued_certificates;
mod m20261121_000005_crls;
mod m20261121_000006_ocsp_responders;
mod m20261121_000007_crl_covering_index;
mod m20261121_000008_ocsp_responses;
mod m20261121_000009_private_cas;
mod m20261121_000010_user_administration;
mod m20261121_000011_account_options;
mod m20261121_000012_ip_rules;
mod m20261121_000013_two_factor;
mod m20261121_000014_groups;
mod m20261121_000015_passkeys;
mod m20261121_000016_login_certificates;
mod m20261121_000017_custom_roles;
mod m20261121_000018_group_access;
mod m20261121_000019_ledger;
mod m20261121_000020_products;
mod m20261121_000021_domains;
mod m20261121_000022_orders;
mod m20261121_000023_order_lifecycle;
mod m20261121_000024_smime;
mod m20261121_000025_acme;
mod m20261121_000026_acme_renewal_info;
mod m20261121_000027_api_keys;
mod m20261122_000028_group_domains_and_logos;
mod m20261204_000029_tracking_links;
mod m20261204_000030_delivered_mail_bodies;
mod m20261204_000031_invitations;
mod m20261204_000032_membership_employee_id;
mod m20261204_000050_attempt_throttle;
mod m20261204_000051_default_group_for_every_account;
mod m20261205_000060_legal_documents;
mod m20261205_000070_order_search;
mod m20261205_000080_order_forms;
mod m20261205_000090_user_language;
mod m20261206_000100_organizations;
mod m20261206_000110_vetting;
mod m20261206_000120_order_organization;
mod m20261206_000130_group_organizations;
mod m20261206_000140_organization_reminders;
mod m20261206_000150_eab_organization;
mod m20261206_000160_ev_steps;
mod m20261206_000170_interim_dv;
mod m20261206_000180_organization_consents;
mod m20261206_000190_sub_accounts;
mod m20261206_000200_payments;
mod m20261206_000210_gst;
mod m20261206_000220_low_balance_alerts;
mod m20261207_000230_acme_order_profile;
mod m20261208_000240_corroborations;
mod m20261208_000250_crl_shards;
mod m20261208_000260_revocation_batches;
mod m20261209_000270_precertificates;

pub struct Migrator;

#[sea_orm_migration::async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261121_000001_identity::Migration),
            Box::new(m20261121_000002_mail_outbox::Migration),
            Box::new(m20261121_000003_certificate_authorities::Migration),
            Box::new(m20261121_000004_issued_certificates::Migration),
            Box::new(m20261121_000005_crls::Migration),
            Box::new(m20261121_000006_ocsp_responders::Migration),
            Box::new(m20261121_000007_crl_covering_index::Migration),
            Box::new(m20261121_000008_ocsp_responses::Migration),
            Box::new(m20261121_000009_private_cas::Migration),
            Box::new(m20261121_000010_user_administration::Migration),
            Box::new(m20261121_000011_account_options::Migration),
            Box::new(m20261121_000012_ip_rules::Migration),
            Box::new(m20261121_000013_two_factor::Migration),
            Box::new(m20261121_000014_groups::Migration),
            Box::new(m20261121_000015_passkeys::Migration),
            Box::new(m20261121_000016_login_certificates::Migration),
            Box::new(m20261121_000017_custom_roles::Migration),
            Box::new(m20261121_000018_group_access::Migration),
            Box::new(m20261121_000019_ledger::Migration),
            Box::new(m20261121_000020_products::Migration),
            Box::new(m20261121_000021_domains::Migration),
            Box::new(m20261121_000022_orders::Migration),
            Box::new(m20261121_000023_order_lifecycle::Migration),
            Box::new(m20261121_000024_smime::Migration),
            Box::new(m20261121_000025_acme::Migration),
            Box::new(m20261121_000026_acme_renewal_info::Migration),
            Box::new(m20261121_000027_api_keys::Migration),
            Box::new(m20261122_000028_group_domains_and_logos::Migration),
            Box::new(m20261204_000029_tracking_links::Migration),
            Box::new(m20261204_000030_delivered_mail_bodies::Migration),
            Box::new(m20261204_000031_invitations::Migration),
            Box::new(m20261204_000032_membership_employee_id::Migration),
            Box::new(m20261204_000050_attempt_throttle::Migration),
            Box::new(m20261204_000051_default_group_for_every_account::Migration),
            Box::new(m20261205_000060_legal_documents::Migration),
            Box::new(m20261205_000070_order_search::Migration),
            Box::new(m20261205_000080_order_forms::Migration),
            Box::new(m20261205_000090_user_language::Migration),
            Box::new(m20261206_000100_organizations::Migration),
            Box::new(m20261206_000110_vetting::Migration),
            Box::new(m20261206_000120_order_organization::Migration),
            Box::new(m20261206_000130_group_organizations::Migration),
            Box::new(m20261206_000140_organization_reminders::Migration),
            Box::new(m20261206_000150_eab_organization::Migration),
            Box::new(m20261206_000160_ev_steps::Migration),
            Box::new(m20261206_000170_interim_dv::Migration),
            Box::new(m20261206_000180_organization_consents::Migration),
            Box::new(m20261206_000190_sub_accounts::Migration),
            Box::new(m20261206_000200_payments::Migration),
            Box::new(m20261206_000210_gst::Migration),
            Box::new(m20261206_000220_low_balance_alerts::Migration),
            Box::new(m20261207_000230_acme_order_profile::Migration),
            Box::new(m20261208_000240_corroborations::Migration),
            Box::new(m20261208_000250_crl_shards::Migration),
            Box::new(m20261208_000260_revocation_batches::Migration),
            Box::new(m20261209_000270_precertificates::Migration),
        ]
    }
}
