//! Server functions: the portal's implicit API. Each reads its context, makes one call on the
//! backend port and maps the result; the rules live in the server.
//!
//! A server function that takes a whole form takes it `#[server(flatten)]`: its fields keep
//! their own names in the post (`name=…`, as the page's form and the Playwright tests send
//! them, not `form[name]=…`). Flattening reads every value as text, so a field of such a form
//! that is not text (or a list of text) reads through `model::form_values` (checkboxes, ids).

pub mod access;
pub mod acme;
pub mod auth;
pub mod billing;
pub mod catalog;
#[cfg(feature = "ssr")]
mod context;
pub mod domains;
#[cfg(feature = "ssr")]
mod multipart;
pub mod operator;
pub mod orders;
pub mod organizations;
pub mod partners;
pub mod payments;
pub mod profile;
pub mod refill;
pub mod smime;
pub mod track;
#[cfg(feature = "ssr")]
pub(crate) use context::{
    call, call_then_group, call_then_new_order, call_then_order, call_then_redirect, set_cookie,
};

/// Flattened forms read the fields the pages post, as the browser posts them without script
/// and as the server function's own client re-encodes them after an `ActionForm` read them.
#[cfg(test)]
mod tests {
    use serde::{Serialize, de::DeserializeOwned};

    use super::{
        access::{GroupAdd, GroupUpdate, IpRuleAdd, RoleAdd, RoleUpdate},
        catalog::{PrivateProductAdd, PublicProductUpdate},
        orders::{OrderEdit, OrderRenew, OrderRevoke},
    };

    /// As server_fn's `PostUrl` decodes a post.
    fn decode<T: DeserializeOwned>(body: &str) -> T {
        serde_qs::Config::new(5, false)
            .deserialize_str(body)
            .unwrap_or_else(|e| panic!("{body}: {e}"))
    }

    /// Encoded by the server function's client, then decoded by the server.
    fn round_trip<T: Serialize + DeserializeOwned>(args: &T) -> T {
        decode(&serde_qs::to_string(args).expect("encodes"))
    }

    #[test]
    fn a_ticked_box_reads_as_ticked_and_an_absent_one_as_not() {
        let group = "name=Eng&description=&finance_mode=account&spend_limit=&renewal_emails=";
        let ticked: GroupAdd = decode(&format!("{group}&restricted=on"));
        assert_eq!(ticked.form.name, "Eng");
        assert!(ticked.form.restricted);
        assert!(round_trip(&ticked).form.restricted);
        let unticked: GroupAdd = decode(group);
        assert!(!unticked.form.restricted);
        assert!(!round_trip(&unticked).form.restricted);

        let rule: IpRuleAdd =
            decode("user=&start=10.0.0.1&end=&description=VPN&confirm_lockout=yes");
        assert!(rule.form.confirm_lockout);
        assert_eq!(rule.form.start, "10.0.0.1");
        assert!(round_trip(&rule).form.confirm_lockout);
    }

    #[test]
    fn an_id_beside_the_form_and_indexed_lists_keep_their_names() {
        let update: GroupUpdate =
            decode("id=7&name=Eng&description=&finance_mode=group&spend_limit=10&renewal_emails=");
        assert_eq!((update.id, update.form.finance_mode.as_str()), (7, "group"));

        let role: RoleAdd =
            decode("name=Auditor&description=&permissions%5B0%5D=view_reports&permissions[3]=x");
        assert_eq!(role.form.permissions, ["view_reports", "x"]);
        assert_eq!(round_trip(&role).form.permissions, ["view_reports", "x"]);
        let role: RoleUpdate = decode("id=2&name=Auditor&description=");
        assert_eq!((role.id, role.form.permissions.len()), (2, 0));

        let product: PrivateProductAdd = decode(
            "name=P&ca=c&validity_days=90&template=Server+TLS&modes%5B0%5D=fixed&values%5B0%5D=a&auto_approve=on&checklist=",
        );
        assert_eq!(product.form.modes, ["fixed"]);
        assert_eq!(product.form.values, ["a"]);
        assert!(product.form.auto_approve);
        let product = round_trip(&product);
        assert_eq!(
            (product.form.modes.len(), product.form.auto_approve),
            (1, true)
        );

        let public: PublicProductUpdate = decode("id=3&name=DV&validity_days=90");
        assert_eq!((public.id, public.form.name.as_str()), (3, "DV"));
    }

    #[test]
    fn an_order_form_reads_its_order_id_and_boxes() {
        let revoke: OrderRevoke = decode("order_id=12&reason=keyCompromise&remarks=Lost");
        assert_eq!(revoke.form.order_id, 12);
        assert_eq!(round_trip(&revoke).form.order_id, 12);
        let renew: OrderRenew = decode("order_id=4&csr_pem=&draft=on");
        assert_eq!((renew.form.order_id, renew.form.draft), (4, true));
        let renew = round_trip(&renew);
        assert_eq!((renew.form.order_id, renew.form.draft), (4, true));
        let edit: OrderEdit = decode("order_id=5&tags=a&remarks=&extra_emails=");
        assert!(!edit.form.auto_renew);
        assert!(!round_trip(&edit).form.auto_renew);
        let edit: OrderEdit = decode("order_id=5&tags=a&remarks=&extra_emails=&auto_renew=on");
        assert!(edit.form.auto_renew);
        assert!(
            serde_qs::Config::new(5, false)
                .deserialize_str::<OrderRevoke>("order_id=twelve&reason=x")
                .is_err()
        );
    }
}
