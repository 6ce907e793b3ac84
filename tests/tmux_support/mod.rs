//! The real binary in tmux against a server (moto or the local one), for the end-to-end journeys: keys go in with `send-keys`,
//! the screen comes back with `capture-pane`; every wait polls the screen until a deadline. Fails
//! loudly when tmux or moto is missing (scripts/test.sh provides both).
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::missing_panics_doc
)]

use std::process::{Command, Output};
use std::time::{Duration, Instant};

use crate::common;

const DEADLINE: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(100);
const TMUX: &str = "tmux";
/// moto does not check it; the log must never contain it.
const SECRET: &str = "e2e-secret-never-logged";

/// One tmux server (its own socket) running a shell in a 160×45 pane.
pub struct Tmux {
    socket: String,
    pub logs: tempfile::TempDir,
}

impl Tmux {
    pub fn start() -> Self {
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
        let tmux = Self { socket, logs };
        // Text typed before the shell reads its terminal is echoed, then the prompt lands in the
        // middle of what the test reads back: wait for the prompt first.
        tmux.wait("the shell prompt", |s| !s.trim().is_empty());
        tmux
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        let mut command = Command::new(TMUX);
        command.args(["-L", &self.socket]).args(args);
        let output = run(command);
        check(&output, args[0]);
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Named keys (`Enter`, `Escape`) or single characters.
    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.tmux(&["send-keys", "-t", "e2e", key]);
        }
    }

    /// Literal text, as typed.
    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "e2e", "-l", text]);
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-t", "e2e", "-p"])
    }

    /// A pane variable, e.g. `#{alternate_on}`.
    pub fn pane(&self, format: &str) -> String {
        self.tmux(&["display-message", "-t", "e2e", "-p", format])
            .trim()
            .to_owned()
    }

    /// Polls the screen until `ready` holds; panics with the last screen at the deadline.
    pub fn wait(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
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

    pub fn wait_for(&self, text: &str) -> String {
        self.wait(&format!("{text:?}"), |s| s.contains(text))
    }

    /// Starts the console with `--local`, its data and settings in `data`, and waits for the demo's
    /// pools.
    pub fn open_local(&self, data: &std::path::Path) {
        let binary = env!("CARGO_BIN_EXE_cognito-tui");
        let line = format!(
            "XDG_DATA_HOME='{}' XDG_CONFIG_HOME='{}/config' '{binary}' --local; echo \"EXITED=$?\"",
            data.display(),
            data.display()
        );
        self.type_text(&line);
        self.keys(&["Enter"]);
        self.wait_for("User pools");
    }

    /// Starts the console on `url` from the shell, then echoes its exit status when it ends.
    pub fn open_console(&self, url: &str) {
        self.open_console_with(url, "");
    }

    /// Starts the console on `url` with extra arguments (e.g. `--read-only`).
    pub fn open_console_with(&self, url: &str, extra: &str) {
        let binary = env!("CARGO_BIN_EXE_cognito-tui");
        let line = format!(
            "'{binary}' --region {} --endpoint-url {url} {extra}; echo \"EXITED=$?\"",
            common::REGION,
        );
        self.type_text(&line);
        self.keys(&["Enter"]);
        self.wait_for("User pools");
    }

    /// Waits until the shell has printed `EXITED=<status>` (the typed command also holds the text
    /// `EXITED=`, and a long one wraps onto lines of its own) and, with `prompt`, its prompt as the
    /// last line (a panic's message may still arrive after it); the status and the screen.
    pub fn exit_status(&self, prompt: bool) -> (u32, String) {
        let status = |screen: &str| {
            screen.lines().find_map(|l| {
                l.trim()
                    .strip_prefix("EXITED=")
                    .and_then(|n| n.parse::<u32>().ok())
            })
        };
        let screen = self.wait("the exit status, then the shell prompt", |screen| {
            let last = screen.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
            status(screen).is_some()
                && (!prompt || matches!(last.trim_end().chars().last(), Some('$' | '#')))
        });
        (status(&screen).unwrap_or_default(), screen)
    }

    /// Shows only the pool named `name` (local filter), waiting until it is loaded.
    pub fn find_pool(&self, name: &str) {
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
    pub fn quit(&self) {
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
        let (status, screen) = self.exit_status(true);
        assert_eq!(status, 0, "{screen}");
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
