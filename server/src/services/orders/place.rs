//! Placing an order from the wizard: check the form against the product, price it, and in
//! one transaction store it, pay for it (unless it waits for approval or is a draft) and add
//! the domains its names need; then tell the requester and issue at once when nothing is
//! pending.

use app::model::{
    FieldErrors, Permission,
    order_status::{OrderEvent, OrderStatus},
    orders::{NameRules, OrderForm, PlacedOrder},
};

use super::{OrderError, OrderService, RESTRICTED, mails};
use crate::{
    services::{
        billing::{self, OrderCharge},
        catalog::OrderProduct,
        identity::Caller,
        validation::restricted_names,
    },
    store::{domains, orders},
};

/// The most names a private certificate may carry.
pub(super) const PRIVATE_MAX_NAMES: u32 = 100;

/// What the product allows in the names step.
pub(super) fn name_rules(p: &OrderProduct) -> NameRules {
    NameRules {
        public: p.private_ca.is_none(),
        wildcard: p.offer.kind.is_wildcard(),
        // A private template decides its names; the product's limit is for public kinds.
        max_names: if p.private_ca.is_some() {
            PRIVATE_MAX_NAMES
        } else {
            p.offer.max_domains.max(1)
        },
        multi_domain: p.offer.multi_domain,
    }
}

/// How an order by this caller for this product is submitted: approval when the caller may
/// not approve orders, or when a private product is not auto-approved.
pub(super) fn submission(
    caller: &Caller,
    product: &OrderProduct,
    draft: bool,
) -> Option<OrderEvent> {
    if draft {
        None
    } else if !caller.can(Permission::ApproveOrders)
        || (product.private_ca.is_some() && !product.auto_approve)
    {
        Some(OrderEvent::SubmitForApproval)
    } else {
        Some(OrderEvent::PlaceAndPay)
    }
}

/// The CSR's names must be the order's names: the CA certifies what was validated, nothing
/// else. (Private products take their names from the template, so only the key counts.)
pub(super) fn check_csr(csr_pem: &str, names: &[String], public: bool) -> Result<(), String> {
    let csr = crate::ca::inspect_csr(csr_pem.as_bytes())
        .map_err(|e| format!("The CSR cannot be used: {}.", e.detail))?
        .with_common_names_as_names();
    if !public {
        return Ok(());
    }
    let mut asked: Vec<&str> = csr.dns_names.iter().map(String::as_str).collect();
    let mut ordered: Vec<&str> = names.iter().map(String::as_str).collect();
    asked.sort_unstable();
    asked.dedup();
    ordered.sort_unstable();
    if asked != ordered {
        return Err(format!(
            "The CSR names {}, but the order names {}. Make a CSR for exactly the order's names.",
            asked.join(", "),
            ordered.join(", ")
        ));
    }
    Ok(())
}

impl OrderService {
    pub async fn place(
        &self,
        caller: &Caller,
        form: &OrderForm,
    ) -> Result<PlacedOrder, OrderError> {
        self.place_linked(caller, form, None, false).await
    }

    /// Places an order that costs nothing: ACME accounts made without External Account
    /// Binding order for the operator's own account, as a public ACME CA does (INT-2).
    pub async fn place_at_no_charge(
        &self,
        caller: &Caller,
        form: &OrderForm,
    ) -> Result<PlacedOrder, OrderError> {
        self.place_linked(caller, form, None, true).await
    }

    /// Places an order that came through an API rather than the portal's wizard, recording
    /// where it came from for the order list (`API`, `ACME`).
    pub async fn place_from(
        &self,
        caller: &Caller,
        form: &OrderForm,
        source: &str,
    ) -> Result<PlacedOrder, OrderError> {
        let placed = self.place_linked(caller, form, None, false).await?;
        crate::store::acme::mark_order_source(&self.store, placed.id, source).await?;
        Ok(placed)
    }

