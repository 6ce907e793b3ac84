//! End-to-end: the real binary in tmux against moto. Keys go in with `send-keys`, the screen comes
//! back with `capture-pane`; every wait polls the screen until a deadline. Fails loudly when tmux
//! or moto is missing (scripts/test.sh provides both).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use cognito_tui::cognito::{CognitoClient, GroupName, PoolId, Username};
use futures::StreamExt as _;
use serde_json::json;

const DEADLINE: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(100);
const TMUX: &str = "tmux";
/// moto does not check it; the log must never contain it.
const SECRET: &str = "e2e-secret-never-logged";

/// One tmux server (its own socket) running a shell in a 160×45 pane.
struct Tmux {
    socket: String,
    logs: tempfile::TempDir,
}

impl Tmux {
    fn start() -> Self {
        let socket = common::unique("cognito-tui-e2e");
        let logs = tempfile::tempdir().unwrap();
        let aws = logs.path().join("no-aws-config");
        let env = [
            ("AWS_ACCESS_KEY_ID", "testing".to_owned()),
            ("AWS_SECRET_ACCESS_KEY", SECRET.to_owned()),
            ("AWS_EC2_METADATA_DISABLED", "true".to_owned()),
            ("AWS_CONFIG_FILE", aws.display().to_string()),
            ("AWS_SHARED_CREDENTIALS_FILE", aws.display().to_string()),
            ("COGNITO_TUI_LOG_DIR", logs.path().display().to_string()),
            ("COGNITO_TUI_LOG", "debug".to_owned()),
        ];
        let mut command = Command::new(TMUX);
        command.args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"]);
        command.args(["-s", "e2e", "-x", "160", "-y", "45"]);
        for (key, value) in &env {
            command.arg("-e").arg(format!("{key}={value}"));
            command.env(key, value);
        }
        for key in [
            "AWS_PROFILE",
            "AWS_DEFAULT_PROFILE",
            "AWS_REGION",
            "NO_COLOR",
        ] {
            command.env_remove(key);
        }
        command.arg("sh");
        check(&run(command), "new-session");
        Self { socket, logs }
    }

