//! Renewing an order (ORD-8): from 60 days before its certificate expires, a new order for
//! the same product, names and people, priced and approved like any order and linked to
//! the original. An order is renewed once; a cancelled or rejected renewal frees it again.

use app::i18n::Msg;
use app::model::Permission;
use app::model::{
    email::email_parts,
    order_actions::RenewForm,
    orders::{Contact, KeySource, PlaceOrder, PlacedOrder, tag_list},
};
use chrono::{DateTime, Utc};

use super::{
    OrderError, OrderService,
    certificate::{may_manage, renewable_from},
};
use crate::{
    services::identity::Caller,
    store::{OrderRow, StoreError, Tx, order_links, orders},
};

/// Records in `tx` that `order_id` renews `origin`; refused when `origin` has a renewal.
pub(super) async fn link_renewal(
    tx: &Tx,
    origin: i32,
    order_id: i32,
    actor: &str,
    at: DateTime<Utc>,
) -> Result<(), OrderError> {
    match order_links::insert(
        tx,
        order_id,
        origin,
        app::model::order_actions::OrderLinkKind::Renewal,
        "",
        at,
    )
    .await
    {
        Ok(()) => {}
        Err(StoreError::Duplicate) => {
            return Err(OrderError::Refused(Msg::new(
                "err-order-has-already-been-renewed",
            )));
        }
        Err(e) => return Err(e.into()),
    }
    orders::add_event(
        tx,
        origin,
        actor,
        "Renewal placed",
        &format!("Order #{order_id}"),
        at,
    )
    .await?;
    Ok(())
}

/// The wizard's form that orders `original` again: the `www.` variant the wizard added comes
/// back as the tick box, so it is not priced as a name of its own.
pub(super) fn form_again(original: &OrderRow, names: &[String], csr: Option<String>) -> PlaceOrder {
    let www = match names {
        [main, second] => *second == format!("www.{main}"),
        _ => false,
    };
    let names = if www {
        names.iter().take(1).cloned().collect::<Vec<_>>()
    } else {
        names.to_vec()
    };
    let attributes: Vec<String> =
        serde_json::from_str(&original.template_values).unwrap_or_default();
    PlaceOrder {
        product_id: original.product_id,
        validity_days: i64::from(original.validity_days),
        names,
        add_www: www,
        key_source: Some(if csr.is_some() {
            KeySource::Paste
        } else {
            KeySource::Later
        }),
        csr_pem: csr.unwrap_or_default(),
        requester: Contact {
            name: original.requester_name.clone(),
            email: original.requester_email.clone(),
        },
        requester_phone: original.requester_phone.clone(),
        technical: Contact {
            name: original.tech_name.clone(),
            email: original.tech_email.clone(),
        },
        extra_emails: email_parts(&original.extra_emails),
        tags: tag_list(&original.tags),
        remarks: original.remarks.clone(),
        auto_renew: original.auto_renew,
        delegate: Contact::default(),
        group_id: Some(original.group_id),
        draft: false,
        attributes,
        organization_id: original.organization_id.map(app::model::OrganizationId),
        signatories: app::model::ev::Signatories::default(),
    }
}

impl OrderService {
    /// The form that orders `original` again, with its delegate and with a validity the
    /// product offers today: the same one, or when the TLS cap has dropped since, the longest
    /// that is left.
    pub(super) async fn renewal_form(
        &self,
        original: &OrderRow,
        csr: Option<String>,
    ) -> Result<PlaceOrder, OrderError> {
        let names = orders::names(&self.store, original.id).await?;
        let mut form = form_again(original, &names, csr);
        // An EV renewal asks the same signatories again: each EV request needs its own
        // agreement and approval.
        let steps = crate::store::ev_steps::of_order(
            &self.store,
            app::model::AccountId(original.account_id),
            original.id,
        )
        .await?;
        for row in steps {
            let who = Contact {
                name: row.name,
                email: row.email,
            };
            match *row.step {
                app::model::ev::EvStep::SubscriberAgreement => {
                    form.signatories.contract_signer = who;
                }
                app::model::ev::EvStep::Approval => form.signatories.approver = who,
                app::model::ev::EvStep::RequesterConsent => {}
            }
        }
        if let Some(d) = crate::store::delegates::find(&self.store, original.id).await? {
            form.delegate = Contact {
                name: d.name,
                email: d.email,
            };
        }
        let offer = self
            .catalog
            .product_for_order(
                original.account_id,
                original.product_id,
                original.currency.as_str(),
            )
            .await?
            .offer;
        if !offer.validity_days.contains(&form.validity_days) {
            let shorter = offer
                .validity_days
                .iter()
                .copied()
                .filter(|d| *d <= form.validity_days)
                .max();
            if let Some(days) = shorter.or_else(|| offer.validity_days.iter().copied().max()) {
                form.validity_days = days;
            }
        }
        Ok(form)
    }

    pub async fn renew(
        &self,
        caller: &Caller,
        form: &RenewForm,
    ) -> Result<PlacedOrder, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let original = self.visible(caller, form.order_id).await?;
        may_manage(caller, &original)?;
        let csr = form.validate().map_err(OrderError::Invalid)?;
        let cert = self
            .live_certificate(&original, super::certificate::CertificateAction::Renew)
            .await?;
        let opens = renewable_from(cert.not_after);
        if self.clock.now() < opens {
            return Err(OrderError::Refused(
                Msg::new("err-renewal-opens-opens-60-days")
                    .arg("opens", app::model::Day::from(opens))
                    .arg("expires", app::model::Day::from(cert.not_after)),
            ));
        }
        let mut again = self.renewal_form(&original, csr).await?;
        again.draft = form.draft;
        self.place_linked(
            caller,
            &again,
            Some(original.id),
            false,
            app::model::orders::OrderSource::Portal,
        )
        .await
    }
}
