//! The whole console, headless: the pure core (`update`, the key map), the real worker, and the
//! built-in local server with its deterministic demo (or moto), drawn on a TestBackend. Keys go in as the
//! event loop would send them; after each, every request it started is answered before the screen
//! is read, so snapshots never catch a half-loaded list.
#![allow(
    dead_code,
    clippy::missing_panics_doc,
    clippy::unwrap_used,
    clippy::expect_used
)]

pub mod admin;

use std::collections::BTreeSet;

use cognito_tui::app::input::keymap::action_for_key;
use cognito_tui::app::remote::RequestId;
use cognito_tui::app::state::Context;
use cognito_tui::app::{Action, Effect, State, update};
use cognito_tui::local::{LocalServer, Seed, StateLocation};
use cognito_tui::ui::{Theme, render, table_rows};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use crate::worker_support::{Harness, settings};

pub const WIDTH: u16 = 110;
pub const HEIGHT: u16 = 32;

/// What the person does in their editor: the saved text from the text they were given.
pub type Editor = Box<dyn FnMut(&str) -> Result<String, String> + Send>;

pub struct Console {
    pub state: State,
    harness: Harness,
    outstanding: BTreeSet<RequestId>,
    _server: Option<LocalServer>,
    /// Stands in for `$EDITOR` when the console opens one (the event loop's part).
    pub editor: Option<Editor>,
    /// Every text the editor was given, in order.
    pub edited: Vec<String>,
}

impl Console {
    /// The console as `--local` opens it, on a fresh in-memory copy of the demo.
    pub async fn local_demo() -> Self {
        let server = LocalServer::start(&StateLocation::Memory, Seed::Demo, 0)
            .await
            .expect("the local server starts");
        Self::on(&server.url(), true, Some(server)).await
    }

    /// The console on another endpoint (moto), as `--endpoint-url` opens it.
    pub async fn at(url: &str) -> Self {
        Self::on(url, false, None).await
    }

    async fn on(url: &str, local: bool, server: Option<LocalServer>) -> Self {
        let harness = Harness::start(settings(url), 64).await;
        // The header shows the endpoint; a fixed one keeps the snapshots free of the port.
        let context = Context {
            profile: None,
            region: "us-east-1".into(),
            endpoint: "http://127.0.0.1:PORT".into(),
            is_aws: false,
            local,
            read_only: false,
        };
        let mut console = Self {
            state: State::new(context),
            harness,
            outstanding: BTreeSet::new(),
            _server: server,
            editor: None,
            edited: Vec::new(),
        };
        let rows = table_rows(Rect::new(0, 0, WIDTH, HEIGHT));
        console.act(Action::Resize { table_rows: rows }).await;
        let effects = cognito_tui::app::init(&mut console.state);
        console.run(effects).await;
        console
    }

    /// Presses one key, then waits for every request it started.
    pub async fn press(&mut self, code: KeyCode) {
        let event = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(action) = action_for_key(&self.state, event) {
            self.act(action).await;
        }
    }

    pub async fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            self.press(KeyCode::Char(c)).await;
        }
    }

    pub async fn act(&mut self, action: Action) {
        let effects = update(&mut self.state, action);
        self.run(effects).await;
    }

    async fn run(&mut self, mut effects: Vec<Effect>) {
        loop {
            let mut edits = Vec::new();
            for effect in effects.drain(..) {
                // The event loop's part: the editor runs, its answer comes straight back.
                if let Effect::OpenEditor { request, text } = effect {
                    self.edited.push(text.clone());
                    let editor = self.editor.as_mut().expect("a test editor is set");
                    edits.push(Action::Edited {
                        request,
                        outcome: editor(&text),
                    });
                    continue;
                }
                match &effect {
                    Effect::Api { request, .. }
                    | Effect::GeneratePassword { request, .. }
                    | Effect::ReadJournal { request, .. } => {
                        self.outstanding.insert(*request);
                    }
                    Effect::Cancel(request) => {
                        self.outstanding.remove(request);
                    }
                    Effect::Reconnect { .. }
                    | Effect::CopyToClipboard(_)
                    | Effect::OpenEditor { .. } => {}
                }
                self.harness.send(effect);
            }
            for edit in edits {
                effects.extend(update(&mut self.state, edit));
            }
            if !effects.is_empty() {
                continue;
            }
            if self.outstanding.is_empty() {
                return;
            }
            let action = self.harness.next().await;
            match &action {
                Action::Loaded {
                    request,
                    done: true,
                    ..
                }
                | Action::Failed { request, .. } => {
                    self.outstanding.remove(request);
                }
                _ => {}
            }
            effects = update(&mut self.state, action);
        }
    }

    /// The screen as text, one line a row.
    pub fn screen(&self) -> String {
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
        terminal
            .draw(|frame| render(&self.state, &Theme::new(false), frame))
            .expect("draw");
        let buffer = terminal.backend().buffer();
        let area = buffer.area;
        (0..area.height)
            .map(|y| {
                let line: String = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
                line.trim_end().to_owned()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}
