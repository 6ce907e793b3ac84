//! End-to-end: the real binary in tmux with `--local`, no AWS and no moto: the console opens on
//! the demo data of the embedded server, says LOCAL, and browses a pool and a user.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod tmux_support;

use tmux_support::Tmux;

#[test]
fn the_console_browses_the_local_demo() {
    let tmux = Tmux::start();
    let data = tempfile::tempdir().unwrap();
    tmux.open_local(data.path());
    let screen = tmux.wait_for("acme-staging");
    assert!(screen.contains("LOCAL http://127.0.0.1:"), "{screen}");
    tmux.find_pool("acme-production");
    tmux.keys(&["Enter"]);
    tmux.wait_for("2,500 users");
    tmux.keys(&["Enter"]);
    tmux.wait_for("custom:tenant");
    tmux.keys(&["Escape"]);
    tmux.wait_for("2,500 users");
    tmux.quit();
    assert!(
        data.path()
            .join("cognito-tui/local-server.sqlite3")
            .exists(),
        "the state is kept in the data dir"
    );
}
