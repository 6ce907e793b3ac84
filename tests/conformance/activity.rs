//! A user's remembered devices and auth events, on a pool the demo seed filled (no operation
//! creates either). Local server only: moto 5.2 implements none of the six device and auth
//! event operations (it answers them with an HTML 500).

use cognito_tui::cognito::{CognitoClient, PoolId, Username};
use serde_json::{Value, json};

use super::code_of;

/// Calls `operation` with the user's pool and name plus `extra`.
async fn call(
    client: &CognitoClient,
    operation: &str,
    pool: &PoolId,
    user: &Username,
    extra: Value,
) -> Result<Value, cognito_tui::aws::AwsError> {
    let mut input = json!({"UserPoolId": pool.as_str(), "Username": user.as_str()});
    if let (Some(input), Some(extra)) = (input.as_object_mut(), extra.as_object()) {
        input.extend(extra.clone());
    }
    client.call_json(operation, &input).await
}

/// Every item of a listing, fetched `page` at a time.
async fn all(
    client: &CognitoClient,
    (operation, size_member, token_member, key): (&str, &str, &str, &str),
    pool: &PoolId,
    user: &Username,
    page: u32,
) -> Vec<Value> {
    let mut items = Vec::new();
    let mut extra = json!({ size_member: page });
    loop {
        let out = call(client, operation, pool, user, extra.clone())
            .await
            .unwrap();
        let got = out[key].as_array().unwrap();
        assert!(got.len() <= page as usize);
        items.extend(got.iter().cloned());
        match out[token_member].as_str() {
            Some(token) => extra[token_member] = json!(token),
            None => return items,
        }
    }
}

const DEVICES: (&str, &str, &str, &str) =
    ("AdminListDevices", "Limit", "PaginationToken", "Devices");
const EVENTS: (&str, &str, &str, &str) = (
    "AdminListUserAuthEvents",
    "MaxResults",
    "NextToken",
    "AuthEvents",
);

/// The first user of the pool's first page with at least `devices` devices and `events` events.
pub async fn user_with(
    client: &CognitoClient,
    pool: &PoolId,
    devices: usize,
    events: usize,
) -> Username {
    let page = client
        .call_json("ListUsers", &json!({"UserPoolId": pool.as_str()}))
        .await
        .unwrap();
    for user in page["Users"].as_array().unwrap() {
        let name = Username::new(user["Username"].as_str().unwrap());
        if all(client, DEVICES, pool, &name, 60).await.len() >= devices
            && all(client, EVENTS, pool, &name, 60).await.len() >= events
        {
            return name;
        }
    }
    panic!("no user of the first page has {devices} devices and {events} auth events");
}

fn attribute<'a>(device: &'a Value, name: &str) -> Option<&'a str> {
    device["DeviceAttributes"]
        .as_array()?
        .iter()
        .find(|a| a["Name"] == name)
        .and_then(|a| a["Value"].as_str())
}

