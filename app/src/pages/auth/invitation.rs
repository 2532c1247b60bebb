use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::auth::{AcceptInvitation, DeclineInvitation, invitation_details},
    components::{
        auth_card::{AuthCard, CheckedLink},
        form_alert::FormAlert,
    },
    model::invitation::{InvitationView, sign_in_link},
};

/// The page behind an invitation link: the invited user, signed in, accepts or declines.
#[component]
pub fn InvitationPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let details = Resource::new_blocking(token, invitation_details);
    view! {
        <leptos_meta::Title text="Invitation · Rootline" />
        <AuthCard title="Invitation to join an account">
            <CheckedLink resource=details let:view>
                <Answer token=token() view=view />
            </CheckedLink>
        </AuthCard>
    }
}

#[component]
fn Answer(token: String, view: InvitationView) -> impl IntoView {
    let accept = ServerAction::<AcceptInvitation>::new();
    let decline = ServerAction::<DeclineInvitation>::new();
    let error = Signal::derive(move || {
        accept
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| decline.value().get().and_then(Result::err))
    });
    let answerable = view.answerable();
    let sign_in = sign_in_link(&token);
    let decline_token = token.clone();
    view! {
        <p class="lead">
            <strong>{view.account_name.clone()}</strong> " invites "
            <strong>{view.email.clone()}</strong> " to join its Rootline account as "
            <strong>{view.role_label.clone()}</strong> "."
        </p>
        <p class="muted">
            "Until you accept, the account sees only your e-mail address. Your name, mobile number "
            "and designation stay yours: only you change them, on your profile. The invitation "
            "expires " {view.expires_at.clone()} "."
        </p>
        {match (answerable, view.signed_in_as.clone()) {
            (true, _) => view! {
                <FormAlert error=error />
                <div class="form-actions">
                    <ActionForm action=accept>
                        <input type="hidden" name="token" value=token />
                        <button type="submit" class="button button-primary">"Accept and join"</button>
                    </ActionForm>
                    <ActionForm action=decline>
                        <input type="hidden" name="token" value=decline_token />
                        <button type="submit" class="button">"Decline"</button>
                    </ActionForm>
                </div>
            }
            .into_any(),
            (false, Some(other)) => view! {
                <div class="alert alert-error" role="alert">
                    "You are signed in as " {other} ". This invitation is for " {view.email.clone()}
                    ": sign out, then sign in with that address and open the link again."
                </div>
            }
            .into_any(),
            (false, None) => view! {
                <p>"Sign in as " <strong>{view.email.clone()}</strong> " to accept or decline."</p>
                <a class="button button-primary" href=sign_in>"Sign in to answer"</a>
            }
            .into_any(),
        }}
    }
}
