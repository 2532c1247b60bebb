//! `/operator/revocations/:id`: a mass revocation's progress ("N of M revoked"), what was
//! asked, and a page of its certificates with what became of each. The runner works in the
//! background; without script the page is read again with its Refresh link (the strict CSP
//! allows no refresh the server does not answer for, and a meta refresh would move a reader
//! off the page while they read).

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::i18n::{t, t_args};
use crate::{
    api::operator::{REVOCATIONS_PAGE, revocation_batch},
    components::{
        badge::{Badge, Tone},
        loaded::Loaded,
        portal::Portal,
        table::Table,
    },
    model::revocations::{BatchItemView, BatchOutcome, BatchView, reason_key},
};

#[component]
pub fn RevocationBatchPage() -> impl IntoView {
    view! { <Portal title="page-revocation-batch" operator=true refusal="refusal-operator-console" page=|_| view! { <Batch /> } /> }
}

#[component]
fn Batch() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        (
            params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0)),
            query.with(|q| q.get("page").and_then(|v| v.parse::<u64>().ok())),
        )
    };
    let batch = Resource::new_blocking(key, |(id, page)| revocation_batch(id, page));
    view! {
        <Loaded resource=batch let:b>
            <Progress batch=b />
        </Loaded>
        <p><a class="button button-quiet" href=REVOCATIONS_PAGE>{t("revocations-back")}</a></p>
    }
}

fn outcome_tone(o: BatchOutcome) -> Tone {
    match o {
        BatchOutcome::Revoked => Tone::Success,
        BatchOutcome::Pending | BatchOutcome::Revoking => Tone::Warning,
        BatchOutcome::AlreadyRevoked => Tone::Neutral,
        BatchOutcome::Failed => Tone::Danger,
    }
}

#[component]
fn Progress(batch: BatchView) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let here = format!("{REVOCATIONS_PAGE}/{}", batch.id);
    let refresh = format!("{here}?page={}", batch.page);
    let reason = reason_key(&batch.reason).map_or_else(|| batch.reason.clone(), t);
    let settled = batch.revoked + batch.already_revoked + batch.failed;
    let progress = t_args(
        "revocations-progress",
        &[
            ("done", batch.revoked.into()),
            ("total", batch.total.into()),
        ],
    );
    let running = batch.waiting > 0 || batch.finished.is_none();
    let prev = (batch.page > 1).then(|| format!("{here}?page={}", batch.page - 1));
    let next = (batch.page < batch.pages).then(|| format!("{here}?page={}", batch.page + 1));
    let columns = [
        "revocations-col-serial",
        "revocations-col-names",
        "revocations-col-account",
        "revocations-col-outcome",
    ]
    .map(t);
    let rows = batch
        .items
        .into_iter()
        .map(|item| view! { <ItemRow item=item labels=columns.clone() /> })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="batch-progress">
            <h2 id="batch-progress" data-testid="batch-progress">{progress}</h2>
            <progress max=batch.total.to_string() value=settled.to_string() aria-labelledby="batch-progress"></progress>
            <dl class="details">
                <dt>{t("revocations-reason")}</dt><dd data-testid="batch-reason">{reason}</dd>
                <dt>{t("revocations-comment-label")}</dt><dd>{batch.comment.clone()}</dd>
                <dt>{t("revocations-criteria")}</dt><dd>{batch.criteria.clone()}</dd>
                <dt>{t("revocations-operator")}</dt><dd>{batch.operator.clone()}</dd>
                <dt>{t("revocations-started-at")}</dt><dd>{batch.created.text(lang)}</dd>
                <dt>{t("revocations-finished-at")}</dt><dd data-testid="batch-finished">{batch.finished.map_or_else(|| "—".to_owned(), |m| m.text(lang))}</dd>
                <dt>{t("revocations-already")}</dt><dd>{batch.already_revoked}</dd>
                <dt>{t("revocations-failed")}</dt><dd data-testid="batch-failed">{batch.failed}</dd>
                <dt>{t("revocations-waiting")}</dt><dd data-testid="batch-waiting">{batch.waiting}</dd>
            </dl>
            {if running {
                view! {
                    <p class="alert alert-info" role="status">{t("revocations-running-note")}</p>
                    <p><a class="button" href=refresh data-testid="batch-refresh">{t("revocations-refresh")}</a></p>
                }
                .into_any()
            } else {
                view! { <p class="alert alert-success" role="status" data-testid="batch-done">{t("revocations-done-note")}</p> }
                    .into_any()
            }}
        </section>
        <Table label=t("revocations-batch-table") cards=true columns=columns.to_vec()>
            {rows}
        </Table>
        {(batch.pages > 1).then(|| view! {
            <nav class="pager" aria-label=t("common-pages")>
                {prev.map(|href| view! { <a class="button button-quiet" href=href>{t("common-previous")}</a> })}
                <span class="pager-status">{t_args("revocations-batch-pager", &[("page", batch.page.into()), ("pages", batch.pages.into())])}</span>
                {next.map(|href| view! { <a class="button button-quiet" href=href>{t("common-next")}</a> })}
            </nav>
        })}
    }
}

#[component]
fn ItemRow(item: BatchItemView, labels: [String; 4]) -> impl IntoView {
    let [serial, names, account, outcome] = labels;
    let owner = match (item.account.clone(), item.order) {
        (Some(a), Some(order)) => format!(
            "{a} · {}",
            t_args("revocations-order", &[("id", order.to_string().into())])
        ),
        _ => t("revocations-no-account"),
    };
    view! {
        <tr>
            <td data-label=serial class="mono">{item.serial.clone()}</td>
            <td data-label=names>{item.names.join(", ")}</td>
            <td data-label=account>{owner}</td>
            <td data-label=outcome>
                <Badge tone=outcome_tone(item.outcome) text=t(item.outcome.key()) test_id="batch-item-outcome" />
                {item.incident.map(|id| view! { " "<span class="field-hint">{t_args("revocations-incident", &[("id", id.into())])}</span> })}
            </td>
        </tr>
    }
}
