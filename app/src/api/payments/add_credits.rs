use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::model::payments::PaymentId;
use crate::{
    error::AppError,
    model::payments::{AddCreditsPage, OnlinePaymentForm},
};

/// The add-credits page, showing `payment` when it is the account's. Needs `ViewFinance`.
#[server(endpoint = "billing/add-credits")]
pub async fn add_credits_data(payment: Option<i32>) -> Result<AddCreditsPage, AppError> {
    crate::api::call(|backend, meta| async move {
        backend
            .payments
            .add_credits_page(&meta, payment.map(PaymentId))
            .await
    })
    .await
}

/// Starts an online payment and sends the browser to the provider. Needs `AllocateCredits`.
#[server(endpoint = "billing/pay")]
pub async fn pay_online(#[server(flatten)] form: OnlinePaymentForm) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        let (id, to) = backend.payments.start_online_payment(&meta, form).await?;
        leptos_axum::redirect(&after_pay(
            crate::api::context::is_plain_form_post(),
            id,
            &to,
        ));
        Ok(())
    })
    .await
}

/// Where Pay sends the browser. The Pay form is not an island, so the browser always posts it
/// as a plain form and follows the redirect, and it refuses a redirect that takes a form to
/// another site (`form-action 'self'`): that one goes to the payment's page, whose "Continue to
/// the payment page" is a link.
#[cfg(feature = "ssr")]
fn after_pay(plain_form_post: bool, payment: PaymentId, to: &str) -> String {
    if plain_form_post && !to.starts_with('/') {
        format!("/billing/add-credits?payment={}", payment.0)
    } else {
        to.to_owned()
    }
}

/// Asks the provider about a payment and credits what it reports paid. Needs `ViewFinance`.
#[server(endpoint = "billing/recheck")]
pub async fn recheck_payment(payment: i32) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        backend
            .payments
            .recheck_payment(&meta, PaymentId(payment))
            .await?;
        leptos_axum::redirect(&format!(
            "/billing/add-credits?payment={payment}&rechecked=1"
        ));
        Ok(())
    })
    .await
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::{PaymentId, after_pay};

    #[test]
    fn a_plain_form_goes_to_the_payments_page_not_across_sites() {
        let stripe = "https://checkout.stripe.com/c/pay/cs_test_a1#fid";
        assert_eq!(after_pay(false, PaymentId(7), stripe), stripe);
        assert_eq!(
            after_pay(true, PaymentId(7), stripe),
            "/billing/add-credits?payment=7"
        );
        // A provider whose checkout is a form already lands on the payment's page.
        let page = "/billing/add-credits?payment=8";
        assert_eq!(after_pay(true, PaymentId(8), page), page);
        assert_eq!(after_pay(false, PaymentId(8), page), page);
    }
}
