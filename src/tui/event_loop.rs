//! The one event loop: a single `select!` over terminal events, the worker's replies, a tick that
//! runs only while something loads, and the signals that end the console from outside. It draws
//! only when something changed, after applying every reply already queued.

use std::time::Duration;

use anyhow::{Context as _, anyhow};
use crossterm::event::{Event, EventStream, KeyEventKind};
use futures::StreamExt as _;
use ratatui::DefaultTerminal;
use ratatui::layout::Rect;
use tokio::sync::mpsc;
use tokio::time::MissedTickBehavior;

use super::signals::{Caught, Signals};
use crate::app;
use crate::app::Action;
use crate::app::Effect;
use crate::app::State;
use crate::app::input::keymap;
use crate::ui::{self, Theme};

/// The spinner's pace while a request runs.
const TICK: Duration = Duration::from_millis(100);
/// How often the console learns the wall clock (for ages shown in minutes).
const CLOCK: Duration = Duration::from_secs(30);

/// The state and the way to the worker: every action goes through `dispatch`.
struct Console {
    state: State,
    effects: mpsc::Sender<Effect>,
    /// A text to open in the person's editor, and the request its answer goes to: run by the
    /// loop, which owns the terminal and its event stream.
    editor: Option<(crate::app::remote::RequestId, String)>,
}

impl Console {
    async fn dispatch(&mut self, action: Action) -> anyhow::Result<()> {
        let effects = app::update(&mut self.state, action);
        self.send(effects).await
    }

    /// Hands the effects to the worker, waiting while its channel is full: the worker's loop never
    /// waits on the console, so this wait always ends.
    async fn send(&mut self, effects: Vec<Effect>) -> anyhow::Result<()> {
        for effect in effects {
            if let Effect::OpenEditor { request, text } = effect {
                self.editor = Some((request, text));
                continue;
            }
            // The terminal's own business: written here, between frames, never by the worker.
            if let Effect::CopyToClipboard(secret) = &effect {
                // A terminal that cannot be written to fails the next frame anyway.
                if let Err(e) = super::clipboard::copy(&mut std::io::stdout(), secret) {
                    tracing::warn!(error = %e, "the clipboard copy could not be written");
                }
                continue;
            }
            self.effects
                .send(effect)
                .await
                .map_err(|_| anyhow!("the background worker stopped"))?;
        }
        Ok(())
    }

    /// A terminal event; true when the screen must be drawn again.
    async fn on_event(&mut self, event: &Event) -> anyhow::Result<bool> {
        let action = match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                keymap::action_for_key(&self.state, *key)
            }
            Event::Mouse(mouse) => {
                keymap::action_for_mouse(&self.state, *mouse, ui::table_top(&self.state))
            }
            Event::Resize(width, height) => {
                self.dispatch(resize(*width, *height)).await?;
                return Ok(true);
            }
            _ => None,
        };
        match action {
            Some(action) => self.dispatch(action).await.map(|()| true),
            None => Ok(false),
        }
    }
}

fn resize(width: u16, height: u16) -> Action {
    Action::Resize {
        table_rows: ui::table_rows(Rect::new(0, 0, width, height)),
    }
}

/// Runs until the user quits (`None`) or a signal ends the console (which one).
pub async fn run(
    terminal: &mut DefaultTerminal,
    state: State,
    theme: &Theme,
    effects: mpsc::Sender<Effect>,
    mut actions: mpsc::Receiver<Action>,
    signals: &mut Signals,
) -> anyhow::Result<Option<Caught>> {
    let mut console = Console {
        state,
        effects,
        editor: None,
    };
    let size = terminal.size().context("reading the terminal size")?;
    console.dispatch(resize(size.width, size.height)).await?;
    let first = app::init(&mut console.state);
    console.send(first).await?;

    let mut events = EventStream::new();
    let mut tick = tokio::time::interval(TICK);
    tick.set_missed_tick_behavior(MissedTickBehavior::Delay);
    // The wall clock for ages ("indexed 4 min ago"): the reducer reads no clock of its own.
    let mut clock = tokio::time::interval(CLOCK);
    clock.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let mut dirty = true;
    while !console.state.quit {
        if let Some((request, text)) = console.editor.take() {
            // The event stream reads the terminal: it stops while the editor has it.
            drop(events);
            let outcome = super::editor::edit(terminal, &text);
            events = EventStream::new();
            console
                .dispatch(Action::Edited { request, outcome })
                .await?;
            dirty = true;
            continue;
        }
        if dirty {
            terminal
                .draw(|frame| ui::render(&console.state, theme, frame))
                .context("drawing")?;
            dirty = false;
        }
        let busy = console.state.is_busy();
        tokio::select! {
            event = events.next() => match event {
                Some(event) => dirty |= console.on_event(&event.context("reading the terminal")?).await?,
                None => break,
            },
            action = actions.recv() => {
                let Some(action) = action else {
                    return Err(anyhow!("the background worker stopped"));
                };
                console.dispatch(action).await?;
                while let Ok(action) = actions.try_recv() {
                    console.dispatch(action).await?;
                }
                dirty = true;
            }
            _ = clock.tick() => {
                let now = time::OffsetDateTime::now_utc().unix_timestamp();
                console.dispatch(Action::Clock(now)).await?;
                dirty = true;
            }
            _ = tick.tick(), if busy => {
                console.dispatch(Action::Tick).await?;
                dirty = true;
            }
            caught = signals.recv() => {
                tracing::info!("{}: the console ends", caught.name);
                return Ok(Some(caught));
            }
        }
    }
    tracing::info!("quit");
    Ok(None)
}
