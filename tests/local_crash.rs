//! Crash safety of the built-in local server: eight writers create users while the server process
//! is killed with SIGKILL, four times over; after each restart on the same state file, every
//! create the server acknowledged is there.
// Helpers outside #[test] functions fail a test just as well: unwrap/expect are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::io::BufRead as _;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

use cognito_tui::cognito::users::ListUsersRequest;
use cognito_tui::cognito::{CognitoClient, PoolId};
use futures::TryStreamExt as _;

const WRITERS: usize = 8;
const ROUNDS: usize = 4;
/// Acknowledged creates to wait for before each kill.
const ACKS_BEFORE_KILL: usize = 150;

/// `cognito-tui local-server` on a free port with its state in `state`; its URL.
fn start(state: &Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cognito-tui"))
        .args(["local-server", "--port", "0", "--seed", "empty", "--state"])
        .arg(state)
        .env("COGNITO_TUI_DATA_DIR", state.parent().unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.starts_with("http://127.0.0.1:"), "{line:?}");
    (child, line.trim().to_owned())
}

async fn usernames(client: &CognitoClient, pool: &PoolId) -> BTreeSet<String> {
    let pages: Vec<_> = client
        .list_users(ListUsersRequest::new(pool.clone()))
        .try_collect()
        .await
        .unwrap();
    pages
        .iter()
        .flat_map(|p| &p.users)
        .map(|u| u.username.to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_acknowledged_is_lost_when_the_server_is_killed_under_writers() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.sqlite3");
    let (mut server, url) = start(&state);
    let client = common::client_for(&url, "local", "local").await;
    let pool = common::create_pool(&client, "crash").await;
    server.kill().unwrap();
    server.wait().unwrap();

    let acknowledged = Arc::new(Mutex::new(BTreeSet::new()));
    for round in 0..ROUNDS {
        let (mut server, url) = start(&state);
        let client = common::client_for(&url, "local", "local").await;
        // Everything acknowledged before, in every earlier round, survived the kills.
        let found = usernames(&client, &pool).await;
        let missing: Vec<_> = acknowledged
            .lock()
            .unwrap()
            .difference(&found)
            .cloned()
            .collect();
        assert!(missing.is_empty(), "round {round}: lost {missing:?}");

        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let (client, pool, acked) =
                    (client.clone(), pool.clone(), Arc::clone(&acknowledged));
                tokio::spawn(async move {
                    for i in 0.. {
                        let name = format!("r{round}-w{w}-{i:05}");
                        let request = cognito_tui::cognito::user_admin::AdminCreateUserRequest {
                            user_pool_id: pool.clone(),
                            username: cognito_tui::cognito::Username::new(&name),
                            temporary_password: Some(cognito_tui::cognito::types::Secret::new(
                                common::PASSWORD,
                            )),
                            message_action: Some("SUPPRESS".to_owned()),
                            ..Default::default()
                        };
                        if client.admin_create_user(&request).await.is_err() {
                            return;
                        }
                        acked.lock().unwrap().insert(name);
                    }
                })
            })
            .collect();
        let target = acknowledged.lock().unwrap().len() + ACKS_BEFORE_KILL;
        while acknowledged.lock().unwrap().len() < target {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        server.kill().unwrap();
        server.wait().unwrap();
        for writer in writers {
            writer.await.unwrap();
        }
    }
    let (mut server, url) = start(&state);
    let client = common::client_for(&url, "local", "local").await;
    let found = usernames(&client, &pool).await;
    let acknowledged = acknowledged.lock().unwrap().clone();
    let missing: Vec<_> = acknowledged.difference(&found).collect();
    assert!(missing.is_empty(), "lost {missing:?}");
    assert!(acknowledged.len() >= ROUNDS * ACKS_BEFORE_KILL);
    server.kill().unwrap();
    let _ = server.wait();
}
