//! Settings > Renewal reminders (seeds: "Certificate Renewal Notification Frequency"): the
//! days before and after expiry that reminders go out on.

use leptos::prelude::*;

use crate::{
    api::orders::{SetReminderDays, renewal_reminder_settings},
    components::{
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
        portal::Portal,
        query_flag,
    },
    model::Permission,
};

#[component]
pub fn RenewalRemindersPage() -> impl IntoView {
    view! { <Portal title="Renewal reminders" needs=Permission::ManageSettings refusal="Your role does not allow you to change account settings." page=|_| view! { <Setting /> } /> }
}

#[component]
fn Setting() -> impl IntoView {
    let saved = query_flag("saved");
    let action = ServerAction::<SetReminderDays>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let settings = Resource::new_blocking(saved, |_| renewal_reminder_settings());
    view! {
        {move || saved().then(|| view! { <Notice>"The reminder days were saved."</Notice> })}
        <Loaded resource=settings let:s>
            <section class="card form-card" aria-labelledby="reminders-heading">
                <h2 id="reminders-heading">"Certificate renewal notification frequency"</h2>
                <p>"Reminders go to the requester, the additional recipients, the technical contact and the group's renewal addresses. Positive days are before expiry, negative days after it."</p>
                <ActionForm action=action>
                    <FormAlert error=error />
                    <div class="field">
                        <label for="reminder-days">"Days (comma-separated)"</label>
                        <input id="reminder-days" name="days" value=s.days />
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button button-primary">"Save"</button>
                    </div>
                </ActionForm>
            </section>
        </Loaded>
    }
    .into_any()
}
