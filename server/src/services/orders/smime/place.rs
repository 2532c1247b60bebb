//! Placing an S/MIME order (emSign's S/MIME ordering): the product and validity, the
//! requester, the certificate's address (or "same as requester", or later) and the CSR (now or
//! at activation). Paid from the ledger at once, or sent for approval, like any order; once
//! paid with an address, the mailbox's verification starts.

use app::i18n::Msg;
use app::model::{
    FieldErrors, Permission,
    order_form_post::FormToken,
    order_status::{OrderEvent, OrderStatus},
    products::quote,
    smime::SmimeOrderForm,
};

use super::{activate::check_mailbox_csr, mails};
use crate::{
    services::{
        identity::Caller,
        notifications,
        orders::{OrderError, OrderService, audit_order, wizard::order_form_owner},
    },
    store::{StoreError, order_forms, orders, smime as mailboxes},
};

impl OrderService {
    /// The new order's id.
    pub async fn smime_place(
        &self,
        caller: &Caller,
        form: &SmimeOrderForm,
    ) -> Result<i32, OrderError> {
        self.smime_place_with(caller, form, None).await
    }

    /// [`Self::smime_place`] under the page's one-use `token`, when there is one: the first
    /// post places the order and every later post of the token (a double click, a retry)
    /// finds that order instead of placing and charging a second one.
    pub async fn smime_place_with(
        &self,
        caller: &Caller,
        form: &SmimeOrderForm,
        token: Option<&FormToken>,
    ) -> Result<i32, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let owner = order_form_owner(caller);
        if let Some(token) = token
            && let Some(row) = order_forms::find(&self.store, token.as_str(), owner).await?
            && let Some(id) = row.order_id
        {
            return Ok(id);
        }
        let currency = caller.account.currency.text();
        let product = self
            .catalog
            .product_for_order(caller.account.id, form.product_id, &currency)
            .await?;
        if !product.offer.kind.is_smime() {
            return Err(OrderError::Invalid(FieldErrors::single(
                "product_id",
                Msg::new("err-not-s-mime-product-order"),
            )));
        }
        self.check_issuable(&product).await?;
        let valid = form.validate().map_err(OrderError::Invalid)?;
        let price = quote(&product.offer, form.validity_days, 1)
            .map_err(|e| OrderError::Invalid(FieldErrors::single("validity_days", e.msg())))?;
        if let (Some(csr), Some(email)) = (&valid.csr_pem, &valid.certificate_email) {
            check_mailbox_csr(csr, email)
                .map_err(|e| OrderError::Invalid(FieldErrors::single("csr_pem", e)))?;
        }
        let group = self.paying_group(caller, 0).await?;
        let event = if caller.can(Permission::ApproveOrders) {
            OrderEvent::PlaceAndPay
        } else {
            OrderEvent::SubmitForApproval
        };
        let status = OrderStatus::on_submission(Some(event)).unwrap_or(OrderStatus::OnHold);

        let names: Vec<String> = valid.certificate_email.iter().cloned().collect();
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        if let Some(token) = token {
            // Two posts at once take turns on the token's row; the second finds the first's order.
            let placed = order_forms::lock(&tx, token.as_str(), owner, now)
                .await
                .map_err(|e| match e {
                    StoreError::NotInAccount => OrderError::NotFound,
                    other => other.into(),
                })?;
            if let Some(id) = placed {
                tx.rollback().await?;
                return Ok(id);
            }
        }
        let order = orders::insert(
            &tx,
            orders::NewOrder {
                account_id: caller.account.id,
                group_id: group.id,
                placed_by: caller.user.id,
                product_id: form.product_id,
                product_name: &product.offer.name,
                product_kind: product.offer.kind,
                profile: product.profile,
                private_ca: None,
                validity_days: i32::try_from(form.validity_days).unwrap_or(i32::MAX),
                price_minor: price.total_minor,
                currency: *caller.account.currency,
                status,
                csr_pem: valid.csr_pem.as_deref(),
                key_source: valid.key_source,
                requester_name: &valid.requester_name,
                requester_email: &valid.requester_email,
                requester_phone: &valid.requester_phone,
                tags: "",
                remarks: &valid.remarks,
                tech_name: "",
                tech_email: "",
                extra_emails: "",
                auto_renew: false,
                template_values: "[]",
                names: &names,
                source: app::model::orders::OrderSource::Portal,
                organization_id: None,
            },
            now,
        )
        .await?;
        mailboxes::insert(
            &tx,
            caller.account.id,
            order.id,
            valid.certificate_email.as_deref(),
            now,
        )
        .await?;
        let actor = caller.user.name.clone();
        orders::add_event(&tx, order.id, &actor, "Order placed", status.label(), now).await?;
        audit_order(
            &tx,
            caller,
            "order_placed",
            format!(
                "Order #{} placed: {} for {} ({})",
                order.id,
                order.product_name,
                valid
                    .certificate_email
                    .as_deref()
                    .unwrap_or("an address to be provided"),
                status.label()
            ),
            now,
        )
        .await?;
        if status == OrderStatus::Accepted {
            self.charge(&tx, caller, &order, group.id, now).await?;
            if let Some(email) = &valid.certificate_email {
                self.verify_or_send(&tx, &order, email, now).await?;
            }
        }
        if status == OrderStatus::PendingApproval {
            self.notify_approvers(&tx, &order, &names, now).await?;
        }
        let page = self.smime_page(order.id);
        let lang = super::super::mail_lang::order_lang(&tx, &order).await?;
        notifications::queue(
            &tx,
            &mails::confirmation(lang, &order, valid.certificate_email.as_deref(), &page),
            now,
        )
        .await?;
        if let Some(token) = token {
            order_forms::placed(&tx, token.as_str(), order.id, now).await?;
        }
        self.commit_and_send(tx).await?;
        Ok(order.id)
    }

    /// The order's S/MIME page in the portal.
    pub(super) fn smime_page(&self, order_id: i32) -> String {
        format!("{}/orders/{order_id}/smime", self.public_url)
    }
}