/// Paging, AdminGetDevice, remembered status, AdminForgetDevice; sign-out forgets nothing.
pub async fn devices(client: &CognitoClient, pool: &PoolId, user: &Username) {
    let listed = all(client, DEVICES, pool, user, 60).await;
    assert_eq!(all(client, DEVICES, pool, user, 1).await, listed);
    let over = call(client, "AdminListDevices", pool, user, json!({"Limit": 61})).await;
    assert_eq!(code_of(over), "InvalidParameterException");
    let first = &listed[0];
    let key = first["DeviceKey"].as_str().unwrap();
    assert!(key.starts_with("us-east-1_"), "{key}");
    for name in ["device_status", "device_name", "last_ip_used"] {
        assert!(attribute(first, name).is_some(), "{name} in {first}");
    }
    let get = || {
        call(
            client,
            "AdminGetDevice",
            pool,
            user,
            json!({"DeviceKey": key}),
        )
    };
    assert_eq!(&get().await.unwrap()["Device"], first);

    let status = |value: &'static str| {
        call(
            client,
            "AdminUpdateDeviceStatus",
            pool,
            user,
            json!({"DeviceKey": key, "DeviceRememberedStatus": value}),
        )
    };
    status("not_remembered").await.unwrap();
    let got = get().await.unwrap();
    let remembered = attribute(&got["Device"], "dev:device_remembered_status");
    assert_eq!(remembered, Some("not_remembered"));
    assert!(
        got["Device"]["DeviceLastModifiedDate"].as_f64() > first["DeviceLastModifiedDate"].as_f64()
    );
    assert_eq!(
        code_of(status("forgotten").await),
        "InvalidParameterException"
    );

    client.admin_user_global_sign_out(pool, user).await.unwrap();
    assert_eq!(
        all(client, DEVICES, pool, user, 60).await.len(),
        listed.len()
    );

    let forget = || {
        call(
            client,
            "AdminForgetDevice",
            pool,
            user,
            json!({"DeviceKey": key}),
        )
    };
    forget().await.unwrap();
    let left = all(client, DEVICES, pool, user, 60).await;
    assert_eq!(left.len(), listed.len() - 1);
    assert!(left.iter().all(|d| d["DeviceKey"] != key));
    let gone = get().await;
    assert_eq!(code_of(gone), "ResourceNotFoundException");
    assert_eq!(code_of(forget().await), "ResourceNotFoundException");
    let malformed = call(
        client,
        "AdminForgetDevice",
        pool,
        user,
        json!({"DeviceKey": "not a key"}),
    )
    .await;
    assert_eq!(code_of(malformed), "InvalidParameterException");
}

/// Newest first, paged with NextToken; feedback shows on the event.
pub async fn auth_events(client: &CognitoClient, pool: &PoolId, user: &Username) {
    let listed = all(client, EVENTS, pool, user, 60).await;
    assert!(listed.len() >= 3);
    let times: Vec<f64> = listed
        .iter()
        .map(|e| e["CreationDate"].as_f64().unwrap())
        .collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "newest first");
    assert_eq!(all(client, EVENTS, pool, user, 2).await, listed);
    let typed = client
        .admin_list_user_auth_events(pool, user, None)
        .await
        .unwrap();
    assert_eq!(typed.auth_events.len(), listed.len());
    let over = call(
        client,
        "AdminListUserAuthEvents",
        pool,
        user,
        json!({"MaxResults": 61}),
    )
    .await;
    assert_eq!(code_of(over), "InvalidParameterException");
    for event in &listed {
        for member in ["EventId", "EventType", "EventResponse", "EventRisk"] {
            assert!(event.get(member).is_some(), "{member} in {event}");
        }
        assert!(event.get("EventFeedback").is_none());
    }

    let id = listed[1]["EventId"].as_str().unwrap();
    let feedback = |event: &str, value: &str| {
        call(
            client,
            "AdminUpdateAuthEventFeedback",
            pool,
            user,
            json!({"EventId": event, "FeedbackValue": value}),
        )
    };
    feedback(id, "Invalid").await.unwrap();
    let after = all(client, EVENTS, pool, user, 60).await;
    let marked = &after[1]["EventFeedback"];
    assert_eq!(marked["FeedbackValue"], "Invalid", "{marked}");
    assert_eq!(marked["Provider"], "Admin");
    assert!(marked["FeedbackDate"].as_f64().is_some());
    assert!(after[0].get("EventFeedback").is_none());
    assert_eq!(
        code_of(feedback(id, "Maybe").await),
        "InvalidParameterException"
    );
    assert_eq!(
        code_of(feedback("no-such-event", "Valid").await),
        "ResourceNotFoundException"
    );
}

/// A pool without threat protection has no auth events and takes no feedback.
pub async fn without_threat_protection(client: &CognitoClient, pool: &PoolId, user: &Username) {
    let events = client.admin_list_user_auth_events(pool, user, None).await;
    assert_eq!(code_of(events), "UserPoolAddOnNotEnabledException");
    let feedback = call(
        client,
        "AdminUpdateAuthEventFeedback",
        pool,
        user,
        json!({"EventId": "some-event", "FeedbackValue": "Valid"}),
    )
    .await;
    assert_eq!(code_of(feedback), "UserPoolAddOnNotEnabledException");
}
