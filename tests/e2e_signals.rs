//! SIGTERM, SIGHUP and SIGINT from outside end the console as `q` does: the terminal back to a
//! normal screen (run in tmux), then the exit status a shell gives that signal (128 + its number).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod tmux_support;

use tmux_support::Tmux;

/// Starts the console, sends it `signal` (named as `kill` takes it) and checks how it ended.
fn ends_cleanly_on(signal: &str, number: u8) {
    let tmux = Tmux::start();
    let pid_file = tmux.logs.path().join("console.pid");
    // `exec` keeps the pid the shell wrote, so the signal reaches the console itself.
    let line = format!(
        "sh -c 'echo $$ > \"{}\"; exec \"{}\" --region {} --endpoint-url {}'; echo \"EXITED=$?\"",
        pid_file.display(),
        env!("CARGO_BIN_EXE_cognito-tui"),
        common::REGION,
        common::moto_url()
    );
    tmux.type_text(&line);
    tmux.keys(&["Enter"]);
    tmux.wait_for("User pools");
    assert_eq!(tmux.pane("#{alternate_on}"), "1", "the console is running");
    assert_eq!(tmux.pane("#{mouse_any_flag}"), "1", "it captures the mouse");
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    let sent = std::process::Command::new("kill")
        .args([&format!("-{signal}"), pid.trim()])
        .status()
        .unwrap();
    assert!(sent.success(), "kill -{signal} {pid}");

    // The terminal is restored before the process ends, so once the status shows it is final.
    let (status, screen) = tmux.exit_status(true);
    let expected = 128 + u32::from(number);
    assert_eq!(
        status, expected,
        "SIG{signal} ends with status {expected}:\n{screen}"
    );
    assert_eq!(tmux.pane("#{alternate_on}"), "0", "alternate screen left");
    assert_eq!(tmux.pane("#{mouse_any_flag}"), "0", "mouse capture off");
    assert_eq!(tmux.pane("#{cursor_flag}"), "1", "cursor shown");
    let log = std::fs::read_to_string(tmux.logs.path().join("cognito-tui.log")).unwrap();
    assert!(
        log.contains(&format!("SIG{signal}")),
        "the log says why the console ended:\n{log}"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    ends_cleanly_on("TERM", 15);
}

#[test]
fn sighup_restores_the_terminal() {
    ends_cleanly_on("HUP", 1);
}

#[test]
fn sigint_from_outside_restores_the_terminal() {
    ends_cleanly_on("INT", 2);
}
