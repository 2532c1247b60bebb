use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    api::access::{GroupMemberAdd, GroupMemberRemove, group_page},
    components::{
        form_alert::{FormAlert, Notice},
        portal::Portal,
    },
    error::AppError,
    model::{Permission, SessionView, group_members::GroupDetail},
};

#[component]
pub fn GroupViewPage() -> impl IntoView {
    view! { <Portal title="Group" page=|s: SessionView| view! { <GroupView session=s /> } /> }
}

#[component]
fn GroupView(session: SessionView) -> impl IntoView {
    if !session.can(Permission::ManageGroups) {
        return view! {
            <div class="alert alert-error" role="alert">"Your role does not allow you to manage groups."</div>
        }
        .into_any();
    }
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok())));
    let changed = move || query.with(|q| q.get("member"));
    let detail = Resource::new_blocking(
        move || (id.get(), changed()),
        |(id, _)| async move {
            match id {
                Some(id) => group_page(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let notice = move || match changed().as_deref() {
        Some("added") => Some("The user was added to the group."),
        Some("removed") => Some("The user was removed from the group."),
        _ => None,
    };
    view! {
        {move || notice().map(|n| view! { <Notice>{n}</Notice> })}
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(d) => view! { <Detail detail=d /> }.into_any(),
                    Err(e) => view! { <div class="alert alert-error" role="alert">{e.to_string()}</div> }.into_any(),
                }
            })}
        </Suspense>
        <p><a href="/groups">"All groups"</a></p>
    }
    .into_any()
}

#[component]
fn Detail(detail: GroupDetail) -> impl IntoView {
    let add = ServerAction::<GroupMemberAdd>::new();
    let remove = ServerAction::<GroupMemberRemove>::new();
    let error = Signal::derive(move || {
        add.value()
            .get()
            .and_then(Result::err)
            .or_else(|| remove.value().get().and_then(Result::err))
    });
    let group = detail.group;
    let group_id = group.id.to_string();
    let add_group_id = group_id.clone();
    let has_addable = !detail.addable.is_empty();
    view! {
        <section class="card" aria-labelledby="group-heading">
            <h2 id="group-heading">{group.name.clone()}</h2>
            {(!group.description.is_empty()).then(|| view! { <p>{group.description.clone()}</p> })}
            <p class="muted">{if group.restricted {
                "Only users added to the group use it."
            } else {
                "Every user with access to all groups uses it, and so do users added to it."
            }}</p>
            <FormAlert error=error />
            <div class="table-wrap">
                <table class="table" aria-label="Users of the group">
                    <thead><tr><th scope="col">"Name"</th><th scope="col">"E-mail"</th><th scope="col">"Role"</th><th scope="col">"Through"</th><th scope="col">"Actions"</th></tr></thead>
                    <tbody>
                        {detail.users.into_iter().map(|u| {
                            let group_id = group_id.clone();
                            let label = format!("Remove {} from the group", u.name);
                            view! {
                                <tr>
                                    <td>{u.name.clone()}</td>
                                    <td>{u.email}</td>
                                    <td>{u.role_label}</td>
                                    <td>{if u.member { "Added to the group" } else { "Access to all groups" }}</td>
                                    <td>{u.member.then(|| view! {
                                        <ActionForm action=remove>
                                            <input type="hidden" name="group_id" value=group_id.clone() />
                                            <input type="hidden" name="membership_id" value=u.id />
                                            <button type="submit" class="button button-danger" aria-label=label.clone()>"Remove"</button>
                                        </ActionForm>
                                    })}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        {has_addable.then(|| view! {
            <section class="card form-card" aria-labelledby="add-member-heading">
                <h2 id="add-member-heading">"Add a user to the group"</h2>
                <ActionForm action=add>
                    <input type="hidden" name="group_id" value=add_group_id.clone() />
                    <div class="field">
                        <label for="member-user">"User"</label>
                        <select id="member-user" name="membership_id" required=true>
                            {detail.addable.into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button button-primary">"Add to the group"</button>
                    </div>
                </ActionForm>
            </section>
        })}
    }
}
