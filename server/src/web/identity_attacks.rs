//! The identity findings of the penetration test, replayed through the real router the way a
//! browser without JavaScript sends them: plain form posts to the server functions.

use axum::http::{StatusCode, header};

use super::authorization_matrix::app;
use crate::{
    ports::Clock,
    services::identity::test_support::{Harness, harness},
    store::{accounts, memberships, users},
};

/// What a plain form post gets back.
struct Answer {
    status: StatusCode,
    location: Option<String>,
    body: String,
}

async fn post(app: &axum::Router, path: &str, body: &str, session: Option<&str>) -> Answer {
    let response =
        super::authorization_matrix::post_form(app, path, body, session, "text/html").await;
    let status = response.status();
    let location = response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    Answer {
        status,
        location,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// A JSON call (as the hydrated page makes it): status and body.
async fn call(app: &axum::Router, path: &str, body: &str, session: &str) -> (StatusCode, String) {
    super::authorization_matrix::call(app, path, body, Some(session)).await
}

/// Asha, with her own account that does not enforce two-factor sign-in, and a member of
/// Ravi's account that does; her session token (working in her own account) and Ravi's
/// account id.
async fn asha_in_an_enforcing_account(h: &Harness) -> (String, i32) {
    let ravi = h.signed_in("ravi@other.example").await;
    let ravi = h.service.caller(&ravi).await.unwrap().unwrap();
    accounts::set_enforce_totp(&h.store, ravi.account.id, true)
        .await
        .unwrap();
    let asha = h.signed_in("asha@example.com").await;
    let user = users::find_by_email(&h.store, "asha@example.com")
        .await
        .unwrap()
        .unwrap();
    memberships::insert(
        &h.store,
        user.id,
        ravi.account.id,
        app::model::roles::AssignedRole::BuiltIn(app::model::Role::StandardUser),
        app::model::users::GroupAccess::All,
        h.clock.now(),
    )
    .await
    .unwrap();
    (asha, ravi.account.id)
}

#[tokio::test]
async fn switching_into_an_account_that_enforces_two_factor_sends_the_browser_to_enrolment() {
    let h = harness().await;
    let (asha, enforcing) = asha_in_an_enforcing_account(&h).await;
    let app = app(&h).await;

    let switched = post(
        &app,
        "/api/auth/switch-account",
        &format!("account_id={enforcing}"),
        Some(&asha),
    )
    .await;
    assert_eq!(
        switched.location.as_deref(),
        Some("/sign-in/two-factor/enrol"),
        "{} {}",
        switched.status,
        switched.body
    );
    // The session works nowhere until she enrols: not in the new account, not as a probe.
    let (status, body) = call(&app, "/api/orders/list", "query[page]=1", &asha).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    let (_, body) = call(&app, "/api/auth/current-session", "", &asha).await;
    assert_eq!(body, "null");
    let (status, _) = call(&app, "/api/auth/two-factor/enrolment", "", &asha).await;
    assert_eq!(status, StatusCode::OK, "the enrolment page has its secret");
}

#[tokio::test]
async fn a_sign_up_with_a_taken_address_answers_exactly_like_a_new_one() {
    let h = harness().await;
    h.activated("asha@example.com").await;
    let app = app(&h).await;
    let form = |email: &str| {
        format!(
            "kind=enterprise&name=Asha+Rao&email={email}&mobile=%2B91+98450+12345&organization=Example+Pvt+Ltd&country=IN&accept_terms=yes&terms_version=1&agreement_version=1"
        )
    };
    let fresh = post(
        &app,
        "/api/auth/sign-up",
        &form("fresh%40example.com"),
        None,
    )
    .await;
    let taken = post(&app, "/api/auth/sign-up", &form("asha%40example.com"), None).await;
    assert_eq!(fresh.status, StatusCode::FOUND, "{}", fresh.body);
    assert_eq!(
        (taken.status, taken.location.as_deref(), taken.body.as_str()),
        (fresh.status, fresh.location.as_deref(), fresh.body.as_str()),
        "the answer tells nothing about the address"
    );
    let mails = h.sent().await;
    let to_asha = mails.iter().filter(|m| m.to == "asha@example.com").count();
    assert_eq!(to_asha, 2, "her activation, then the notice of the attempt");
}

#[tokio::test]
async fn an_invitation_is_answered_only_by_the_invited_user_signed_in() {
    let h = harness().await;
    let asha = h.signed_in("asha@example.com").await;
    let ravi = h.signed_in("ravi@other.example").await;
    let eve = h.signed_in("eve@example.net").await;
    let user = users::find_by_email(&h.store, "asha@example.com")
        .await
        .unwrap()
        .unwrap();
    users::update_details(
        &h.store,
        user.id,
        users::Details {
            name: "Asha Iyengar",
            mobile: "+919845077777",
            designation: "CISO",
        },
    )
    .await
    .unwrap();
    let app = app(&h).await;

    let added = post(
        &app,
        "/api/users/add",
        "name=Typed+By+Ravi&email=asha%40example.com&mobile=%2B1+555+0100+999&designation=Intern&employee_id=R-7&role=standard_user&group_access=all",
        Some(&ravi),
    )
    .await;
    assert_eq!(
        added.location.as_deref(),
        Some("/users?invited=1"),
        "{}",
        added.body
    );
    let (_, listed) = call(&app, "/api/users/list", "query[page]=1", &ravi).await;
    assert!(
        listed.contains("asha@example.com"),
        "the invitation is listed: {listed}"
    );
    assert!(
        !listed.contains("Iyengar") && !listed.contains("919845077777") && !listed.contains("CISO"),
        "nothing of hers before she consents: {listed}"
    );
    let token = h.invitation_token().await;
    let body = format!("token={token}");

    let visitor = post(&app, "/api/auth/invitation/accept", &body, None).await;
    assert_ne!(
        visitor.location.as_deref(),
        Some("/choose-account?joined=1")
    );
    let (status, _) = call(&app, "/api/auth/invitation/accept", &body, &eve).await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "another user cannot accept it"
    );
    let (_, shown) = call(&app, "/api/auth/invitation", &body, &eve).await;
    assert!(
        shown.contains("eve@example.net"),
        "told who they are signed in as: {shown}"
    );

    let accepted = post(&app, "/api/auth/invitation/accept", &body, Some(&asha)).await;
    assert_eq!(
        accepted.location.as_deref(),
        Some("/choose-account?joined=1"),
        "{}",
        accepted.body
    );
    let (_, listed) = call(&app, "/api/users/list", "query[page]=1", &ravi).await;
    assert!(listed.contains("Asha Iyengar"), "after consent: {listed}");
    let (status, _) = call(&app, "/api/auth/invitation/decline", &body, &asha).await;
    assert_eq!(status, StatusCode::CONFLICT, "the link worked once");
}
