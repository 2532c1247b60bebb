use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::i18n::{t, t_args};
use crate::{
    api::organizations::{
        OrganizationAlternateAdd, OrganizationAlternateRemove, OrganizationDocumentAdd,
        OrganizationDocumentRemove, OrganizationSubmit, OrganizationSuspend, organization_get,
    },
    components::{
        badge::Badge,
        field::{Field, FieldRule},
        form_alert::{FormAlert, Notice, posted_error},
        loaded::Loaded,
        portal::Portal,
        query_notice,
        table::Table,
    },
    error::AppError,
    model::{
        OrganizationId, Permission, countries,
        organizations::{
            ContactView, DOCUMENT_MAX_BYTES, DocumentView, ORGANIZATIONS_PATH, OrganizationDetail,
            OrganizationStatus, organization_edit_page,
        },
    },
};

/// Where the document form posts (a plain multipart post: it carries a file).
const DOCUMENT_ACTION: &str = "/api/organizations/document-add";

#[component]
pub fn OrganizationViewPage() -> impl IntoView {
    view! { <Portal title="page-organization" needs=Permission::RequestCertificates refusal="refusal-organizations" page=|_| view! { <OrganizationView /> } /> }
}

#[component]
fn OrganizationView() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok())));
    let org = Resource::new_blocking(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => organization_get(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let notice = query_notice(&[
        ("added", "organizations-added"),
        ("saved", "organizations-saved"),
        ("modification", "organizations-modification-sent"),
        ("submitted", "organizations-submitted"),
        ("suspended", "organizations-suspended"),
        ("alternate_added", "organizations-alternate-added"),
        ("alternate_removed", "organizations-alternate-removed"),
        ("document_added", "organizations-document-added"),
        ("document_removed", "organizations-document-removed"),
    ]);
    view! {
        {move || notice().map(|key| view! { <Notice>{t(key)}</Notice> })}
        <Loaded resource=org let:o>
            <Organization org=o />
        </Loaded>
        <p><a class="button button-quiet" href=ORGANIZATIONS_PATH>{t("organizations-back")}</a></p>
    }
    .into_any()
}

#[component]
fn Organization(org: OrganizationDetail) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let submit = ServerAction::<OrganizationSubmit>::new();
    let suspend = ServerAction::<OrganizationSuspend>::new();
    let error = Signal::derive(move || {
        submit
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| suspend.value().get().and_then(Result::err))
    });
    let id = org.id;
    let status = org.status;
    let f = &org.form;
    let jurisdiction = [
        f.jurisdiction_locality.clone(),
        f.jurisdiction_state.clone(),
        t(&countries::name_key(&f.jurisdiction_country)),
    ]
    .into_iter()
    .filter(|p| !p.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    let address = [
        f.street.clone(),
        f.city.clone(),
        f.state.clone(),
        f.postal_code.clone(),
        t(&countries::name_key(&f.country)),
    ]
    .into_iter()
    .filter(|p| !p.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    let dash = |v: &str| {
        if v.is_empty() {
            "—".to_owned()
        } else {
            v.to_owned()
        }
    };
    let manage = org.can_manage;
    let can_edit = manage && (status.customer_may_edit() || status.edit_requests_modification());
    let can_submit = manage && status.customer_may_submit();
    let can_suspend = manage && status.customer_may_suspend();
    let documents_open = manage
        && !matches!(
            status,
            OrganizationStatus::VerifiedOv
                | OrganizationStatus::VerifiedEv
                | OrganizationStatus::Suspended
        );
    let documents_removable = manage && status.customer_may_edit();
    view! {
        <section class="card" aria-labelledby="organization-heading">
            <h2 id="organization-heading">{f.legal_name.clone()}</h2>
            <p><Badge tone=super::status_tone(status, org.expired) text=t(org.status_key()) /></p>
            {org.rejection_reason.clone().map(|why| view! {
                <div class="alert alert-error" role="alert">
                    <strong>{t("organizations-rejected-because")}</strong>" "{why}
                </div>
            })}
            <FormAlert error=error />
            <dl class="facts">
                <dt>{t("organizations-field-trade-name")}</dt><dd>{dash(&f.trade_name)}</dd>
                <dt>{t("organizations-field-type")}</dt><dd>{t(org.org_type.label_key())}</dd>
                <dt>{t("organizations-field-registration-number")}</dt><dd>{dash(&f.registration_number)}</dd>
                <dt>{t("organizations-field-registration-agency")}</dt><dd>{dash(&f.registration_agency)}</dd>
                <dt>{t("organizations-col-jurisdiction")}</dt><dd>{jurisdiction}</dd>
                <dt>{t("organizations-section-address")}</dt><dd>{address}</dd>
                <dt>{t("organizations-field-phone")}</dt><dd>{f.phone.clone()}</dd>
                <dt>{t("organizations-created")}</dt><dd>{org.created.text(lang)}</dd>
                <dt>{t("organizations-submitted-on")}</dt><dd>{org.submitted.map_or_else(|| "—".to_owned(), |d| d.text(lang))}</dd>
                <dt>{t("organizations-col-verified-until")}</dt><dd>{org.verified_until.map_or_else(|| "—".to_owned(), |d| d.text(lang))}</dd>
            </dl>
            {(status == OrganizationStatus::Draft && org.documents.is_empty() && manage).then(|| view! {
                <p class="alert alert-info">{t("organizations-needs-document")}</p>
            })}
            <div class="form-actions">
                {can_edit.then(|| view! { <a class="button" href=organization_edit_page(id)>{t("organizations-edit")}</a> })}
                {can_submit.then(|| view! {
                    <ActionForm action=submit>
                        <input type="hidden" name="id" value=id.get() />
                        <button type="submit" class="button button-primary">{t("organizations-submit")}</button>
                    </ActionForm>
                })}
                {can_suspend.then(|| view! {
                    <ActionForm action=suspend>
                        <input type="hidden" name="id" value=id.get() />
                        <button type="submit" class="button button-danger">{t("organizations-suspend")}</button>
                    </ActionForm>
                })}
            </div>
        </section>
        <Representatives id=id representative=org.representative.clone() alternates=org.alternates.clone() manage=manage />
        <Documents id=id documents=org.documents.clone() open=documents_open removable=documents_removable />
    }
}

#[component]
fn Representatives(
    id: OrganizationId,
    representative: ContactView,
    alternates: Vec<ContactView>,
    manage: bool,
) -> impl IntoView {
    let add = ServerAction::<OrganizationAlternateAdd>::new();
    let remove = ServerAction::<OrganizationAlternateRemove>::new();
    let error = Signal::derive(move || {
        add.value()
            .get()
            .and_then(Result::err)
            .or_else(|| remove.value().get().and_then(Result::err))
    });
    let form_error = Signal::derive(move || {
        error
            .get()
            .filter(|e| !matches!(e, AppError::Validation(_)))
    });
    let field_error = move |name: &'static str| {
        Signal::derive(move || {
            add.value()
                .get()
                .and_then(Result::err)
                .and_then(|e| e.field(name))
        })
    };
    let row = move |c: ContactView, role: String, removable: bool| {
        view! {
            <tr>
                <td data-label=t("users-col-name")>{c.name.clone()}</td>
                <td data-label=t("organizations-col-role")>{role}</td>
                <td data-label=t("field-email")>{c.email.clone()}</td>
                <td data-label=t("organizations-field-rep-phone")>{c.phone.clone()}</td>
                <td data-label=t("field-designation")>{c.designation.clone()}</td>
                <td data-label=t("domains-col-actions")>
                    {removable.then(|| view! {
                        <ActionForm action=remove>
                            <input type="hidden" name="id" value=id.get() />
                            <input type="hidden" name="contact" value=c.id.get() />
                            <button type="submit" class="button button-quiet">{t_args("organizations-remove-alternate", &[("name", c.name.clone().into())])}</button>
                        </ActionForm>
                    })}
                </td>
            </tr>
        }
    };
    view! {
        <section class="card" aria-labelledby="representatives-heading">
            <h2 id="representatives-heading">{t("organizations-section-representatives")}</h2>
            <FormAlert error=form_error />
            <Table label=t("organizations-section-representatives") cards=true columns=vec![t("users-col-name"), t("organizations-col-role"), t("field-email"), t("organizations-field-rep-phone"), t("field-designation"), t("domains-col-actions")]>
                {row(representative, t("organizations-role-representative"), false)}
                {alternates.into_iter().map(|c| row(c, t("organizations-role-alternate"), manage)).collect_view()}
            </Table>
            {manage.then(|| view! {
                <h3>{t("organizations-add-alternate")}</h3>
                <ActionForm action=add>
                    <input type="hidden" name="id" value=id.get() />
                    <Field label=t("field-full-name") name="name" id="alternate-name" autocomplete="off"
                        server_error=field_error("name") validate=FieldRule::PersonName />
                    <Field label=t("field-email") name="email" id="alternate-email" input_type="email" autocomplete="off"
                        server_error=field_error("email") validate=FieldRule::Email />
                    <Field label=t("organizations-field-rep-phone") name="phone" id="alternate-phone" input_type="tel" autocomplete="off"
                        server_error=field_error("phone") validate=FieldRule::Mobile />
                    <Field label=t("field-designation") name="designation" id="alternate-designation"
                        server_error=field_error("designation") />
                    <button type="submit" class="button">{t("organizations-add-alternate")}</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn Documents(
    id: OrganizationId,
    documents: Vec<DocumentView>,
    /// Documents may be added.
    open: bool,
    removable: bool,
) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let remove = ServerAction::<OrganizationDocumentRemove>::new();
    let remove_error = Signal::derive(move || remove.value().get().and_then(Result::err));
    // The upload is a plain post (it carries a file): its refusal comes back in the address.
    let upload_error = posted_error::<OrganizationDocumentAdd>();
    let file_error = upload_error.as_ref().and_then(|e| e.field("document"));
    let file_invalid = file_error.is_some();
    let upload_alert = upload_error.filter(|e| !matches!(e, AppError::Validation(_)));
    let max_mib = DOCUMENT_MAX_BYTES / (1024 * 1024);
    view! {
        <section class="card" aria-labelledby="documents-heading">
            <h2 id="documents-heading">{t("organizations-section-documents")}</h2>
            <p class="field-hint">{t("organizations-documents-hint")}</p>
            <FormAlert error=remove_error />
            {if documents.is_empty() {
                view! { <p class="empty">{t("organizations-no-documents")}</p> }.into_any()
            } else {
                view! {
                    <Table label=t("organizations-section-documents") cards=true columns=vec![t("organizations-col-file"), t("organizations-col-kind"), t("organizations-col-size"), t("organizations-col-uploaded"), t("domains-col-actions")]>
                        {documents.into_iter().map(|d| {
                            let kib = d.size_bytes.div_ceil(1024);
                            view! {
                                <tr>
                                    <td data-label=t("organizations-col-file")><a href=d.href.clone() target="_blank" rel="noopener">{d.file_name.clone()}</a></td>
                                    <td data-label=t("organizations-col-kind")>{d.kind.clone()}</td>
                                    <td data-label=t("organizations-col-size")>{t_args("organizations-size-kib", &[("kib", kib.into())])}</td>
                                    <td data-label=t("organizations-col-uploaded")>{d.uploaded.text(lang)}</td>
                                    <td data-label=t("domains-col-actions")>
                                        {removable.then(|| view! {
                                            <ActionForm action=remove>
                                                <input type="hidden" name="id" value=id.get() />
                                                <input type="hidden" name="document" value=d.id.get() />
                                                <button type="submit" class="button button-quiet">{t_args("organizations-remove-document", &[("name", d.file_name.clone().into())])}</button>
                                            </ActionForm>
                                        })}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </Table>
                }.into_any()
            }}
            {open.then(|| view! {
                <form method="post" action=DOCUMENT_ACTION enctype="multipart/form-data">
                    {upload_alert.map(|e| view! { <div class="alert alert-error" role="alert">{e.text(lang)}</div> })}
                    <input type="hidden" name="id" value=id.get() />
                    <div class="field" class:field-invalid=file_invalid>
                        <label for="organization-document">{t("organizations-document-label")}</label>
                        <input id="organization-document" name="document" type="file" required=true
                            accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
                            aria-describedby="organization-document-hint organization-document-error" />
                        <p class="field-hint" id="organization-document-hint">{t_args("organizations-document-hint", &[("mib", max_mib.into())])}</p>
                        <p class="field-error" id="organization-document-error" role="alert">{file_error}</p>
                    </div>
                    <button type="submit" class="button">{t("organizations-upload")}</button>
                </form>
            })}
        </section>
    }
}
