//! Settings > Renewal reminders (seeds: "Certificate Renewal Notification Frequency"): the
//! days before and after expiry that reminders go out on.

use leptos::prelude::*;

use crate::i18n::t;
use crate::{
    api::orders::{SetReminderDays, renewal_reminder_settings},
    components::{
        form_card::{FormCard, SubmitForm},
        loaded::NoticePage,
        portal::Portal,
    },
    model::Permission,
};

#[component]
pub fn RenewalRemindersPage() -> impl IntoView {
    view! { <Portal title="page-renewal-reminders" needs=Permission::ManageSettings refusal="refusal-account-settings" page=|_| view! { <Setting /> } /> }
}

#[component]
fn Setting() -> impl IntoView {
    let action = ServerAction::<SetReminderDays>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <NoticePage flag="saved" notice=t("renewals-saved") load=renewal_reminder_settings let:s>
            <FormCard heading_id="reminders-heading" heading=t("renewals-heading")>
                <p>{t("renewals-explain")}</p>
                <SubmitForm action=action alert=error submit=t("renewals-save")>
                    <div class="field">
                        <label for="reminder-days">{t("renewals-days")}</label>
                        <input id="reminder-days" name="days" value=s.days />
                    </div>
                </SubmitForm>
            </FormCard>
        </NoticePage>
    }
    .into_any()
}