    fn tmux(&self, args: &[&str]) -> String {
        let mut command = Command::new(TMUX);
        command.args(["-L", &self.socket]).args(args);
        let output = run(command);
        check(&output, args[0]);
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Named keys (`Enter`, `Escape`) or single characters.
    fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.tmux(&["send-keys", "-t", "e2e", key]);
        }
    }

    /// Literal text, as typed.
    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "e2e", "-l", text]);
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-t", "e2e", "-p"])
    }

    /// A pane variable, e.g. `#{alternate_on}`.
    fn pane(&self, format: &str) -> String {
        self.tmux(&["display-message", "-t", "e2e", "-p", format])
            .trim()
            .to_owned()
    }

    /// Polls the screen until `ready` holds; panics with the last screen at the deadline.
    fn wait(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {what}; the screen:\n{screen}"
            );
            std::thread::sleep(POLL);
        }
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait(&format!("{text:?}"), |s| s.contains(text))
    }

    /// Starts the console from the shell, then echoes its exit status when it ends.
    fn open_console(&self) {
        let binary = env!("CARGO_BIN_EXE_cognito-tui");
        let line = format!(
            "'{binary}' --region {} --endpoint-url {}; echo \"EXITED=$?\"",
            common::REGION,
            common::moto_url()
        );
        self.type_text(&line);
        self.keys(&["Enter"]);
        self.wait_for("User pools");
    }

    /// Shows only the pool named `name` (local filter), waiting until it is loaded.
    fn find_pool(&self, name: &str) {
        self.keys(&["/"]);
        self.type_text(name);
        self.keys(&["Enter"]);
        let id_prefix = format!("{}_", common::REGION);
        self.wait(&format!("the pool {name} in the list"), |s| {
            s.lines()
                .any(|l| l.contains(name) && l.contains(&id_prefix))
        });
    }

    /// `q`: the console ends with status 0 and leaves the terminal as it found it.
    fn quit(&self) {
        assert_eq!(
            self.pane("#{alternate_on}"),
            "1",
            "the console runs on the alternate screen"
        );
        assert_eq!(
            self.pane("#{mouse_any_flag}"),
            "1",
            "the console captures the mouse"
        );
        self.keys(&["q"]);
        let screen = self.wait_for("EXITED=0");
        let prompt = screen.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
        assert!(
            matches!(prompt.trim_end().chars().last(), Some('$' | '#')),
            "the shell prompt is back:\n{screen}"
        );
        assert_eq!(self.pane("#{alternate_on}"), "0", "alternate screen left");
        assert_eq!(self.pane("#{mouse_any_flag}"), "0", "mouse capture off");
        assert_eq!(self.pane("#{cursor_flag}"), "1", "cursor shown");
        let log = std::fs::read_to_string(self.logs.path().join("cognito-tui.log")).unwrap();
        assert!(log.contains("console started"), "{log}");
        assert!(!log.contains(SECRET), "a secret reached the log");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new(TMUX)
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

fn run(mut command: Command) -> Output {
    command.output().unwrap_or_else(|e| {
        panic!("could not run tmux ({e}): install it (scripts/test.sh does: apt-get install tmux)")
    })
}

fn check(output: &Output, what: &str) {
    assert!(
        output.status.success(),
        "tmux {what} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A pool (short unique name, so it fits the Name column) with users in groups.
async fn seed(
    prefix: &str,
    users: &[(&str, &[&str])],
    fillers: usize,
) -> (CognitoClient, PoolId, String) {
    let client = common::moto().await;
    let pool = common::create_pool(&client, prefix).await;
    let described = client.describe_user_pool(&pool).await.unwrap();
    let name = described.user_pool.unwrap().name.unwrap();
    let mut groups: Vec<&str> = users.iter().flat_map(|(_, g)| g.iter().copied()).collect();
    groups.sort_unstable();
    groups.dedup();
    for group in groups {
        let input = json!({"UserPoolId": pool, "GroupName": group});
        client.call_json("CreateGroup", &input).await.unwrap();
    }
    for (user, groups) in users {
        let email = format!("{user}@example.com");
        common::create_user(&client, &pool, user, &[("email", &email)]).await;
        for group in *groups {
            client
                .admin_add_user_to_group(&pool, &Username::new(*user), &GroupName::new(*group))
                .await
                .unwrap();
        }
    }
    futures::stream::iter(0..fillers)
        .for_each_concurrent(8, |i| {
            let (client, pool) = (&client, &pool);
            async move {
                let user = format!("filler{i:03}");
                let email = format!("{user}@example.org");
                common::create_user(client, pool, &user, &[("email", &email)]).await;
            }
        })
        .await;
    (client, pool, name)
}

fn assert_exists(path: &Path) {
    assert!(path.exists(), "{} is missing", path.display());
}

#[tokio::test(flavor = "multi_thread")]
async fn find_a_user_by_server_filter_and_see_their_groups() {
    let users: &[(&str, &[&str])] = &[
        ("ann", &["admins", "support"]),
        ("bob", &["staff"]),
        ("carol", &[]),
    ];
    // More than a page of users, so the search has to happen on the server.
    let (_client, _pool, name) = seed("e2e-find", users, 70).await;
    let tmux = Tmux::start();
    tmux.open_console();

    tmux.find_pool(&name);
    tmux.keys(&[":"]);
    tmux.type_text(&format!("pool {name}"));
    tmux.keys(&["Enter"]);
    tmux.wait(&format!("the users of {name}"), |s| {
        s.contains(&format!("› {name} › Users")) && s.contains("filler")
    });

    tmux.keys(&["s"]);
    tmux.wait_for("Search users on the server");
    tmux.type_text("ann");
    tmux.keys(&["Enter"]);
    tmux.wait("only ann, found on the server", |s| {
        s.contains("email ^= \"ann\"")
            && s.contains("ann@example.com")
            && !s.contains("filler")
            && !s.contains("bob@example.com")
    });

    tmux.keys(&["Enter"]);
    let screen = tmux.wait("ann's detail with her groups", |s| {
        s.contains(&format!("› {name} › Users › ann"))
            && s.contains("admins")
            && s.contains("support")
    });
    assert!(
        !screen.contains("staff"),
        "bob's group is not ann's:\n{screen}"
    );
    assert!(screen.contains("ann@example.com"), "{screen}");

    tmux.quit();
    assert_exists(&tmux.logs.path().join("cognito-tui.log"));
}

#[tokio::test(flavor = "multi_thread")]
async fn help_local_filter_json_back_and_quit() {
    let users: &[(&str, &[&str])] = &[
        ("dave", &["ops"]),
        ("erin", &["ops", "billing"]),
        ("frank", &[]),
    ];
    let (_client, _pool, name) = seed("e2e-keys", users, 0).await;
    let tmux = Tmux::start();
    tmux.open_console();

    tmux.keys(&["?"]);
    tmux.wait_for("move down");
    tmux.keys(&["Escape"]);
    tmux.wait("help closed", |s| !s.contains("move down"));

    tmux.find_pool(&name);
    tmux.keys(&["Enter"]);
    tmux.wait_for("dave@example.com");

    tmux.keys(&["/"]);
    tmux.type_text("erin");
    tmux.wait("only erin", |s| {
        s.contains("erin@example.com") && !s.contains("dave@example.com") && !s.contains("frank@")
    });
    tmux.keys(&["Enter"]);

    tmux.keys(&["Enter"]);
    tmux.wait("erin's detail", |s| {
        s.contains(&format!("› {name} › Users › erin")) && s.contains("billing")
    });
    tmux.keys(&["y"]);
    tmux.wait("erin's raw JSON", |s| {
        s.contains("\"Username\": \"erin\"") || s.contains("\"GroupName\": \"billing\"")
    });
    tmux.keys(&["Escape"]);
    let screen = tmux.wait("back on the users table", |s| {
        s.contains(&format!("› {name} › Users")) && !s.contains("› erin") && s.contains("Username")
    });
    assert!(
        screen.contains("erin@example.com"),
        "the filter stays:\n{screen}"
    );
    assert!(
        !screen.contains("dave@example.com"),
        "the filter stays:\n{screen}"
    );

    tmux.quit();
}
