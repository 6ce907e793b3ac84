//! Pool administration through the whole console (keys, `update`, the real worker, the wire) on
//! moto and the local server, in the editor: an app client edited as JSON (a function standing
//! in for `$EDITOR`), the difference reviewed, sent, and a fresh describe shows only that change;
//! a group deleted with its name typed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod console_support;
mod worker_support;

use cognito_tui::app::state::Tab;
use cognito_tui::cognito::edit::Target;
use common::backend::Backend;
use console_support::Console;
use console_support::admin::{json_of, open_pool, pool_with_client};
use crossterm::event::KeyCode;
use serde_json::json;

async fn an_app_client_edited_as_json_gains_a_callback_url_and_keeps_the_rest(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let (pool, name, id) = pool_with_client(&client).await;
    let target = Target::Client(pool.clone(), id.clone());
    let mut before = client.describe_resource(&target).await.unwrap();

    let mut c = Console::at(&server.url).await;
    c.editor = Some(Box::new(|text: &str| {
        let mut config = json_of(text);
        config["CallbackURLs"]
            .as_array_mut()
            .expect("the callback URLs are in the text")
            .push(json!("https://app.example.com/cb2"));
        Ok(serde_json::to_string_pretty(&config).unwrap())
    }));
    open_pool(&mut c, &name, Tab::Clients).await;
    c.keys("E").await;
    let screen = c.screen();
    assert!(
        screen.contains("Update app client")
            && screen.contains("+ CallbackURLs: \"https://app.example.com/cb2\""),
        "the difference is shown before anything is sent:\n{screen}"
    );
    assert_eq!(
        client.describe_resource(&target).await.unwrap(),
        before,
        "nothing is sent before Enter"
    );
    c.press(KeyCode::Enter).await;
    let screen = c.screen();
    assert!(screen.contains("updated: 1 change"), "{screen}");

    let mut after = client.describe_resource(&target).await.unwrap();
    before["CallbackURLs"] = json!(["https://app.example.com/cb", "https://app.example.com/cb2"]);
    for v in [&mut before, &mut after] {
        v.as_object_mut().unwrap().remove("LastModifiedDate");
    }
    assert_eq!(after, before, "only the callback URL changed");
    assert_eq!(c.edited.len(), 1);
    assert!(
        c.edited[0].contains("(UpdateUserPoolClient)"),
        "{}",
        c.edited[0]
    );
}

async fn a_group_is_deleted_once_its_name_is_typed(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let (pool, name, _) = pool_with_client(&client).await;
    client
        .call_json(
            "CreateGroup",
            &json!({"UserPoolId": pool, "GroupName": "old-admins"}),
        )
        .await
        .unwrap();
    let mut c = Console::at(&server.url).await;
    open_pool(&mut c, &name, Tab::Groups).await;
    c.keys("D").await;
    c.press(KeyCode::Enter).await;
    assert!(
        c.screen().contains("type old-admins exactly to delete"),
        "{}",
        c.screen()
    );
    c.keys("old-admins").await;
    c.press(KeyCode::Enter).await;
    let screen = c.screen();
    assert!(screen.contains("group old-admins deleted"), "{screen}");
    let groups = client
        .call_json("ListGroups", &json!({"UserPoolId": pool}))
        .await
        .unwrap();
    assert_eq!(groups["Groups"], json!([]));
}

on_both!("current_thread":
    an_app_client_edited_as_json_gains_a_callback_url_and_keeps_the_rest,
    a_group_is_deleted_once_its_name_is_typed,
);
