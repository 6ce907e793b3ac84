//! One frame of the users table with 100,000 users on a 200x50 TestBackend, and one local-filter
//! keystroke over them through `update` (a narrowing one and a widening backspace).
#![allow(
    clippy::unwrap_used,
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss
)]

#[path = "support/big_pool.rs"]
mod big_pool;

use cognito_tui::app::state::Context;
use cognito_tui::app::{Action, InputKey, State, update};
use cognito_tui::ui::{Theme, render, table_rows};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use std::hint::black_box;

/// A console on a pool's users tab with 100,000 users loaded in pages of 60.
fn loaded_state(area: Rect) -> State {
    let mut s = State::new(Context {
        region: "us-east-1".into(),
        endpoint: "https://cognito-idp.us-east-1.amazonaws.com/".into(),
        is_aws: true,
        ..Context::default()
    });
    update(
        &mut s,
        Action::Resize {
            table_rows: table_rows(area),
        },
    );
    let users = big_pool::open_pool(&mut s);
    big_pool::load_users(&mut s, users);
    s
}

fn frame(c: &mut Criterion) {
    let area = Rect::new(0, 0, 200, 50);
    let mut s = loaded_state(area);
    // Somewhere in the middle, so the window is not the first page.
    for _ in 0..1_000 {
        update(&mut s, Action::PageDown);
    }
    let theme = Theme::new(false);
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    c.bench_function("frame: users table, 100k users, 200x50", |b| {
        b.iter(|| {
            terminal.draw(|f| render(black_box(&s), &theme, f)).unwrap();
        });
    });
}

fn keystroke(c: &mut Criterion) {
    let mut s = loaded_state(Rect::new(0, 0, 200, 50));
    update(&mut s, Action::OpenLocalFilter);
    // "person12" leaves the 1,111 users whose email starts person12…; typing "3" narrows it.
    for ch in "person12".chars() {
        update(&mut s, Action::Input(InputKey::Char(ch)));
    }
    let mut group = c.benchmark_group("keystroke: local filter, 100k users");
    group.bench_function("narrowing (type one more char)", |b| {
        b.iter_batched_ref(
            || s.clone(),
            |s| update(s, Action::Input(InputKey::Char('3'))),
            criterion::BatchSize::LargeInput,
        );
    });
    group.bench_function("widening (backspace)", |b| {
        b.iter_batched_ref(
            || s.clone(),
            |s| update(s, Action::Input(InputKey::Backspace)),
            criterion::BatchSize::LargeInput,
        );
    });
    let mut first = s.clone();
    update(&mut first, Action::Input(InputKey::Cancel));
    update(&mut first, Action::OpenLocalFilter);
    group.bench_function("first char over all rows", |b| {
        b.iter_batched_ref(
            || first.clone(),
            |s| update(s, Action::Input(InputKey::Char('9'))),
            criterion::BatchSize::LargeInput,
        );
    });
    group.finish();
}

criterion_group!(benches, frame, keystroke);
criterion_main!(benches);
