//! Adding and removing names of a UCC certificate (ORD-8): the new list and a CSR for exactly
//! those names make a new order linked to the original. It is paid for the names it adds at
//! the product's price per extra domain (removed names are not refunded), its new names are
//! validated like any order's, and it ends when the original certificate ends.

use app::i18n::Msg;
use app::model::Permission;
use app::model::{
    FieldErrors, billing::format_money, money::Money, order_actions::ChangeNames,
    orders::PlacedOrder,
};

use super::{
    OrderError, OrderService, certificate::CertificateAction, certificate::may_manage,
    linked_order::LinkedOrder, mails, place::check_csr,
};
use crate::{
    services::{catalog::OrderProduct, identity::Caller, validation::restricted_names},
    store::{OrderRow, domains, group_members, order_links, orders},
};

/// One added name costs the product's price per extra domain at the order's validity.
fn per_added_name(product: &OrderProduct, validity_days: i32) -> Option<i64> {
    product
        .offer
        .prices
        .iter()
        .find(|p| p.validity_days == i64::from(validity_days))
        .map(|p| p.per_extra_domain_minor)
}

impl OrderService {
    /// What the order page shows beside the form; `None` when the product is gone or has no
    /// price for the order's validity any more.
    pub(super) async fn price_per_added_name(&self, o: &OrderRow) -> Option<Money> {
        let product = self
            .catalog
            .product_for_order(o.account_id, o.product_id, o.currency.as_str())
            .await
            .ok()?;
        per_added_name(&product, o.validity_days).map(|m| Money::new(m, *o.currency))
    }

    pub async fn change_names(
        &self,
        caller: &Caller,
        command: &ChangeNames,
    ) -> Result<PlacedOrder, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let original = self.visible(caller, command.order_id).await?;
        may_manage(caller, &original)?;
        let product = self
            .catalog
            .product_for_order(
                original.account_id,
                original.product_id,
                original.currency.as_str(),
            )
            .await?;
        if !product.offer.multi_domain || original.private_ca.is_some() {
            return Err(OrderError::Refused(Msg::new(
                "err-only-ucc-certificate-s-names",
            )));
        }
        let valid = command
            .validate(product.offer.max_domains)
            .map_err(OrderError::Invalid)?;
        let cert = self
            .live_certificate(&original, CertificateAction::ChangeNames)
            .await?;
        let old = orders::names(&self.store, original.id).await?;
        let added: Vec<&String> = valid.names.iter().filter(|n| !old.contains(n)).collect();
        let removed = old.iter().filter(|n| !valid.names.contains(n)).count();
        if added.is_empty() && removed == 0 {
            return Err(OrderError::Invalid(FieldErrors::single(
                "names",
                Msg::new("err-these-certificate-s-names-already"),
            )));
        }
        check_csr(&valid.csr_pem, &valid.names, true)
            .map_err(|e| OrderError::Invalid(FieldErrors::single("csr_pem", e)))?;
        let restrictions = domains::restrictions(&self.store, original.account_id).await?;
        if !restricted_names(&restrictions, &valid.names).is_empty() {
            return Err(OrderError::Refused(super::restricted()));
        }
        let group =
            group_members::group_of_account(&self.store, original.account_id, original.group_id)
                .await?
                .ok_or(OrderError::NotFound)?;
        self.check_group_domains(&group, &valid.names).await?;
        let per_name = per_added_name(&product, original.validity_days).ok_or_else(|| {
            OrderError::Refused(
                Msg::new("err-product-has-no-price-original")
                    .arg("original", original.validity_days),
            )
        })?;
        let added_count = i64::try_from(added.len()).unwrap_or(i64::MAX);
        let price_minor = per_name.saturating_mul(added_count);

        let now = self.clock.now();
        let summary = format!(
            "{}: {} added, {removed} removed",
            valid.reason,
            if added.is_empty() {
                "none".to_owned()
            } else {
                added
                    .iter()
                    .map(|n| n.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        );
        let remarks = if valid.remarks.is_empty() {
            format!("Names changed on order #{}: {summary}", original.id)
        } else {
            valid.remarks.clone()
        };
        let tx = self.store.begin().await?;
        let (order, token) = self
            .insert_linked(
                &tx,
                caller,
                &original,
                &cert,
                LinkedOrder {
                    csr_pem: &valid.csr_pem,
                    names: &valid.names,
                    price_minor,
                    remarks: &remarks,
                },
                now,
            )
            .await?;
        self.charge(&tx, caller, &order, original.group_id, now)
            .await?;
        order_links::insert(
            &tx,
            order.id,
            original.id,
            app::model::order_actions::OrderLinkKind::Names,
            &summary,
            now,
        )
        .await?;
        let actor = caller.user.name.clone();
        orders::add_event(
            &tx,
            order.id,
            &actor,
            "Order placed",
            &format!(
                "Names changed from order #{} ({summary}); {} paid",
                original.id,
                format_money(price_minor, original.currency.as_str())
            ),
            now,
        )
        .await?;
        orders::add_event(
            &tx,
            original.id,
            &actor,
            "Names change requested",
            &format!("Order #{} ({summary})", order.id),
            now,
        )
        .await?;
        super::audit_order(
            &tx,
            caller,
            "order_names_changed",
            format!(
                "Order #{} changed names as order #{}: {summary}",
                original.id, order.id
            ),
            now,
        )
        .await?;
        self.validation
            .cover(&tx, original.account_id, &valid.names, now)
            .await?;
        let lang = super::mail_lang::order_lang(&tx, &original).await?;
        let mail = mails::names_changed(lang, &original, order.id, &summary);
        mails::queue_all(&tx, &original, &mail, now).await?;
        self.commit_and_send(tx).await?;
        let status = self.try_issue(order.account_id, order.id, &actor).await?;
        Ok(PlacedOrder {
            id: order.id,
            status,
            tracking_url: self.tracking_url(&token),
        })
    }
}
