//! Signing in at the desk tells nobody whether an officer ID has a passkey: an unknown ID, an
//! officer's ID without a passkey and a supervisor's with one all get a ceremony whose options
//! name passkeys (stand-ins, the same every time, for an ID without any), and a refused passkey
//! gets one answer in all three cases. On both backends.

#[macro_use]
mod common;

use common::*;
use scpo_server::secrets;
use scpo_server::state::AppState;
use serde_json::{json, Value};

/// A passkey as the desk keeps it: the JSON of one Chromium's virtual authenticator registered
/// at this desk (a public key only).
const PASSKEY: &str = include_str!("fixtures/passkey.json");

async fn start(http: &Http, officer: &str) -> (u16, Value) {
    http.post_json(
        "/supervise/api/sign-in/start",
        json!({ "officer": officer }),
    )
    .await
}

/// The ids of the passkeys the options name.
fn allowed(answer: &Value) -> Vec<String> {
    answer["options"]["publicKey"]["allowCredentials"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

/// The answer with what must differ every time (the ceremony, the challenge, the passkeys'
/// ids) replaced by their lengths, and the passkeys named by how each is described (a real
/// supervisor may have one or several): what is left must be the same for every officer ID.
fn masked(answer: &Value) -> Value {
    let mut a = answer.clone();
    let len = |v: &Value| json!(v.as_str().unwrap().len());
    a["ceremony"] = len(&a["ceremony"]);
    let pk = &mut a["options"]["publicKey"];
    pk["challenge"] = len(&pk["challenge"]);
    let mut named: Vec<Value> = Vec::new();
    for c in pk["allowCredentials"].as_array().unwrap() {
        let mut c = c.clone();
        c["id"] = len(&c["id"]);
        if !named.contains(&c) {
            named.push(c);
        }
    }
    pk["allowCredentials"] = json!(named);
    a
}

fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// A passkey's answer as a browser sends it, but signed by nobody.
fn forged(ceremony: &Value, credential_id: &str) -> Value {
    json!({
        "ceremony": ceremony,
        "credential": {
            "id": credential_id,
            "rawId": credential_id,
            "type": "public-key",
            "extensions": {},
            "response": {
                "authenticatorData": b64(&[5u8; 37]),
                "clientDataJSON": b64(br#"{"type":"webauthn.get","challenge":"AAAA","origin":"http://localhost"}"#),
                "signature": b64(&[48u8; 70]),
                "userHandle": null,
            },
        },
    })
}

async fn sign_in_says_the_same_for_an_unknown_id_an_id_without_a_passkey_and_a_wrong_passkey(
    b: Backend,
) {
    let db = with_demo(b).await;
    let s = db.storage.as_ref();
    // DS-DEMO-01 has a passkey; PC-DEMO-01 is an officer without one; NOBODY-99 is no officer.
    let code = scpo_server::new_passkey_code(s, "DS-DEMO-01", at(0))
        .await
        .unwrap();
    let (id, secret) = secrets::parse_enrolment_code(&code).unwrap();
    let kept = s
        .add_passkey_with_code(
            &id,
            &secrets::hash(&secret),
            "DS-DEMO-01",
            "c",
            PASSKEY,
            at(1),
            5,
        )
        .await
        .unwrap();
    assert!(matches!(kept, scpo_server::storage::CodeCheck::Valid(_)));
    let http = Http::start(AppState::new(db.storage.clone())).await;

    let mut answers = Vec::new();
    for officer in ["DS-DEMO-01", "PC-DEMO-01", "NOBODY-99"] {
        let (status, answer) = start(&http, officer).await;
        assert_eq!(status, 200, "{officer}: {answer}");
        assert!(
            (1..=3).contains(&allowed(&answer).len()),
            "{officer}: {answer}"
        );
        answers.push((officer, answer));
    }
    let real = &answers[0].1;
    assert!(real["options"]["publicKey"]["challenge"].is_string());
    for (officer, answer) in &answers {
        assert_eq!(masked(answer), masked(real), "{officer} against DS-DEMO-01");
    }
    // Stand-ins are the same each time (however the ID is typed), and on another server on the
    // same database; another ID gets others. The challenge is new every time.
    let (_, again) = start(&http, " nobody-99").await;
    assert_eq!(allowed(&again), allowed(&answers[2].1));
    assert_ne!(
        again["options"]["publicKey"]["challenge"],
        answers[2].1["options"]["publicKey"]["challenge"]
    );
    let restarted = Http::start(AppState::new(db.storage.clone())).await;
    assert_eq!(
        allowed(&start(&restarted, "NOBODY-99").await.1),
        allowed(&answers[2].1)
    );
    assert_eq!(
        allowed(&start(&restarted, "PC-DEMO-01").await.1),
        allowed(&answers[1].1)
    );
    assert_ne!(allowed(&answers[1].1), allowed(&answers[2].1));
    assert_ne!(allowed(&answers[0].1), allowed(&answers[1].1));

    // Finishing: a wrong passkey for the DS, and the same for the two without one.
    let mut refusals = Vec::new();
    for (officer, answer) in &answers {
        let body = forged(&answer["ceremony"], &allowed(answer)[0]);
        let refused = http.post_json("/supervise/api/sign-in/finish", body).await;
        refusals.push((officer, refused));
    }
    for (officer, refused) in &refusals {
        assert_eq!(
            refused,
            &(
                401,
                json!({"error": "That passkey was not accepted. Try again."})
            ),
            "{officer}"
        );
    }
    // Nothing was signed in, and the passkey is as it was.
    assert_eq!(s.passkeys_of("DS-DEMO-01").await.unwrap(), vec![PASSKEY]);
}

/// A supervisor may have registered passkeys on more than one desk, so a real answer may name
/// several: so do stand-ins, for some IDs (most name one), each as long as a real one's.
async fn stand_ins_are_as_many_as_a_supervisor_s_passkeys_may_be(b: Backend) {
    let db = with_demo(b).await;
    let http = Http::start(AppState::new(db.storage.clone())).await;
    let mut by_count = [0u32; 4];
    for n in 0..200 {
        let (status, answer) = start(&http, &format!("NOBODY-{n:03}")).await;
        assert_eq!(status, 200);
        let ids = allowed(&answer);
        assert!(ids.iter().all(|id| id.len() == 43), "32 bytes: {ids:?}");
        by_count[ids.len().min(3)] += 1;
    }
    assert_eq!(by_count[0], 0);
    assert!(by_count[1] > 100, "{by_count:?}");
    assert!(by_count[2] + by_count[3] > 0, "{by_count:?}");
}

on_both_backends!(
    sign_in_says_the_same_for_an_unknown_id_an_id_without_a_passkey_and_a_wrong_passkey,
    stand_ins_are_as_many_as_a_supervisor_s_passkeys_may_be,
);
