use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::i18n::{t, t_args};
use crate::{
    api::operator::{VettingApprove, VettingCheck, VettingReject, VettingSendCode, desk_case},
    components::{
        badge::Badge,
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
        portal::Portal,
        query_notice,
        table::Table,
    },
    error::AppError,
    model::{
        countries,
        vetting::{ChecklistRow, VettingCase},
    },
    pages::organizations::status_tone,
};

#[component]
pub fn VettingCasePage() -> impl IntoView {
    view! { <Portal title="page-vetting-case" operator=true refusal="refusal-vetting" page=|_| view! { <Case /> } /> }
}

#[component]
fn Case() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok())));
    let case = Resource::new_blocking(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => desk_case(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let notice = query_notice(&[
        ("checked", "vetting-checked"),
        ("approved", "vetting-approved"),
        ("rejected", "vetting-rejected"),
    ]);
    // The code just sent, shown once to read out on a call to a verified number.
    let code = use_query_map().with_untracked(|q| q.get("code"));
    view! {
        {move || notice().map(|key| view! { <Notice>{t(key)}</Notice> })}
        {code.map(|c| view! { <Notice>{t_args("vetting-code-sent", &[("code", c.into())])}</Notice> })}
        <Loaded resource=case let:c>
            <CaseView case=c />
        </Loaded>
        <p><a class="button button-quiet" href="/operator/vetting">{t("vetting-back")}</a></p>
    }
    .into_any()
}

#[component]
fn CaseView(case: VettingCase) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let check = ServerAction::<VettingCheck>::new();
    let send = ServerAction::<VettingSendCode>::new();
    let approve = ServerAction::<VettingApprove>::new();
    let reject = ServerAction::<VettingReject>::new();
    let error = Signal::derive(move || {
        [
            check.value().get().and_then(Result::err),
            send.value().get().and_then(Result::err),
            approve.value().get().and_then(Result::err),
            reject.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
    });
    let field_message = move |name: &'static str| error.get().and_then(|e| e.field(name));
    let org = case.organization;
    let options = case.checklist.clone();
    let id = org.id.get();
    let f = org.form.clone();
    let waiting = matches!(
        org.status,
        crate::model::organizations::OrganizationStatus::Submitted
            | crate::model::organizations::OrganizationStatus::InValidation
    );
    view! {
        <section class="card" aria-labelledby="case-heading">
            <h2 id="case-heading">{f.legal_name.clone()}</h2>
            <p><Badge tone=status_tone(org.status, org.expired) text=t(org.status_key()) /></p>
            <FormAlert error=error />
            <dl class="facts">
                <dt>{t("vetting-col-account")}</dt><dd>{case.account.clone()}</dd>
                <dt>{t("organizations-field-trade-name")}</dt><dd>{if f.trade_name.is_empty() { "—".to_owned() } else { f.trade_name.clone() }}</dd>
                <dt>{t("organizations-field-type")}</dt><dd>{t(org.org_type.label_key())}</dd>
                <dt>{t("organizations-field-registration-number")}</dt><dd>{f.registration_number.clone()}</dd>
                <dt>{t("organizations-field-registration-agency")}</dt><dd>{f.registration_agency.clone()}</dd>
                <dt>{t("organizations-col-jurisdiction")}</dt><dd>{format!("{} {} {}", f.jurisdiction_locality, f.jurisdiction_state, t(&countries::name_key(&f.jurisdiction_country))).trim().to_owned()}</dd>
                <dt>{t("organizations-section-address")}</dt><dd>{format!("{}, {} {} {}, {}", f.street, f.city, f.state, f.postal_code, t(&countries::name_key(&f.country)))}</dd>
                <dt>{t("organizations-field-phone")}</dt><dd>{f.phone.clone()}</dd>
                <dt>{t("organizations-role-representative")}</dt><dd>{format!("{} <{}>, {}, {}", org.representative.name, org.representative.email, org.representative.phone, org.representative.designation)}</dd>
                <dt>{t("organizations-col-verified-until")}</dt><dd>{org.verified_until.map_or_else(|| "—".to_owned(), |d| d.text(lang))}</dd>
            </dl>
            <h3>{t("organizations-section-documents")}</h3>
            <ul aria-label=t("organizations-section-documents")>
                {org.documents.iter().map(|d| view! {
                    <li><a href=d.href.clone() target="_blank" rel="noopener">{d.file_name.clone()}</a>" ("{d.kind.clone()}")"</li>
                }).collect_view()}
            </ul>
        </section>
        <section class="card" aria-labelledby="checklist-heading">
            <h2 id="checklist-heading">{t("vetting-checklist")}</h2>
            <Table label=t("vetting-checklist") cards=true columns=vec![t("vetting-col-item"), t("vetting-col-level"), t("orders-col-status"), t("vetting-col-source")]>
                {case.checklist.iter().map(|row| view! { <ChecklistLine row=row.clone() /> }).collect_view()}
            </Table>
            {waiting.then(|| view! {
                <h3>{t("vetting-record-check")}</h3>
                <ActionForm action=check>
                    <input type="hidden" name="id" value=id />
                    <div class="field">
                        <label for="check-item">{t("vetting-col-item")}</label>
                        <select id="check-item" name="item">
                            {options.iter().filter(|r| !r.item.by_code()).map(|r| view! {
                                <option value=r.item.as_str()>{t(r.item.label_key())}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="check-source">{t("vetting-col-source")}</label>
                        <input id="check-source" name="source" type="text" placeholder=t("vetting-source-placeholder") />
                        <p class="field-error" role="alert">{move || field_message("source")}</p>
                    </div>
                    <div class="field">
                        <label for="check-note">{t("vetting-note")}</label>
                        <input id="check-note" name="note" type="text" />
                    </div>
                    <button type="submit" class="button">{t("vetting-mark-checked")}</button>
                </ActionForm>
                <h3>{t("vetting-item-communication")}</h3>
                <p class="field-hint">
                    {case.code_sent_to.clone().map_or_else(|| t("vetting-code-none"), |to| t_args("vetting-code-waiting", &[("email", to.into())]))}
                </p>
                <ActionForm action=send>
                    <input type="hidden" name="id" value=id />
                    <button type="submit" class="button">{t("vetting-send-code")}</button>
                </ActionForm>
            })}
        </section>
        {waiting.then(|| view! {
            <section class="card" aria-labelledby="decision-heading">
                <h2 id="decision-heading">{t("vetting-decision")}</h2>
                <p class="field-hint">{t("vetting-decision-hint")}</p>
                <div class="form-actions">
                    <ActionForm action=approve>
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="level" value="ov" />
                        <button type="submit" class="button button-primary" disabled=!case.ready_ov>{t("vetting-approve-ov")}</button>
                    </ActionForm>
                    <ActionForm action=approve>
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="level" value="ev" />
                        <button type="submit" class="button button-primary" disabled=!case.ready_ev>{t("vetting-approve-ev")}</button>
                    </ActionForm>
                </div>
                <ActionForm action=reject>
                    <input type="hidden" name="id" value=id />
                    <div class="field">
                        <label for="reject-reason">{t("vetting-reject-reason")}</label>
                        <input id="reject-reason" name="reason" type="text" />
                        <p class="field-error" role="alert">{move || field_message("reason")}</p>
                    </div>
                    <button type="submit" class="button button-danger">{t("vetting-reject")}</button>
                </ActionForm>
            </section>
        })}
        <section class="card" aria-labelledby="history-heading">
            <h2 id="history-heading">{t("vetting-history")}</h2>
            <ul aria-label=t("vetting-history")>
                {case.history.into_iter().map(|h| view! {
                    <li>{h.at.text(lang)}" · "{h.by}" · "{h.summary}</li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn ChecklistLine(row: ChecklistRow) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let level = row.level.code();
    let (status, source) = match &row.checked {
        None => (t("vetting-unchecked"), t(row.item.hint_key())),
        Some(c) if c.aged_out => (
            t_args(
                "vetting-aged-out",
                &[("by", c.by.clone().into()), ("at", c.at.text(lang).into())],
            ),
            c.source.clone(),
        ),
        Some(c) => (
            t_args(
                "vetting-checked-by",
                &[
                    ("by", c.by.clone().into()),
                    ("at", c.at.text(lang).into()),
                    ("until", c.reusable_until.text(lang).into()),
                ],
            ),
            if c.note.is_empty() {
                c.source.clone()
            } else {
                format!("{} — {}", c.source, c.note)
            },
        ),
    };
    view! {
        <tr>
            <td data-label=t("vetting-col-item")>{t(row.item.label_key())}</td>
            <td data-label=t("vetting-col-level")>{level}</td>
            <td data-label=t("orders-col-status")>{status}</td>
            <td data-label=t("vetting-col-source")>{source}</td>
        </tr>
    }
}
