//! Settings > Low balance alerts (SET-1 / FIN-5; seeds: "Send Low Account Balance Alerts",
//! "Notification Email IDs", "Threshold Amount"): an alert on the account's balance and one on
//! each group's that pays from its own balance. Plain forms: they work without script.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::{t, t_args};
use crate::{
    api::{
        billing::{LowBalanceAlertRemove, LowBalanceAlertSet, low_balance_settings},
        refill,
    },
    components::{
        badge::{Badge, Tone},
        field::Field,
        form_alert::{FormAlert, Notice},
        form_card::{field_error, form_level},
        loaded::Loaded,
        portal::Portal,
        textarea_text::textarea_text,
    },
    error::AppError,
    model::{
        Currency, Permission,
        billing::minor_text,
        low_balance::{AlertSetting, AlertedBalance, LowBalanceAlerts, SETTINGS_PATH},
    },
};

#[component]
pub fn LowBalanceAlertsPage() -> impl IntoView {
    view! { <Portal title="page-low-balance-alerts" needs=Permission::ManageSettings refusal="refusal-account-settings" page=|_| view! { <Alerts /> } /> }
}

#[component]
fn Alerts() -> impl IntoView {
    let query = use_query_map();
    let saved = move || query.with(|q| q.get("saved").is_some());
    let removed = move || query.with(|q| q.get("removed").is_some());
    let data = Resource::new_blocking(move || (saved(), removed()), |_| low_balance_settings());
    view! {
        {move || saved().then(|| view! { <Notice>{t("low-balance-saved")}</Notice> })}
        {move || removed().then(|| view! { <Notice>{t("low-balance-removed")}</Notice> })}
        <p class="muted">{t("low-balance-explain")}</p>
        <Loaded resource=data let:p>
            <Balances page=p />
        </Loaded>
    }
    .into_any()
}

#[component]
fn Balances(page: LowBalanceAlerts) -> impl IntoView {
    let save = ServerAction::<LowBalanceAlertSet>::new();
    let remove = ServerAction::<LowBalanceAlertRemove>::new();
    let save_error = Signal::derive(move || save.value().get().and_then(Result::err));
    let remove_error = Signal::derive(move || remove.value().get().and_then(Result::err));
    // A refused post comes back with what was typed, for the balance it was about: its field
    // errors show on that balance's form only.
    let kept = refill::take(SETTINGS_PATH);
    let kept_balance = refill::value(&kept, "group").and_then(|g| AlertedBalance::from_form(&g));
    let currency = page.currency;
    view! {
        <FormAlert error=form_level(save_error) />
        <FormAlert error=remove_error />
        {page.balances.into_iter().enumerate().map(|(i, setting)| {
            // Without kept values (nothing refused) the errors, if any, go to the first form.
            let refused_here = kept_balance.map_or(i == 0, |b| b == setting.balance);
            let kept_here = if kept_balance == Some(setting.balance) { kept.clone() } else { Vec::new() };
            let error = if refused_here { save_error } else { Signal::stored(None) };
            let primary = i == 0;
            view! {
                <BalanceCard setting=setting currency=currency primary=primary save=save remove=remove
                    error=error kept=kept_here />
            }
        }).collect_view()}
    }
}

fn status(setting: &AlertSetting) -> (Tone, &'static str) {
    match &setting.alert {
        None => (Tone::Neutral, "low-balance-status-none"),
        Some(a) if !a.enabled => (Tone::Neutral, "low-balance-status-off"),
        Some(a) if a.below => (Tone::Warning, "low-balance-status-below"),
        Some(_) => (Tone::Success, "low-balance-status-armed"),
    }
}

