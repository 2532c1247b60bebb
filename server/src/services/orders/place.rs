//! Placing an order from the wizard: check the form against the product, price it, and in
//! one transaction store it, pay for it (unless it waits for approval or is a draft) and add
//! the domains its names need; then tell the requester and issue at once when nothing is
//! pending.

use app::i18n::Msg;
use app::model::{
    FieldErrors, Permission,
    order_form_post::FormToken,
    order_status::{OrderEvent, OrderStatus},
    orders::{NameRules, OrderSource, PlaceOrder, PlacedOrder, ValidOrder},
};

use super::{OrderError, OrderService, mails, restricted};
use crate::{
    services::{
        billing::{self, OrderCharge},
        catalog::OrderProduct,
        identity::Caller,
        validation::restricted_names,
    },
    store::{GroupRow, StoreError, Tx, domains, order_forms, orders},
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
        organization: p.offer.kind.vetting_level(),
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

/// Reads a CSR given as text, once, and applies the names rule: its names must be the order's
/// names, as the CA certifies what was validated, nothing else. (Private products take their
/// names from the template, so only the key counts.) The checked request is what goes on.
pub(super) fn check_csr(
    csr_pem: &str,
    names: &[String],
    public: bool,
) -> Result<crate::ca::CheckedCsr, Msg> {
    let csr = crate::ca::inspect_csr(csr_pem.as_bytes()).map_err(|e| unusable_csr(&e))?;
    if public {
        csr.names_match(names).map_err(|m| names_differ(&m))?;
    }
    Ok(csr)
}

/// Why a CSR that does not read cannot be used, for the requester.
pub(super) fn unusable_csr(e: &crate::ca::CsrRefusal) -> Msg {
    Msg::new("err-csr-cannot-be-used").arg("detail", &e.detail)
}

/// The names rule's refusal, for the requester.
pub(super) fn names_differ(m: &crate::ca::NamesMismatch) -> Msg {
    Msg::new("err-csr-names-differ")
        .arg("asked", m.asked.join(", "))
        .arg("ordered", m.ordered.join(", "))
}

/// The refusal of an order whose CA does not exist, for the customer.
pub(super) fn cannot_issue_yet(ca: &str) -> Msg {
    Msg::new("err-cannot-issue-yet").arg("ca", ca)
}

/// An order that passed every check and waits to be stored: what `place` decided before
/// its transaction, so a caller with a transaction of its own (ACME new-order) can store it
/// together with its own rows.
pub(crate) struct CheckedOrder<'f> {
    form: &'f PlaceOrder,
    product: OrderProduct,
    valid: ValidOrder,
    group: GroupRow,
    status: OrderStatus,
    public: bool,
    price_minor: i64,
    /// A sub-account's public order: the partner and what it pays the operator.
    partner: Option<PartnerPrice>,
}

/// What a partner pays the operator for its sub-account's order.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PartnerPrice {
    pub account_id: i32,
    pub price_minor: i64,
}

/// An order stored in a transaction that has not committed yet; `OrderService::placed`
/// finishes it once the transaction has.
pub(crate) struct StoredOrder {
    pub id: i32,
    pub account_id: i32,
    pub status: OrderStatus,
    pub tracking_url: String,
    actor: String,
}

