//! End-to-end: an administrator edits an app client as JSON in their editor (`EDITOR` set to a
//! script that adds a second callback URL), in the real binary in tmux against moto and the local
//! server: the console hands over the terminal and takes it back, shows the difference, sends on
//! Enter, and a fresh describe shows the new URL with the OAuth flows and token validity kept.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod tmux_support;

use std::os::unix::fs::PermissionsExt as _;

use cognito_tui::cognito::edit::Target;
use cognito_tui::cognito::{ClientId, PoolId};
use common::backend::Backend;
use serde_json::json;
use tmux_support::Tmux;

/// An "editor": adds a callback URL to the JSON it is given (its `//` note lines dropped).
const EDITOR: &str = r#"#!/usr/bin/env python3
import json, sys
path = sys.argv[1]
text = open(path).read()
config = json.loads("\n".join(l for l in text.splitlines() if not l.lstrip().startswith("//")))
config["CallbackURLs"].append("https://app.example.com/cb2")
open(path, "w").write(json.dumps(config, indent=2))
"#;

async fn admin_adds_a_callback_url_in_their_editor(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let name = common::unique("e2e-edit");
    let answer = client
        .call_json("CreateUserPool", &json!({"PoolName": name}))
        .await
        .unwrap();
    let pool = PoolId::new(answer["UserPool"]["Id"].as_str().unwrap());
    let answer = client
        .call_json(
            "CreateUserPoolClient",
            &json!({"UserPoolId": pool, "ClientName": "web",
                    "CallbackURLs": ["https://app.example.com/cb"],
                    "AllowedOAuthFlows": ["code"], "AllowedOAuthFlowsUserPoolClient": true,
                    "AllowedOAuthScopes": ["openid"], "SupportedIdentityProviders": ["COGNITO"],
                    "AccessTokenValidity": 2, "TokenValidityUnits": {"AccessToken": "hours"}}),
        )
        .await
        .unwrap();
    let id = ClientId::new(answer["UserPoolClient"]["ClientId"].as_str().unwrap());
    let target = Target::Client(pool, id);
    let before = client.describe_resource(&target).await.unwrap();

    let dir = tempfile::tempdir().unwrap();
    let editor = dir.path().join("editor.py");
    std::fs::write(&editor, EDITOR).unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();

    let tmux = Tmux::start();
    let binary = env!("CARGO_BIN_EXE_cognito-tui");
    let line = format!(
        "XDG_DATA_HOME='{d}' XDG_CONFIG_HOME='{d}/config' VISUAL= EDITOR='{e}' '{binary}' \
         --region {r} --endpoint-url {u}; echo \"EXITED=$?\"",
        d = dir.path().display(),
        e = editor.display(),
        r = common::REGION,
        u = server.url,
    );
    tmux.type_text(&line);
    tmux.keys(&["Enter"]);
    tmux.wait_for("User pools");
    tmux.find_pool(&name);
    tmux.keys(&["Enter"]);
    tmux.wait_for("› Users");
    tmux.keys(&[":"]);
    tmux.type_text("clients");
    tmux.keys(&["Enter"]);
    tmux.wait_for("web");
    tmux.keys(&["E"]);
    let screen = tmux.wait_for("Update app client");
    assert!(
        screen.contains("+ CallbackURLs: \"https://app.example.com/cb2\""),
        "{screen}"
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for("updated: 1 change");
    tmux.quit();

    let after = client.describe_resource(&target).await.unwrap();
    assert_eq!(
        after["CallbackURLs"],
        json!(["https://app.example.com/cb", "https://app.example.com/cb2"])
    );
    for kept in [
        "AllowedOAuthFlows",
        "AllowedOAuthScopes",
        "AccessTokenValidity",
        "TokenValidityUnits",
        "SupportedIdentityProviders",
    ] {
        assert_eq!(after[kept], before[kept], "{kept} kept");
    }
}

on_both!("multi_thread": admin_adds_a_callback_url_in_their_editor);
