//! Multi-Perspective Issuance Corroboration through the ACME router (TLS BR 3.2.2.9): a
//! challenge the primary sees answered must be seen by the remote perspectives too, and the
//! CAA check before issuance is repeated from them. The perspectives here are in memory; the
//! network-namespace test (`server/tests/mpic_netns.rs`) runs real ones.

use std::sync::Arc;

use super::*;
use crate::{
    perspective::{corroborator::Corroborator, fake::FakeRemote},
    services::acme::tests::world_corroborated,
};

/// Orders `name`, publishes the HTTP-01 answer at the primary and at the perspectives of
/// `remotes` whose index is in `seen_by`, and answers the challenge: the challenge object.
async fn answer_http_01(
    w: &World,
    c: &mut Client,
    remotes: &[Arc<FakeRemote>],
    seen_by: &[usize],
    name: &str,
) -> (String, Value, Value) {
    let (order_url, order) = c.order(&[name]).await;
    let authz = c
        .post(order["authorizations"][0].as_str().unwrap(), None)
        .await
        .json();
    let http = challenge_of(&authz, "http-01");
    let token = http["token"].as_str().unwrap();
    let answer = c.key_authorization(token);
    w.http.publish_acme(name, token, &answer);
    for i in seen_by {
        remotes[*i].http.publish_acme(name, token, &answer);
    }
    let done = c
        .post(http["url"].as_str().unwrap(), Some(json!({})))
        .await
        .json();
    (order_url, order, done)
}

#[tokio::test]
async fn an_http_01_answer_two_of_five_perspectives_cannot_see_is_invalid_and_one_is_outvoted() {
    let remotes = FakeRemote::spread(5);
    let w = world_corroborated(Corroborator::new(FakeRemote::as_remotes(&remotes), true)).await;
    let mut c = Client::new(&w);
    c.register(&w).await;

    let (_, _, refused) =
        answer_http_01(&w, &mut c, &remotes, &[0, 1, 2], "hidden.example.com").await;
    assert_eq!(refused["status"], "invalid", "{refused:?}");
    assert_eq!(
        refused["error"]["type"],
        "urn:ietf:params:acme:error:unauthorized"
    );
    let detail = refused["error"]["detail"].as_str().unwrap_or_default();
    assert!(
        detail.contains("multi-perspective corroboration") && detail.contains("p3"),
        "{detail}"
    );

    let (_, order, valid) =
        answer_http_01(&w, &mut c, &remotes, &[0, 1, 2, 3], "seen.example.com").await;
    assert_eq!(valid["status"], "valid", "{valid:?}");
    let (csr, _d) = csr_der(&["seen.example.com"]);
    let done = c
        .post(
            order["finalize"].as_str().unwrap(),
            Some(json!({"csr": csr})),
        )
        .await
        .json();
    assert_eq!(done["status"], "valid", "{done:?}");
}

#[tokio::test]
async fn caa_for_another_ca_seen_by_two_perspectives_refuses_issuance() {
    let remotes = FakeRemote::spread(5);
    let w = world_corroborated(Corroborator::new(FakeRemote::as_remotes(&remotes), true)).await;
    let mut c = Client::new(&w);
    c.register(&w).await;
    let name = "caa.example.com";
    // The primary sees no CAA; two perspectives are shown a record for another CA.
    remotes[0]
        .dns
        .add_caa("example.com", false, "issue", "other-ca.example");
    remotes[4]
        .dns
        .add_caa("example.com", false, "issue", "other-ca.example");
    let (order_url, order, valid) =
        answer_http_01(&w, &mut c, &remotes, &[0, 1, 2, 3, 4], name).await;
    assert_eq!(valid["status"], "valid", "{valid:?}");
    let (csr, _d) = csr_der(&[name]);
    let done = c
        .post(
            order["finalize"].as_str().unwrap(),
            Some(json!({"csr": csr})),
        )
        .await
        .json();
    assert_ne!(done["status"], "valid", "{done:?}");
    let order_id = acme_order(&w, &c, &order_url).await.order_id;
    let row = orders::get(&w.h.store, w.admin.account.id, order_id)
        .await
        .unwrap()
        .unwrap();
    let why = row.issue_error.unwrap_or_default();
    assert!(
        why.contains("CAA is not corroborated") && why.contains("other-ca.example"),
        "{why}"
    );
}
