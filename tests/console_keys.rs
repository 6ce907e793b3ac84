//! The console's keys from `config.toml`: a bad `[keys]` table stops the console before it starts,
//! naming the file and line; a good one changes the keys the real binary answers to and shows.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod tmux_support;

use std::path::Path;

use assert_cmd::Command;
use tmux_support::Tmux;

/// The console with `--local`, its config file `config`, and no terminal.
fn console(data: &Path, config: &str) -> std::process::Output {
    let path = data.join("config.toml");
    std::fs::write(&path, config).unwrap();
    Command::cargo_bin("cognito-tui")
        .unwrap()
        .env("XDG_DATA_HOME", data)
        .env("COGNITO_TUI_CONFIG", &path)
        .env("COGNITO_TUI_LOG_DIR", data)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .arg("--local")
        .output()
        .unwrap()
}

#[test]
fn a_bad_key_table_stops_the_console_naming_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = console(
        dir.path(),
        "read_only = false\n\n[keys]\ndisable = \"X\"\nreload = \"X\"\nundo = \"u\"\nquit = \"ctl-q\"\n",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let file = dir.path().join("config.toml").display().to_string();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "error: config file {file}, line 5: \"X\" would do two things in the users table and a user's detail: reload and disable"
            ),
            format!(
                "error: config file {file}, line 6: \"undo\" is not a key action (the README's \"Keys\" table lists them)"
            ),
            format!(
                "error: config file {file}, line 7: quit: \"ctl-q\" is not a key (e.g. \"X\", \"ctrl-d\", \"alt-b\", \"f5\", \"pagedown\", \"shift-tab\")"
            ),
        ],
        "{stderr}"
    );
}

#[test]
fn a_good_key_table_lets_the_console_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let out = console(
        dir.path(),
        "[keys]\ndisable = \"X\"\nreload = [\"f5\", \"ctrl-l\"]\n",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("the console needs a terminal"), "{stderr}");
}

#[test]
fn a_rebound_key_shows_in_the_footer_and_help_and_runs() {
    let tmux = Tmux::start();
    let data = tempfile::tempdir().unwrap();
    let config = data.path().join("config.toml");
    std::fs::write(&config, "[keys]\ndisable = \"X\"\nreload = \"f5\"\n").unwrap();
    let binary = env!("CARGO_BIN_EXE_cognito-tui");
    let line = format!(
        "XDG_DATA_HOME='{}' COGNITO_TUI_CONFIG='{}' '{binary}' --local; echo \"EXITED=$?\"",
        data.path().display(),
        config.display()
    );
    tmux.type_text(&line);
    tmux.keys(&["Enter"]);
    tmux.wait_for("acme-staging");
    tmux.find_pool("acme-production");
    tmux.keys(&["Enter"]);
    // Every check waits for the screen it wants: a capture may catch a frame half written.
    tmux.wait("the footer with F5", |s| {
        s.contains("2,500 users")
            && s.lines()
                .rfind(|l| !l.trim().is_empty())
                .is_some_and(|footer| footer.contains("F5 reload"))
    });
    tmux.keys(&["?"]);
    tmux.wait("the help with the user's keys", |s| {
        s.contains("X       disable / enable the user") && s.contains("F5      reload")
    });
    tmux.keys(&["Escape"]);
    tmux.wait("the help closed", |s| !s.contains("Keys (any key"));
    // x no longer disables: the menu opens on top of nothing.
    tmux.keys(&["x"]);
    tmux.keys(&["a"]);
    tmux.wait("the menu with the user's key", |s| {
        s.contains("sign out everywhere")
            && s.lines()
                .any(|l| l.contains("X  disable") || l.contains("X  enable"))
    });
    tmux.keys(&["Escape"]);
    // A key sent right after Esc would reach the console as Alt and that key.
    tmux.wait("the menu closed", |s| !s.contains("sign out everywhere"));
    tmux.keys(&["X"]);
    tmux.wait("the disable or enable dialog", |s| {
        s.contains("Disable ") || s.contains("Enable ")
    });
    tmux.keys(&["Escape"]);
    tmux.wait("the dialog closed", |s| {
        !s.contains("Disable ") && !s.contains("Enable ")
    });
    tmux.quit();
}
