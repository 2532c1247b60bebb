//! Server functions of a partner's sub-accounts and price lists (ID-11, FIN-4).

use leptos::prelude::*;

use crate::{
    error::AppError,
    model::sub_accounts::{ListPriceForm, PriceListView, SubAccountForm, SubAccountsPage},
};

/// The sub-accounts page's path.
pub const SUB_ACCOUNTS_PATH: &str = "/sub-accounts";

/// A price list's page.
pub fn price_list_page(id: i32) -> String {
    format!("/sub-accounts/price-lists/{id}")
}

/// The partner's sub-accounts, price lists and the orders waiting for it.
#[server(endpoint = "sub-accounts/page")]
pub async fn sub_accounts_overview() -> Result<SubAccountsPage, AppError> {
    crate::api::call(|backend, meta| async move { backend.partners.page(&meta).await }).await
}

/// Opens a sub-account; its administrator is mailed the activation link. Needs
/// `CreateSubAccounts`. The form's fields arrive under their own names.
#[server(endpoint = "sub-accounts/create")]
pub async fn sub_account_create(#[server(flatten)] form: SubAccountForm) -> Result<(), AppError> {
    let kept = form.clone();
    let result = crate::api::call(|backend, meta| async move {
        backend.partners.create(&meta, form).await?;
        leptos_axum::redirect(&format!("{SUB_ACCOUNTS_PATH}?created=1"));
        Ok(())
    })
    .await;
    let approval = if kept.parent_approval { "yes" } else { "" };
    crate::api::refill::keep_if_refused(
        result,
        SUB_ACCOUNTS_PATH,
        &[
            ("organization", kept.organization.as_str()),
            ("country", kept.country.as_str()),
            ("currency", kept.currency.as_str()),
            ("admin_name", kept.admin_name.as_str()),
            ("admin_email", kept.admin_email.as_str()),
            ("price_list_id", kept.price_list_id.as_str()),
            ("group_id", kept.group_id.as_str()),
            ("parent_approval", approval),
        ],
    )
}

/// Suspends (`action` = `suspend`) or reactivates (`reactivate`) a sub-account. Needs
/// `CreateSubAccounts`.
#[server(endpoint = "sub-accounts/status")]
pub async fn sub_account_status(sub_account_id: i32, action: String) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        let suspend = match action.as_str() {
            "suspend" => true,
            "reactivate" => false,
            _ => {
                return Err(AppError::Validation(crate::model::FieldErrors::single(
                    "action",
                    crate::i18n::Msg::new("err-choose-suspend-reactivate"),
                )));
            }
        };
        backend
            .partners
            .set_suspended(&meta, sub_account_id, suspend)
            .await?;
        let done = if suspend { "suspended" } else { "reactivated" };
        leptos_axum::redirect(&format!("{SUB_ACCOUNTS_PATH}?{done}=1"));
        Ok(())
    })
    .await
}

/// A new price list; the browser goes on to its page.
#[server(endpoint = "sub-accounts/price-list-create")]
pub async fn price_list_create(name: String) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        let id = backend.partners.create_price_list(&meta, name).await?;
        leptos_axum::redirect(&price_list_page(id));
        Ok(())
    })
    .await
}

/// A price list with every price that may be set in it.
#[server(endpoint = "sub-accounts/price-list")]
pub async fn price_list(list_id: i32) -> Result<PriceListView, AppError> {
    crate::api::call(
        |backend, meta| async move { backend.partners.price_list(&meta, list_id).await },
    )
    .await
}

/// Sets one price of a list.
#[server(endpoint = "sub-accounts/price-list-set")]
pub async fn price_list_set(
    list_id: i32,
    #[server(flatten)] form: ListPriceForm,
) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        backend
            .partners
            .set_list_price(&meta, list_id, form)
            .await?;
        leptos_axum::redirect(&format!("{}?saved=1", price_list_page(list_id)));
        Ok(())
    })
    .await
}

/// Puts a sub-account on a price list (`price_list_id` empty: the operator's prices).
#[server(endpoint = "sub-accounts/price-list-assign")]
pub async fn price_list_assign(sub_account_id: i32, price_list_id: String) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        let list = match price_list_id.trim() {
            "" => None,
            id => Some(id.parse::<i32>().map_err(|_| {
                AppError::Validation(crate::model::FieldErrors::single(
                    "price_list_id",
                    crate::i18n::Msg::new("err-choose-price-list"),
                ))
            })?),
        };
        backend
            .partners
            .assign_price_list(&meta, sub_account_id, list)
            .await?;
        leptos_axum::redirect(&format!("{SUB_ACCOUNTS_PATH}?assigned=1"));
        Ok(())
    })
    .await
}

/// The partner approves (`answer` = `approve`: pays the partner price) or rejects (`reject`,
/// with a reason) a sub-account's order waiting for it.
#[server(endpoint = "sub-accounts/order-answer")]
pub async fn sub_account_order_answer(
    order_id: i32,
    answer: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        let approve = match answer.as_str() {
            "approve" => true,
            "reject" => false,
            _ => {
                return Err(AppError::Validation(crate::model::FieldErrors::single(
                    "answer",
                    crate::i18n::Msg::new("err-choose-approve-reject"),
                )));
            }
        };
        backend
            .partners
            .answer_order(&meta, order_id, approve, reason)
            .await?;
        leptos_axum::redirect(&format!("{SUB_ACCOUNTS_PATH}?{answer}d=1#waiting"));
        Ok(())
    })
    .await
}

/// Orders for a sub-account: the caller joins it as a Sub Account User (once) and their session
/// moves there, on the order form. Needs `ManageSubAccounts` and `RequestCertificates`.
#[server(endpoint = "sub-accounts/act-for")]
pub async fn sub_account_act_for(sub_account_id: i32) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        backend.partners.act_for(&meta, sub_account_id).await?;
        let owed = backend
            .identity
            .switch_account(&meta, sub_account_id)
            .await?;
        leptos_axum::redirect(match owed {
            Some(crate::ports::SecondFactorStep::Enrol) => "/sign-in/two-factor/enrol",
            Some(crate::ports::SecondFactorStep::Code) => "/sign-in/two-factor",
            None => "/orders/new",
        });
        Ok(())
    })
    .await
}

/// The order wizard's "Order for" choice: the session moves to the partner or to one of the
/// sub-accounts the caller looks after, and the wizard opens again there. Without script it is
/// a plain form post.
#[server(endpoint = "orders/order-for")]
pub async fn order_for(account_id: i32) -> Result<(), AppError> {
    crate::api::call(|backend, meta| async move {
        let owed = backend.partners.order_for(&meta, account_id).await?;
        leptos_axum::redirect(match owed {
            Some(crate::ports::SecondFactorStep::Enrol) => "/sign-in/two-factor/enrol",
            Some(crate::ports::SecondFactorStep::Code) => "/sign-in/two-factor",
            None => "/orders/new",
        });
        Ok(())
    })
    .await
}
