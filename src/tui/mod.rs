//! The console: logging, the worker, the terminal, and the event loop that ties them together.

mod clipboard;
mod event_loop;
mod logging;
mod terminal;

use tokio::sync::mpsc;

use crate::app::State;
use crate::app::worker::{Worker, context_of};
use crate::cognito::{ClientSettings, CognitoClient};
use crate::ui::Theme;

/// Replies the worker may queue before it waits for the loop to take them.
const ACTION_CAPACITY: usize = 256;

/// `NO_COLOR` set to anything but the empty string (no-color.org).
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Runs the console on an already connected client until the user quits. `settings` are what the
/// client was built from: `:profile` and `:region` rebuild it from them.
pub async fn run(
    settings: ClientSettings,
    client: CognitoClient,
    read_only: bool,
) -> anyhow::Result<()> {
    let log = logging::init();
    let context = context_of(&client, read_only);
    match &log {
        Ok(file) => tracing::info!(
            version = env!("CARGO_PKG_VERSION"),
            region = %context.region,
            endpoint = %context.endpoint,
            read_only,
            log = %file.path.display(),
            "console started"
        ),
        Err(why) => eprintln!("cognito-tui: running without a log file ({why})"),
    }
    let (effect_tx, effect_rx) = mpsc::unbounded_channel();
    let (action_tx, action_rx) = mpsc::channel(ACTION_CAPACITY);
    let worker = Worker::new(settings, client, read_only, action_tx).spawn(effect_rx);
    let theme = Theme::new(no_color());

    let log_path = log.as_ref().ok().map(|f| f.path.clone());
    let mut screen = terminal::Screen::enter(log_path)?;
    // A deliberate panic on a live screen, so the end-to-end tests can prove the panic path:
    // the terminal restored, the log named.
    assert!(
        std::env::var_os("COGNITO_TUI_CRASH_DRILL").is_none(),
        "crash drill (COGNITO_TUI_CRASH_DRILL is set)"
    );
    let outcome = event_loop::run(
        &mut screen.terminal,
        State::new(context),
        &theme,
        effect_tx,
        action_rx,
    )
    .await;
    drop(screen);
    worker.abort();
    outcome
}
