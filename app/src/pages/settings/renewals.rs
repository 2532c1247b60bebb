//! Settings > Renewal reminders (seeds: "Certificate Renewal Notification Frequency"): the
//! days before and after expiry that reminders go out on.

use leptos::prelude::*;

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
    view! { <Portal title="Renewal reminders" needs=Permission::ManageSettings refusal="Your role does not allow you to change account settings." page=|_| view! { <Setting /> } /> }
}

#[component]
fn Setting() -> impl IntoView {
    let action = ServerAction::<SetReminderDays>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <NoticePage flag="saved" notice="The reminder days were saved." load=renewal_reminder_settings let:s>
            <FormCard heading_id="reminders-heading" heading="Certificate renewal notification frequency">
                <p>"Reminders go to the requester, the additional recipients, the technical contact and the group's renewal addresses. Positive days are before expiry, negative days after it."</p>
                <SubmitForm action=action alert=error submit="Save">
                    <div class="field">
                        <label for="reminder-days">"Days (comma-separated)"</label>
                        <input id="reminder-days" name="days" value=s.days />
                    </div>
                </SubmitForm>
            </FormCard>
        </NoticePage>
    }
    .into_any()
}
