//! A panic on a live screen restores the terminal and says where the log is (run in tmux).
mod common;
mod tmux_support;

use tmux_support::Tmux;

#[test]
fn a_panic_restores_the_terminal_and_names_the_log() {
    let tmux = Tmux::start();
    let line = format!(
        "COGNITO_TUI_CRASH_DRILL=1 RUST_BACKTRACE=0 '{}' --region {} --endpoint-url {}; echo \"EXITED=$?\"",
        env!("CARGO_BIN_EXE_cognito-tui"),
        common::REGION,
        common::moto_url()
    );
    tmux.type_text(&line);
    tmux.keys(&["Enter"]);
    let (status, screen) = tmux.exit_status(false);
    assert_eq!(
        status, 101,
        "a panic exits with Rust's panic status:\n{screen}"
    );
    let log = tmux.logs.path().join("cognito-tui.log");
    assert!(
        screen.contains(&format!("the log is {}", log.display())),
        "the crash message names the log file:\n{screen}"
    );
    assert!(
        screen.contains("crash drill"),
        "the panic message is shown:\n{screen}"
    );
    assert_eq!(
        tmux.pane("#{alternate_on}"),
        "0",
        "back on the normal screen"
    );
    assert_eq!(
        tmux.pane("#{mouse_any_flag}"),
        "0",
        "mouse capture released"
    );
    assert_eq!(tmux.pane("#{cursor_flag}"), "1", "cursor shown");
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(
        logged.contains("panic"),
        "the panic is in the log:\n{logged}"
    );
}
