//! Settings > Renewal reminders (seeds: "Certificate Renewal Notification Frequency"): the
//! days before and after expiry that reminders go out on.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    api::orders::{SetReminderDays, renewal_reminder_settings},
    components::{
        form_alert::{FormAlert, Notice},
        portal::Portal,
    },
    model::{Permission, SessionView},
};

#[component]
pub fn RenewalRemindersPage() -> impl IntoView {
    view! { <Portal title="Renewal reminders" page=|s: SessionView| view! { <Setting session=s /> } /> }
}

#[component]
fn Setting(session: SessionView) -> impl IntoView {
    if !session.can(Permission::ManageSettings) {
        return view! {
            <div class="alert alert-error" role="alert">"Your role does not allow you to change account settings."</div>
        }
        .into_any();
    }
    let params = use_query_map();
    let saved = move || params.with(|p| p.get("saved").is_some());
    let action = ServerAction::<SetReminderDays>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let settings = Resource::new_blocking(saved, |_| renewal_reminder_settings());
    view! {
        {move || saved().then(|| view! { <Notice>"The reminder days were saved."</Notice> })}
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match settings.await {
                    Ok(s) => view! {
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
                    }
                    .into_any(),
                    Err(e) => view! { <div class="alert alert-error" role="alert">{e.to_string()}</div> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}
