//! The API's request bodies without the services: each decoded as its handler decodes it and
//! turned into the command or form its service checks, checked by the same rules. The fuzz target
//! `fuzz/fuzz_targets/rest_json.rs` drives it: a panic here is one a client could cause.

use app::model::{
    order_actions::{ChangeNames, ReissueForm, RenewForm, RevokeForm},
    orders::NameRules,
};

use super::{
    extract::json_body,
    order_actions::{CancelBody, ChangeNamesBody, CsrBody, ReissueBody, RenewBody, RevokeBody},
    order_create::{CreateOrder, OrderDefaults, place_order},
};

/// The strictest and the most permissive products' name rules, and an OV product's.
const RULES: [NameRules; 3] = [
    NameRules {
        public: true,
        wildcard: false,
        max_names: 1,
        multi_domain: false,
        organization: None,
    },
    NameRules {
        public: false,
        wildcard: true,
        max_names: 250,
        multi_domain: true,
        organization: None,
    },
    NameRules {
        public: true,
        wildcard: true,
        max_names: 100,
        multi_domain: true,
        organization: Some(app::model::organizations::VettingLevel::Ov),
    },
];

/// Decodes `bytes` as every body the API takes and checks what decodes.
pub fn decode_bodies(bytes: &[u8]) {
    if let Ok(req) = json_body::<CreateOrder>(bytes) {
        let defaults = OrderDefaults {
            validity_days: 199,
            requester_name: "Asha Rao".into(),
            requester_email: "asha@example.com".into(),
        };
        if let Ok(form) = place_order(req, defaults) {
            for rules in RULES {
                let _ = form.validate(rules);
            }
        }
    }
    if let Ok(b) = json_body::<CsrBody>(bytes) {
        let _ = crate::ca::inspect_csr(b.csr.as_bytes());
    }
    let _ = json_body::<CancelBody>(bytes);
    if let Ok(b) = json_body::<RevokeBody>(bytes) {
        let _ = RevokeForm {
            order_id: 1,
            reason: b.reason,
            remarks: b.remarks,
            confirm: None,
        }
        .validate();
    }
    if let Ok(b) = json_body::<ReissueBody>(bytes) {
        let _ = ReissueForm {
            order_id: 1,
            reason: b.reason,
            remarks: b.remarks,
            csr_pem: b.csr,
        }
        .validate();
    }
    if let Ok(b) = json_body::<ChangeNamesBody>(bytes) {
        let command = ChangeNames {
            order_id: 1,
            reason: b.reason,
            names: b.names,
            csr_pem: b.csr,
            remarks: b.remarks,
        };
        let _ = command.validate(1);
        let _ = command.validate(250);
    }
    if let Ok(b) = json_body::<RenewBody>(bytes) {
        let _ = RenewForm {
            order_id: 1,
            csr_pem: b.csr,
            draft: b.draft,
        }
        .validate();
    }
}