    /// Places an order, linked in the same transaction to the order it renews when
    /// `renewal_of` is given (a second renewal of one order is refused there).
    pub(super) async fn place_linked(
        &self,
        caller: &Caller,
        form: &OrderForm,
        renewal_of: Option<i32>,
        at_no_charge: bool,
    ) -> Result<PlacedOrder, OrderError> {
        if !caller.can(Permission::RequestCertificates) {
            return Err(OrderError::Forbidden(Permission::RequestCertificates));
        }
        let currency = caller.account.currency.text();
        let product = self
            .catalog
            .product_for_order(caller.account.id, form.product_id, &currency)
            .await?;
        if product.offer.kind.is_smime() {
            return Err(OrderError::Invalid(FieldErrors::single(
                "product_id",
                "Order S/MIME certificates from New S/MIME order: they name a mailbox, not domains.",
            )));
        }
        let rules = name_rules(&product);
        let valid = form.validate(rules).map_err(OrderError::Invalid)?;
        app::model::products::check_names(&product.offer, &valid.priced_names())
            .map_err(|e| OrderError::Invalid(FieldErrors::single("names", e.to_string())))?;
        let quote =
            app::model::products::quote(&product.offer, form.validity_days, valid.counted_names)
                .map_err(|e| {
                    OrderError::Invalid(FieldErrors::single("validity_days", e.to_string()))
                })?;
        if let Some(csr) = &valid.csr_pem {
            check_csr(csr, &valid.names, rules.public)
                .map_err(|e| OrderError::Invalid(FieldErrors::single("csr_pem", e)))?;
        }
        if let Some(fields) = &product.template_fields {
            super::issue::template_subject(fields, &valid.names, &form.attributes)
                .map_err(|e| OrderError::Invalid(FieldErrors::single("names", e)))?;
        }
        let restrictions = domains::restrictions(&self.store, caller.account.id).await?;
        if !restricted_names(&restrictions, &valid.names).is_empty() {
            return Err(OrderError::Refused(RESTRICTED.into()));
        }
        let group = self.paying_group(caller, form.group_id).await?;
        if rules.public {
            self.check_group_domains(&group, &valid.names).await?;
        }
        let event = submission(caller, &product, form.draft);
        let status = OrderStatus::on_submission(event).unwrap_or(OrderStatus::OnHold);

        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let tags = valid.tags.join(",");
        let attributes: Vec<String> = form
            .attributes
            .iter()
            .map(|a| a.trim().to_owned())
            .collect();
        let template_values = serde_json::to_string(&attributes).unwrap_or_else(|_| "[]".into());
        let extra_emails = valid.extra_emails.join(",");
        let new = orders::NewOrder {
            account_id: caller.account.id,
            group_id: group.id,
            placed_by: caller.user.id,
            product_id: form.product_id,
            product_name: &product.offer.name,
            product_kind: product.offer.kind.as_str(),
            profile: product.profile,
            private_ca: product.private_ca.as_deref(),
            validity_days: i32::try_from(form.validity_days).unwrap_or(i32::MAX),
            price_minor: if at_no_charge { 0 } else { quote.total_minor },
            currency: *caller.account.currency,
            status,
            csr_pem: valid.csr_pem.as_deref(),
            key_source: valid.key_source.code(),
            requester_name: &valid.requester_name,
            requester_email: &valid.requester_email,
            requester_phone: &valid.requester_phone,
            tags: &tags,
            remarks: &valid.remarks,
            tech_name: &valid.tech_name,
            tech_email: &valid.tech_email,
            extra_emails: &extra_emails,
            auto_renew: form.auto_renew,
            template_values: &template_values,
            names: &valid.names,
        };
        let order = orders::insert(&tx, new, now).await?;
        let actor = caller.user.name.clone();
        orders::add_event(&tx, order.id, &actor, "Order placed", status.label(), now).await?;
        if let Some(origin) = renewal_of {
            super::renew::link_renewal(&tx, origin, order.id, &actor, now).await?;
        }
        if let Some((name, email)) = &valid.delegate {
            crate::store::delegates::insert(&tx, order.id, name, email, now).await?;
        }
        super::audit_order(
            &tx,
            caller,
            "order_placed",
            format!(
                "Order #{} placed: {} for {} ({})",
                order.id,
                order.product_name,
                valid.names.join(", "),
                status.label()
            ),
            now,
        )
        .await?;
        if status == OrderStatus::Accepted {
            self.charge(&tx, caller, &order, group.id, now).await?;
        }
        if rules.public && status != OrderStatus::OnHold {
            self.validation
                .cover(&tx, caller.account.id, &valid.names, now)
                .await?;
        }
        let tracking_url = self.requester_link(&tx, &order).await?;
        if status != OrderStatus::OnHold {
            self.queue_tracked(&tx, &order, now, |to, link| {
                mails::confirmation(&order, &valid.names, to, link)
            })
            .await?;
        }
        tx.commit().await?;
        let status = if status == OrderStatus::Accepted {
            self.try_issue(caller.account.id, order.id, &actor).await?
        } else {
            status
        };
        Ok(PlacedOrder {
            id: order.id,
            status,
            tracking_url,
        })
    }

    /// Debits the order's price in `tx` (nothing for a free private product).
    pub(super) async fn charge(
        &self,
        tx: &crate::store::Tx,
        caller: &Caller,
        order: &crate::store::OrderRow,
        group_id: i32,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), OrderError> {
        if order.price_minor == 0 {
            return Ok(());
        }
        let memo = format!("Order #{} {}", order.id, order.product_name);
        billing::charge_order(
            tx,
            OrderCharge {
                account_id: order.account_id,
                group_id,
                order_id: order.id,
                amount_minor: order.price_minor,
                currency: order.currency.as_str(),
                memo: &memo,
            },
            Some(caller.user.id),
            now,
        )
        .await?;
        Ok(())
    }
}
