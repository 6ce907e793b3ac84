//! The console: logging, the worker, the terminal, and the event loop that ties them together.

mod clipboard;
mod editor;
mod event_loop;
pub mod logging;
mod signals;
mod terminal;

use std::path::Path;

use tokio::sync::mpsc;

use crate::app::State;
use crate::app::input::keymap::Keymap;
use crate::app::worker::{Worker, context_of};
use crate::cognito::{ClientSettings, CognitoClient};
use crate::ui::Theme;

pub use signals::Caught;

/// Replies the worker may queue before it waits for the loop to take them.
const ACTION_CAPACITY: usize = 256;
/// Effects the loop may queue before it waits for the worker to take them.
const EFFECT_CAPACITY: usize = 256;

/// `NO_COLOR` set to anything but the empty string (no-color.org).
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Runs the console on an already connected client until the user quits. `settings` are what the
/// client was built from: `:profile` and `:region` rebuild it from them. `keys` are the user's key
/// tables. `mask`: start in screen-share mode (`--mask`). `log` is the log file, if one could be opened: a panic names it. `Some` when a signal
/// ended the console.
pub async fn run(
    settings: ClientSettings,
    client: CognitoClient,
    keys: Keymap,
    read_only: bool,
    mask: bool,
    log: Option<&Path>,
) -> anyhow::Result<Option<Caught>> {
    let context = context_of(&client, read_only);
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        region = %context.region,
        endpoint = %context.endpoint,
        read_only,
        "console started"
    );
    let (effect_tx, effect_rx) = mpsc::channel(EFFECT_CAPACITY);
    let (action_tx, action_rx) = mpsc::channel(ACTION_CAPACITY);
    let worker = Worker::new(settings, client, read_only, action_tx).spawn(effect_rx);
    let theme = Theme::new(no_color());

    let mut signals = signals::Signals::install()?;
    let mut screen = terminal::Screen::enter(log.map(Path::to_path_buf))?;
    // A deliberate panic on a live screen, so the end-to-end tests can prove the panic path:
    // the terminal restored, the log named.
    assert!(
        std::env::var_os("COGNITO_TUI_CRASH_DRILL").is_none(),
        "crash drill (COGNITO_TUI_CRASH_DRILL is set)"
    );
    let mut state = State::new(context);
    state.keys = keys;
    state.mask = mask;
    let outcome = event_loop::run(
        &mut screen.terminal,
        state,
        &theme,
        effect_tx,
        action_rx,
        &mut signals,
    )
    .await;
    drop(screen);
    worker.abort();
    outcome
}
