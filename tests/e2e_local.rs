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

/// The console on the demo, acme-production open and searched (email ^=) for `text`: one user.
fn found_in_production(data: &std::path::Path, text: &str) -> Tmux {
    let tmux = Tmux::start();
    tmux.open_local(data);
    tmux.find_pool("acme-production");
    tmux.keys(&["Enter"]);
    tmux.wait_for("2,500 users");
    tmux.keys(&["s"]);
    tmux.type_text(text);
    tmux.keys(&["Enter"]);
    tmux.wait_for("1 user");
    tmux
}

/// Support's journey: ann.adams3 cannot sign in; the history shows the blocked sign-ins from
/// abroad; the newest is marked valid from the view, which reads it back with the feedback, and
/// the journal has the change.
#[test]
fn a_blocked_sign_in_is_marked_valid_from_the_history() {
    let data = tempfile::tempdir().unwrap();
    let tmux = found_in_production(data.path(), "ann.adams3");
    tmux.keys(&["v"]);
    let screen = tmux.wait_for("Lagos, Nigeria");
    assert!(
        screen.contains("Password: "),
        "the steps of each sign-in:\n{screen}"
    );
    tmux.keys(&["Tab"]);
    tmux.wait_for("Tab devices");
    tmux.keys(&["v"]);
    tmux.wait_for("verified who you are talking to");
    tmux.keys(&["Enter"]);
    tmux.wait_for("✓ sign-in of ann.adams3 marked valid");
    let screen = tmux.wait_for("feedback Valid");
    assert!(
        screen.contains("Tab devices"),
        "the history keeps the focus:\n{screen}"
    );
    tmux.keys(&["Escape"]);
    // Esc and ':' sent together read as Alt-':' to the terminal: wait for the history to close.
    tmux.wait("the history closed", |s| !s.contains("Tab devices"));
    tmux.keys(&[":"]);
    tmux.type_text("journal");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("AdminUpdateAuthEventFeedback");
    assert!(screen.contains("ann.adams3"), "{screen}");
    tmux.keys(&["Escape"]);
    tmux.quit();
}

/// Support's other everyday journey: "I never got to sign in". The agent searches by the email
/// the customer gave, and from the search on, fewer than 10 keys find why (the invitation
/// expired) and send a new one with the verdict's own key. Then, sharing the screen, Ctrl-T masks
/// the customer's email everywhere it was drawn.
#[test]
fn an_expired_invitation_is_found_by_email_and_fixed_with_the_verdicts_key() {
    let data = tempfile::tempdir().unwrap();
    let tmux = found_in_production(data.path(), "ann.diaz2@example.com");
    // From here on, every key counts.
    let mut keys = 0;
    let mut press = |key: &str| {
        keys += 1;
        tmux.keys(&[key]);
    };
    press("Enter");
    let screen = tmux.wait_for("BLOCKED");
    assert!(
        screen.contains("expired") && screen.contains("(invitation expired)"),
        "the verdict says why:\n{screen}"
    );
    press("F");
    tmux.wait_for("Ctrl-Y copies the AWS CLI command");
    press("Enter");
    let screen = tmux.wait("the verdict after the new invitation", |s| {
        s.contains("expires in") && !s.contains("BLOCKED")
    });
    assert!(screen.contains("ann.diaz2"), "{screen}");
    assert!(keys < 10, "{keys} keys after the search");

    tmux.keys(&["C-t"]);
    let screen = tmux.wait_for("MASKED");
    assert!(screen.contains("a***@example.com"), "{screen}");
    assert!(!screen.contains("ann.diaz2@example.com"), "{screen}");
    tmux.keys(&["C-t"]);
    tmux.wait("the mask lifted", |s| s.contains("ann.diaz2@example.com"));
    tmux.quit();
}
