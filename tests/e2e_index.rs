//! End-to-end: the real binary in tmux with `--local`. A support agent queries the production
//! pool for its disabled users (the index is built on the way, with its progress), marks them all,
//! exports them to CSV with Ctrl-S, clears the query, and finds the index's exact count in the
//! Overview; the index is kept in the data directory, the owner's only.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod tmux_support;

use tmux_support::Tmux;

/// The demo disables every 23rd user from the eighth (`local::seed`), of 2,500.
fn disabled() -> usize {
    (0..2_500).filter(|i| i % 23 == 7).count()
}

#[test]
fn a_query_finds_the_disabled_users_marks_and_exports_them() {
    let tmux = Tmux::start();
    let data = tempfile::tempdir().unwrap();
    tmux.open_local(data.path());
    tmux.wait_for("acme-staging");
    tmux.find_pool("acme-production");
    tmux.keys(&["Enter"]);
    tmux.wait_for("2,500 users");

    tmux.keys(&["f"]);
    tmux.wait_for("Query users");
    tmux.type_text("not enabled");
    tmux.keys(&["Enter"]);
    let found = format!("{} users · query not enabled (local index)", disabled());
    let screen = tmux.wait_for(&found);
    assert!(screen.contains("indexed just now"), "{screen}");
    assert!(
        screen.contains("Groups"),
        "the query's rows have their groups: {screen}"
    );
    assert!(!screen.contains(" yes "), "only disabled users: {screen}");

    tmux.keys(&["*"]);
    tmux.wait_for(&format!("{} marked", disabled()));

    let out = data.path().join("disabled.csv");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Export users");
    // Users (the query's, chosen), Format (CSV), File: replace the default name.
    tmux.keys(&["Tab", "Tab", "C-u"]);
    tmux.type_text(&out.display().to_string());
    tmux.keys(&["Enter"]);
    tmux.wait_for(&format!("Exported {} users to", disabled()));
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(
        csv.starts_with("name,"),
        "GetCSVHeader's columns: {csv:.200}"
    );
    assert_eq!(
        csv.lines().count(),
        disabled() + 1,
        "a header and each user"
    );

    tmux.keys(&["Escape"]);
    tmux.wait_for("2,500 users");
    tmux.keys(&["h"]);
    tmux.wait_for("Users (local index)");
    tmux.wait_for("2,500 exactly");
    tmux.quit();

    let indexes = data.path().join("cognito-tui/indexes");
    let files: Vec<_> = std::fs::read_dir(&indexes)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(
        files
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "sqlite3")),
        "{files:?}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        for file in files {
            let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", file.display());
        }
    }
}