#[component]
fn BalanceCard(
    setting: AlertSetting,
    currency: Currency,
    /// The page's first form carries its one primary button.
    primary: bool,
    save: ServerAction<LowBalanceAlertSet>,
    remove: ServerAction<LowBalanceAlertRemove>,
    /// This form's refusal, if the latest post was this form's.
    error: Signal<Option<AppError>>,
    /// What the refused post held, if it was this form's.
    kept: Vec<(String, String)>,
) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let slug = setting.balance.slug();
    let heading_id = format!("low-balance-{slug}-heading");
    let heading = match &setting.group_name {
        None => t("low-balance-account-heading"),
        Some(name) => t_args(
            "low-balance-group-heading",
            &[("group", name.clone().into())],
        ),
    };
    let (tone, status_key) = status(&setting);
    let alert = setting.alert.clone();
    let kept_value = |name: &str| refill::value(&kept, name);
    let enabled = if kept.is_empty() {
        alert.as_ref().is_none_or(|a| a.enabled)
    } else {
        kept_value("enabled").is_some_and(|v| !v.is_empty())
    };
    let threshold = kept_value("threshold").unwrap_or_else(|| {
        alert
            .as_ref()
            .map(|a| minor_text(a.threshold_minor))
            .unwrap_or_default()
    });
    let addresses = kept_value("addresses").unwrap_or_else(|| {
        alert
            .as_ref()
            .map(|a| a.addresses.join("\n"))
            .unwrap_or_default()
    });
    let addresses_error = field_error(error, "addresses");
    let group_error = field_error(error, "group");
    let (enabled_id, threshold_id, addresses_id) = (
        format!("low-balance-{slug}-enabled"),
        format!("low-balance-{slug}-threshold"),
        format!("low-balance-{slug}-addresses"),
    );
    let (hint_id, error_id) = (
        format!("{addresses_id}-hint"),
        format!("{addresses_id}-error"),
    );
    let described_by = format!("{error_id} {hint_id}");
    let group_value = setting.balance.form_value();
    let remove_group = group_value.clone();
    let labelled_by = heading_id.clone();
    let test_id = format!("low-balance-{slug}");
    let button = if primary {
        "button button-primary"
    } else {
        "button"
    };
    view! {
        <section class="card form-card" aria-labelledby=labelled_by data-testid=test_id>
            <h2 id=heading_id>{heading}</h2>
            <dl class="details">
                <dt>{t("low-balance-current")}</dt>
                <dd>{crate::i18n::money(lang, setting.balance_minor, currency.as_str())}</dd>
                <dt>{t("low-balance-status")}</dt>
                <dd><Badge tone=tone text=t(status_key) /></dd>
            </dl>
            <ActionForm action=save>
                {move || group_error.get().map(|m| view! { <div class="alert alert-error" role="alert">{m}</div> })}
                <input type="hidden" name="group" value=group_value />
                <div class="field checkbox">
                    <input id=enabled_id.clone() type="checkbox" name="enabled" value="on" checked=enabled />
                    <label for=enabled_id>{t("low-balance-enabled")}</label>
                </div>
                <Field label=t_args("low-balance-threshold", &[("currency", currency.as_str().into())])
                    name="threshold" id=threshold_id value=threshold hint=t("low-balance-threshold-hint")
                    server_error=field_error(error, "threshold") />
                <div class="field" class:field-invalid=move || addresses_error.get().is_some()>
                    <label for=addresses_id.clone()>{t("low-balance-addresses")}</label>
                    <p class="field-hint" id=hint_id.clone()>{t("low-balance-addresses-hint")}</p>
                    <textarea id=addresses_id name="addresses" rows="3" required
                        aria-invalid=move || if addresses_error.get().is_some() { "true" } else { "false" }
                        aria-describedby=described_by
                        inner_html=textarea_text(&addresses)></textarea>
                    <p class="field-error" id=error_id role="alert">{move || addresses_error.get()}</p>
                </div>
                <div class="form-actions">
                    <button type="submit" class=button>{t("low-balance-save")}</button>
                </div>
            </ActionForm>
            {alert.is_some().then(|| view! {
                <details class="action action-danger">
                    <summary>{t("low-balance-remove-summary")}</summary>
                    <section aria-label=t("low-balance-remove-summary")>
                        <p>{t("low-balance-remove-explain")}</p>
                        <ActionForm action=remove>
                            <input type="hidden" name="group" value=remove_group />
                            <button type="submit" class="button button-danger">{t("low-balance-remove")}</button>
                        </ActionForm>
                    </section>
                </details>
            })}
        </section>
    }
}
