use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::{
    api::operator::desk_queue,
    components::{badge::Badge, loaded::Loaded, portal::Portal, table::Table},
    model::vetting::VettingQueue,
    pages::organizations::status_tone,
};

#[component]
pub fn VettingQueuePage() -> impl IntoView {
    view! { <Portal title="page-vetting" operator=true refusal="refusal-vetting" page=|_| view! { <Queue /> } /> }
}

#[component]
fn Queue() -> impl IntoView {
    let queue = Resource::new_blocking(|| (), |_| desk_queue());
    view! {
        <p class="lead">{t("vetting-queue-lead")}</p>
        <Loaded resource=queue let:q>
            <QueueTable queue=q />
        </Loaded>
    }
    .into_any()
}

#[component]
fn QueueTable(queue: VettingQueue) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    if queue.organizations.is_empty() {
        return view! { <p class="empty">{t("vetting-queue-empty")}</p> }.into_any();
    }
    view! {
        <Table label=t("page-vetting") cards=true columns=vec![t("organizations-col-legal-name"), t("vetting-col-account"), t("orders-col-status"), t("organizations-submitted-on"), t("vetting-col-waiting")]>
            {queue.organizations.into_iter().map(|o| {
                let href = format!("/operator/vetting/{}", o.id);
                view! {
                    <tr>
                        <td data-label=t("organizations-col-legal-name")><a href=href>{o.legal_name.clone()}</a></td>
                        <td data-label=t("vetting-col-account")>{o.account.clone()}</td>
                        <td data-label=t("orders-col-status")><Badge tone=status_tone(o.status, false) text=t(o.status.label_key()) /></td>
                        <td data-label=t("organizations-submitted-on")>{o.submitted.map_or_else(|| "—".to_owned(), |d| d.text(lang))}</td>
                        <td data-label=t("vetting-col-waiting")>{t_args("vetting-waiting-days", &[("days", o.waiting_days.into())])}</td>
                    </tr>
                }
            }).collect_view()}
        </Table>
    }
    .into_any()
}
