//! End-to-end journeys for what only the real binary in a real terminal shows: the generated
//! password reaching the clipboard through tmux (OSC 52) and never the log or the journal, and
//! `:profile` / `:region` refused plainly by the running console. Against the local server, named
//! by `--endpoint-url` as any other endpoint.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod tmux_support;

use cognito_tui::cognito::Username;
use cognito_tui::cognito::user_status::UserStatus;
use common::backend::Backend;
use tmux_support::Tmux;

/// Every file under `dir`, read as text.
fn contents(dir: &std::path::Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            text.push_str(&contents(&path));
        } else if let Ok(read) = std::fs::read_to_string(&path) {
            text.push_str(&read);
        }
    }
    text
}

#[tokio::test(flavor = "multi_thread")]
async fn a_generated_password_is_shown_copied_and_never_written_down() {
    let server = Backend::Local.start().await;
    let client = server.client().await;
    let pool = common::create_pool(&client, "e2e-password").await;
    let name = client
        .describe_user_pool(&pool)
        .await
        .unwrap()
        .user_pool
        .unwrap()
        .name
        .unwrap();
    common::create_user(&client, &pool, "ann", &[("email", "ann@example.com")]).await;
    let tmux = Tmux::start();
    // tmux passes OSC 52 on to its own buffer only when told to.
    tmux.tmux(&["set-option", "-g", "set-clipboard", "on"]);
    let data = tempfile::tempdir().unwrap();
    tmux.type_text(&format!(
        "export COGNITO_TUI_DATA_DIR='{}'",
        data.path().display()
    ));
    tmux.keys(&["Enter"]);
    tmux.open_console(&server.url);
    tmux.find_pool(&name);
    tmux.keys(&["Enter"]);
    tmux.wait_for("ann@example.com");

    tmux.keys(&["p"]);
    tmux.wait("the set-password form", |s| {
        s.contains("Set password of ann") && !s.contains("Loading the pool")
    });
    tmux.keys(&["C-p"]);
    tmux.wait("a generated password in the field", |s| {
        s.contains("••••••••")
    });
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Password of ann");
    assert!(
        screen.contains("temporary password set for ann"),
        "{screen}"
    );
    tmux.keys(&["r"]);
    let screen = tmux.wait_for("r hides");
    let password = screen
        .lines()
        .skip_while(|l| !l.contains("shown this once"))
        .nth(2)
        .map(|l| {
            l.trim_matches(|c: char| c == '│' || c.is_whitespace())
                .to_owned()
        })
        .expect("the revealed password");
    assert!(password.len() >= 8, "{password:?} in\n{screen}");
    tmux.keys(&["c"]);
    tmux.wait_for("OSC 52");
    let start = std::time::Instant::now();
    let copied = loop {
        let buffer = tmux.tmux(&["show-buffer"]);
        if buffer == password || start.elapsed() > std::time::Duration::from_secs(10) {
            break buffer;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    assert_eq!(copied, password, "the clipboard holds what was shown");
    tmux.keys(&["Escape"]);
    tmux.wait("the dialog closed", |s| !s.contains("Password of ann"));
    tmux.quit();

    let got = client
        .admin_get_user(&pool, &Username::new("ann"))
        .await
        .unwrap();
    assert_eq!(got.user_status, Some(UserStatus::ForceChangePassword));
    let journal = contents(data.path());
    assert!(journal.contains("AdminSetUserPassword"), "{journal}");
    assert!(
        !journal.contains(&password),
        "the journal has it:\n{journal}"
    );
    let log = contents(tmux.logs.path());
    assert!(
        log.contains("AdminSetUserPassword") || log.contains("SetPassword"),
        "{log}"
    );
    assert!(!log.contains(&password), "the log has it");
}

#[tokio::test(flavor = "multi_thread")]
async fn profile_and_region_are_refused_plainly() {
    let server = Backend::Local.start().await;
    let tmux = Tmux::start();
    tmux.open_console(&server.url);
    tmux.keys(&[":"]);
    tmux.type_text("profile nosuch");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("No profile \"nosuch\"");
    assert!(screen.contains("the previous credentials stay"), "{screen}");
    let header = screen.lines().next().unwrap_or_default().to_owned();
    assert!(!header.contains("nosuch"), "{header}");
    tmux.keys(&[":"]);
    tmux.type_text("region moon");
    tmux.keys(&["Enter"]);
    tmux.wait_for("\"moon\" is not a region name");
    tmux.quit();
}
