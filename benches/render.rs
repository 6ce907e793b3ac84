//! One frame of the users table with 100,000 users on a 200x50 TestBackend, and one local-filter
//! keystroke over them through `update` (a narrowing one and a widening backspace).
#![allow(
    clippy::unwrap_used,
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss
)]

use cognito_tui::app::rows::PoolRow;
use cognito_tui::app::rows::UserRow;
use cognito_tui::app::state::Context;
use cognito_tui::app::{Action, Effect, InputKey, Payload, State, init, update};
use cognito_tui::cognito::pools::UserPoolDescriptionType;
use cognito_tui::cognito::users::UserType;
use cognito_tui::ui::{Theme, render, table_rows};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use serde_json::json;
use std::hint::black_box;

const USERS: usize = 100_000;
const PAGE: usize = 60;
const STATUSES: [&str; 4] = [
    "CONFIRMED",
    "UNCONFIRMED",
    "FORCE_CHANGE_PASSWORD",
    "RESET_REQUIRED",
];

fn user(i: usize) -> UserRow {
    let u: UserType = serde_json::from_value(json!({
        "Username": format!("user-{i:06}-{:08x}", i.wrapping_mul(2_654_435_761) as u32),
        "Enabled": !i.is_multiple_of(13),
        "UserStatus": STATUSES[i % STATUSES.len()],
        "UserCreateDate": 1_700_000_000.0 + i as f64 * 61.0,
        "UserLastModifiedDate": 1_700_000_000.0 + i as f64 * 97.0,
        "Attributes": [{"Name": "email", "Value": format!("person{i}@example{}.com", i % 50)}]
    }))
    .unwrap();
    UserRow::from(&u)
}

fn api_request(effects: &[Effect]) -> u64 {
    effects
        .iter()
        .find_map(|e| match e {
            Effect::Api { request, .. } => Some(*request),
            _ => None,
        })
        .unwrap()
}

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
    let pools = api_request(&init(&mut s));
    let pool: UserPoolDescriptionType =
        serde_json::from_value(json!({"Id": "us-east-1_Big000001", "Name": "big"})).unwrap();
    update(
        &mut s,
        Action::Loaded {
            request: pools,
            payload: Payload::Pools(vec![PoolRow::from(&pool)]),
            done: true,
        },
    );
    let users = api_request(&update(&mut s, Action::Open));
    let rows: Vec<UserRow> = (0..USERS).map(user).collect();
    let mut pages = rows.chunks(PAGE).peekable();
    while let Some(page) = pages.next() {
        update(
            &mut s,
            Action::Loaded {
                request: users,
                payload: Payload::Users(page.to_vec()),
                done: pages.peek().is_none(),
            },
        );
    }
    assert_eq!(s.pool.as_ref().unwrap().users.table.total(), USERS);
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