impl OrderService {
    pub async fn place(
        &self,
        caller: &Caller,
        form: &PlaceOrder,
    ) -> Result<PlacedOrder, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        self.place_linked(caller, form, None, false, OrderSource::Portal)
            .await
    }

    /// Places the wizard's order under its page's one-use `token`: the first post places it,
    /// and every later post of the same token (a double click, a retry, the page opened again
    /// with Back) finds that order instead of placing and charging a second one. Two posts at
    /// once take turns on the token's row.
    pub async fn place_once(
        &self,
        caller: &Caller,
        form: &PlaceOrder,
        token: &FormToken,
    ) -> Result<PlacedOrder, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let owner = super::wizard::order_form_owner(caller);
        let earlier = order_forms::find(&self.store, token.as_str(), owner).await?;
        if let Some(id) = earlier.and_then(|row| row.order_id) {
            return self.placed_before(caller, id).await;
        }
        let checked = self.check_order(caller, form, false).await?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let placed_by_now = order_forms::lock(&tx, token.as_str(), owner, now)
            .await
            .map_err(|e| match e {
                StoreError::NotInAccount => OrderError::NotFound,
                other => other.into(),
            })?;
        if let Some(id) = placed_by_now {
            tx.rollback().await?;
            return self.placed_before(caller, id).await;
        }
        let stored = self
            .store_order(&tx, caller, checked, None, OrderSource::Portal)
            .await?;
        order_forms::placed(&tx, token.as_str(), stored.id, now).await?;
        tx.commit().await?;
        self.placed(stored).await
    }

    /// The order a form token placed earlier, as placing it answered.
    async fn placed_before(&self, caller: &Caller, id: i32) -> Result<PlacedOrder, OrderError> {
        let order = orders::get(&self.store, caller.account.id, id)
            .await?
            .ok_or(OrderError::NotFound)?;
        let tracking_url = self.requester_link(&self.store, &order).await?;
        Ok(PlacedOrder {
            id: order.id,
            status: order.status.0,
            tracking_url,
        })
    }

    /// Places an order that came through an API rather than the portal's wizard, recording
    /// where it came from for the order list (`API`, `ACME`).
    pub async fn place_from(
        &self,
        caller: &Caller,
        form: &PlaceOrder,
        source: OrderSource,
    ) -> Result<PlacedOrder, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        self.place_linked(caller, form, None, false, source).await
    }

    /// Places an order, linked in the same transaction to the order it renews when
    /// `renewal_of` is given (a second renewal of one order is refused there).
    pub(super) async fn place_linked(
        &self,
        caller: &Caller,
        form: &PlaceOrder,
        renewal_of: Option<i32>,
        at_no_charge: bool,
        source: OrderSource,
    ) -> Result<PlacedOrder, OrderError> {
        let checked = self.check_order(caller, form, at_no_charge).await?;
        let tx = self.store.begin().await?;
        let stored = self
            .store_order(&tx, caller, checked, renewal_of, source)
            .await?;
        tx.commit().await?;
        self.placed(stored).await
    }

    /// Every check of an order before anything is stored: the product, the form, the price,
    /// the CSR, restricted names and the paying group. `at_no_charge` is for ACME accounts
    /// made without External Account Binding, which order for the operator's own account
    /// as a public ACME CA does (INT-2).
    pub(crate) async fn check_order<'f>(
        &self,
        caller: &Caller,
        form: &'f PlaceOrder,
        at_no_charge: bool,
    ) -> Result<CheckedOrder<'f>, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let currency = caller.account.currency.text();
        let product = self
            .catalog
            .product_for_order(caller.account.id, form.product_id, &currency)
            .await?;
        if product.offer.kind.is_smime() {
            return Err(OrderError::Invalid(FieldErrors::single(
                "product_id",
                Msg::new("err-order-s-mime-certificates-new"),
            )));
        }
        self.check_issuable(&product).await?;
        let rules = name_rules(&product);
        let valid = form.validate(rules).map_err(OrderError::Invalid)?;
        app::model::products::check_names(&product.offer, &valid.priced_names())
            .map_err(|e| OrderError::Invalid(FieldErrors::single("names", e.msg())))?;
        let quote =
            app::model::products::quote(&product.offer, form.validity_days, valid.counted_names)
                .map_err(|e| OrderError::Invalid(FieldErrors::single("validity_days", e.msg())))?;
        if let Some(csr) = &valid.csr_pem {
            check_csr(csr, &valid.names, rules.public)
                .map_err(|e| OrderError::Invalid(FieldErrors::single("csr_pem", e)))?;
        }
        if let Some(fields) = &product.template_fields {
            super::issue::template_subject(fields, &valid.names, &form.attributes)
                .map_err(|e| OrderError::Invalid(FieldErrors::single("names", e)))?;
        }
        if let (Some(level), Some(id)) = (product.offer.kind.vetting_level(), valid.organization_id)
            && let super::organization::Readiness::Refused(why) = self
                .organization_readiness(caller.account.id.into(), id, level)
                .await?
        {
            return Err(OrderError::Invalid(FieldErrors::single(
                "organization_id",
                why,
            )));
        }
        let restrictions = domains::restrictions(&self.store, caller.account.id).await?;
        if !restricted_names(&restrictions, &valid.names).is_empty() {
            return Err(OrderError::Refused(restricted()));
        }
        let group = self
            .paying_group(caller, form.group_id.unwrap_or(0))
            .await?;
        if rules.public {
            self.check_group_domains(&group, &valid.names).await?;
        }
        if let Some(organization) = valid.organization_id {
            self.check_group_organization(&group, organization).await?;
        }
        let partner = if rules.public && !at_no_charge {
            self.partner_price(caller, &product, form.validity_days, valid.counted_names)
                .await?
        } else {
            None
        };
        let mut event = submission(caller, &product, form.draft);
        if partner.is_some() && event.is_some() {
            // The partner's own staff order for the sub-account: the partner pays at once.
            // Anyone else's order waits for the partner when the partner approves its orders.
            if caller.role == app::model::Role::SubAccountUser {
                event = Some(OrderEvent::PlaceAndPay);
            } else if caller.account.parent_approval {
                event = Some(OrderEvent::SubmitForParentApproval);
            }
        }
        let status = OrderStatus::on_submission(event).unwrap_or(OrderStatus::OnHold);
        Ok(CheckedOrder {
            form,
            product,
            valid,
            group,
            status,
            public: rules.public,
            price_minor: if at_no_charge { 0 } else { quote.total_minor },
            partner,
        })
    }

    /// For a sub-account's order, what its partner pays the operator: the operator's price for
    /// the partner, in the partner's currency, for the same product, validity and names.
    async fn partner_price(
        &self,
        caller: &Caller,
        product: &OrderProduct,
        validity_days: i64,
        counted_names: u32,
    ) -> Result<Option<PartnerPrice>, OrderError> {
        let Some(partner_id) = caller.account.parent_account_id else {
            return Ok(None);
        };
        let partner = crate::store::accounts::find(&self.store, partner_id)
            .await?
            .ok_or(OrderError::NotFound)?;
        let refused = || {
            OrderError::Refused(
                Msg::new("err-partner-cannot-price")
                    .arg("product", product.offer.name.clone())
                    .arg("partner", partner.name.clone()),
            )
        };
        let offer = match self
            .catalog
            .product_for_order(partner.id, product.offer.id, partner.currency.as_str())
            .await
        {
            Ok(p) => p.offer,
            Err(crate::services::catalog::CatalogError::NotOffered(_)) => return Err(refused()),
            Err(e) => return Err(e.into()),
        };
        let quote = app::model::products::quote(&offer, validity_days, counted_names)
            .map_err(|_| refused())?;
        Ok(Some(PartnerPrice {
            account_id: partner.id,
            price_minor: quote.total_minor,
        }))
    }

    /// Refuses a product whose CA has not been created: the order could be paid and
    /// validated but never issued.
    pub(super) async fn check_issuable(&self, product: &OrderProduct) -> Result<(), OrderError> {
        match self
            .authority
            .can_issue(product.profile, product.private_ca.as_deref())
            .await
        {
            Ok(()) => Ok(()),
            Err(crate::ca::CaError::NotCreated { name }) => {
                Err(OrderError::Refused(if product.private_ca.is_some() {
                    Msg::new("err-private-ca-missing").arg("ca", &name)
                } else {
                    cannot_issue_yet(&name)
                }))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Stores a checked order in `tx`: the order with its source, its history, the link to
    /// the order it renews, its delegate, the audit entry, the charge, the domains its names
    /// need and the confirmation mail. Nothing here reads outside `tx`.
    pub(crate) async fn store_order(
        &self,
        tx: &Tx,
        caller: &Caller,
        checked: CheckedOrder<'_>,
        renewal_of: Option<i32>,
        source: OrderSource,
    ) -> Result<StoredOrder, OrderError> {
        let CheckedOrder {
            form,
            product,
            valid,
            group,
            status,
            public,
            price_minor,
            partner,
        } = checked;
        let now = self.clock.now();
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
            product_kind: product.offer.kind,
            profile: product.profile,
            private_ca: product.private_ca.as_deref(),
            validity_days: i32::try_from(form.validity_days).unwrap_or(i32::MAX),
            price_minor,
            currency: *caller.account.currency,
            status,
            csr_pem: valid.csr_pem.as_deref(),
            key_source: valid.key_source,
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
            source,
            organization_id: valid.organization_id,
        };
        // The paying group is locked before anything else here: the order's row refers to it
        // (on PostgreSQL a key-share lock on the group) and the audit entry takes the audit
        // chain's lock, and the charge then wants the group exclusively. Taken in that order,
        // two orders of one group at once each held what the other waited for (a deadlock
        // PostgreSQL broke by failing one); taken first, they take turns.
        crate::store::ledger::lock_group(tx, caller.account.id, group.id).await?;
        let mut order = orders::insert(tx, new, now).await?;
        if let Some(p) = partner {
            orders::partner::set_partner_price(tx, order.id, p.account_id, p.price_minor).await?;
            order.partner_account_id = Some(p.account_id);
            order.partner_price_minor = Some(p.price_minor);
        }
        if let Some(who) = &valid.signatories {
            self.add_ev_steps(tx, &order, who, now).await?;
        }
        let actor = caller.user.name.clone();
        orders::add_event(tx, order.id, &actor, "Order placed", status.label(), now).await?;
        if let Some(origin) = renewal_of {
            super::renew::link_renewal(tx, origin, order.id, &actor, now).await?;
        }
        if let Some((name, email)) = &valid.delegate {
            crate::store::delegates::insert(tx, order.id, name, email, now).await?;
        }
        super::audit_order(
            tx,
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
            self.charge(tx, caller, &order, group.id, now).await?;
        }
        if status == OrderStatus::PendingApproval {
            self.notify_approvers(tx, &order, &valid.names, now).await?;
        }
        if let (OrderStatus::PendingParentApproval, Some(p)) = (status, partner) {
            self.notify_partner(tx, p.account_id, &order, &valid.names, now)
                .await?;
        }
        if public && status != OrderStatus::OnHold {
            self.validation
                .cover(tx, caller.account.id, &valid.names, now)
                .await?;
        }
        let tracking_url = self.requester_link(tx, &order).await?;
        if status != OrderStatus::OnHold {
            let lang = super::mail_lang::order_lang(tx, &order).await?;
            self.queue_tracked(tx, &order, now, |to, link| {
                mails::confirmation(lang, &order, &valid.names, to, link)
            })
            .await?;
        }
        Ok(StoredOrder {
            id: order.id,
            account_id: order.account_id,
            status,
            tracking_url,
            actor,
        })
    }

    /// After the order's transaction committed: issues at once when nothing is pending.
    pub(crate) async fn placed(&self, stored: StoredOrder) -> Result<PlacedOrder, OrderError> {
        // The order's confirmation (and the approvers' notice) are committed: send them now.
        self.send_queued_mail();
        let status = if stored.status == OrderStatus::Accepted {
            self.try_issue(stored.account_id, stored.id, &stored.actor)
                .await?
        } else {
            stored.status
        };
        Ok(PlacedOrder {
            id: stored.id,
            status,
            tracking_url: stored.tracking_url,
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
        // A paid EV order asks its requester, signer and approver now.
        self.send_ev_links(tx, order, now).await?;
        if let (Some(partner), Some(price)) = (order.partner_account_id, order.partner_price_minor)
        {
            return self
                .charge_partner(tx, caller, order, partner, price, now)
                .await;
        }
        if order.price_minor == 0 {
            return Ok(());
        }
        let memo = format!("Order #{} {}", order.id, order.product_name);
        billing::charge_with_invoice(
            tx,
            OrderCharge {
                account_id: order.account_id,
                group_id,
                order_id: order.id,
                amount_minor: order.price_minor,
                currency: order.currency.as_str(),
                memo: &memo,
                portal: &self.public_url,
            },
            self.gst.as_ref(),
            Some(caller.user.id),
            now,
        )
        .await?;
        Ok(())
    }
}

impl OrderService {
    /// A sub-account's order is paid by its partner: the partner's price from the partner's
    /// balance (its default group's finance mode decides which balance), recorded against the
    /// sub-account's order so a refund finds it.
    async fn charge_partner(
        &self,
        tx: &crate::store::Tx,
        caller: &Caller,
        order: &crate::store::OrderRow,
        partner_id: i32,
        price_minor: i64,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), OrderError> {
        if price_minor == 0 {
            return Ok(());
        }
        let partner = crate::store::accounts::find(tx, partner_id)
            .await?
            .ok_or(OrderError::NotFound)?;
        let group = crate::store::groups::for_account(tx, partner_id)
            .await?
            .into_iter()
            .find(|g| g.is_default)
            .ok_or(OrderError::NotFound)?;
        let memo = format!("Order #{} {} (sub-account)", order.id, order.product_name);
        billing::charge_with_invoice(
            tx,
            OrderCharge {
                account_id: partner_id,
                group_id: group.id,
                order_id: order.id,
                amount_minor: price_minor,
                currency: partner.currency.as_str(),
                memo: &memo,
                portal: &self.public_url,
            },
            self.gst.as_ref(),
            Some(caller.user.id),
            now,
        )
        .await?;
        Ok(())
    }
}
