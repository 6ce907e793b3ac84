//! Drawing the action menu (fitting actions first, the others greyed with the reason), the bulk
//! menu, and the group picker (the groups a user is in marked): lists that scroll to keep the
//! selection in view, with what to press (or the picker's submit) kept at the bottom.

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Row, Table, TableState};

use crate::app::action::Action;
use crate::app::input::keymap::{Keymap, Mode};
use crate::app::remote::Remote;
use crate::app::state::Load;
use crate::app::users::menu::{BulkChoice, Menu, PickFor, Picker};
use crate::ui::Theme;
use crate::ui::text::{clipped, line, span, spinner, width};
use crate::ui::widgets::popup::{padded, popup, prose, rows};
use crate::ui::widgets::submit::Status;

/// The title, and each entry's key, text and whether it can run.
fn entries(menu: &Menu, keys: &Keymap) -> (String, Vec<(String, String, bool)>) {
    // Each entry's own key, as the user has it (the key tables are the one source).
    let key_for = |mode: Mode, action: Action| {
        keys.label_of(mode, &action)
            .map(Cow::into_owned)
            .unwrap_or_default()
    };
    match menu {
        Menu::User {
            user,
            entries,
            marked,
            ..
        } => (
            format!(
                "{} · {}{}{}",
                user.name,
                user.status_text(),
                if user.enabled { "" } else { " · disabled" },
                match marked {
                    0 => String::new(),
                    n => format!(
                        " · this user only — {n} marked ({} acts on the marked)",
                        keys.key_for(Mode::Users, &Action::OpenBulkMenu)
                    ),
                }
            ),
            entries
                .iter()
                .map(|e| {
                    let k = key_for(Mode::UserMenu, Action::User(e.op));
                    match &e.unavailable {
                        Some(why) => (k, why.clone(), false),
                        None => (k, e.op.label(user.enabled).to_owned(), true),
                    }
                })
                .collect(),
        ),
        Menu::Bulk { count, .. } => (
            format!("{count} marked users"),
            BulkChoice::ALL
                .iter()
                .map(|b| {
                    (
                        key_for(Mode::BulkMenu, Action::Bulk(*b)),
                        b.label().to_owned(),
                        true,
                    )
                })
                .collect(),
        ),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, menu: &Menu, keys: &Keymap, theme: &Theme) {
    let (title, entries) = entries(menu, keys);
    let key_width = entries
        .iter()
        .map(|(k, _, _)| u16::try_from(width(k)).unwrap_or(u16::MAX))
        .max()
        .unwrap_or(1)
        .max(1);
    let height = u16::try_from(entries.len()).unwrap_or(20) + 3;
    let inner = popup(frame, area, 1, 96, height, &title, theme);
    let [list, hint_area] = inner.layout(&Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(1),
    ]));
    // The key one cell in, the text two after it, a cell kept free at the right.
    let room = usize::from(inner.width.saturating_sub(4 + key_width));
    let selected = menu.selected();
    let rows = entries.iter().enumerate().map(|(i, (key, text, usable))| {
        let style = match (i == selected, usable) {
            (true, _) => theme.choice_selected,
            (false, true) => theme.choice,
            (false, false) => theme.muted,
        };
        let key_style = if *usable {
            theme.footer_key.patch(style)
        } else {
            style
        };
        Row::new([
            Line::from(vec![span(" ", style), span(key, key_style)]),
            Line::from(clipped(text, room, style)),
        ])
        .style(style)
    });
    let table = Table::new(
        rows,
        [Constraint::Length(1 + key_width), Constraint::Fill(1)],
    )
    .column_spacing(2);
    let mut state = TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(table, list, &mut state);
    let hint = "↑/↓ choose · Enter or the key runs it · Esc closes";
    frame.render_widget(Paragraph::new(line(hint, theme.muted)), padded(hint_area));
}

/// What marks a group the user is in already.
const MEMBER: &str = "✓ member";

pub fn draw_picker(frame: &mut Frame, area: Rect, picker: &Picker, theme: &Theme, ticks: u64) {
    let busy = match picker.chosen() {
        Some(g) if picker.add => format!("Adding to {g}…"),
        Some(g) => format!("Removing from {g}…"),
        None => String::new(),
    };
    let status = Status {
        submit: &picker.submit,
        busy: &busy,
        keys: "↑/↓ choose · Enter picks · Esc cancels",
    };
    let text_width = 64u16.min(area.width.saturating_sub(2)).saturating_sub(4);
    let message = message(picker, theme, ticks);
    let message_rows = message.as_ref().map_or(0, |m| rows(m, text_width));
    let hint = picker
        .hint
        .as_deref()
        .map(|h| prose(vec![line(h, theme.warning)]));
    let hint_rows = hint.as_ref().map_or(1, |h| rows(h, text_width).max(1));
    let groups = u16::try_from(picker.groups.len()).unwrap_or(u16::MAX);
    let status_rows = status.rows(text_width, theme);
    // The hint (else a blank line) between the list and the status, and a blank line under it.
    let height = message_rows.saturating_add(groups).max(1) + hint_rows + status_rows + 3;
    let inner = popup(frame, area, 1, 64, height, &picker.title(), theme);
    let [message_area, list, hint_area, status_area, _] = inner.layout(&Layout::vertical([
        Constraint::Length(message_rows),
        Constraint::Min(0),
        Constraint::Length(hint_rows),
        Constraint::Length(status_rows),
        Constraint::Length(1),
    ]));
    if let Some(message) = message {
        frame.render_widget(message, padded(message_area));
    }
    let marks = picker.member_of.loaded().is_some();
    let mark_width = if marks { width(MEMBER) + 1 } else { 0 };
    let room = usize::from(inner.width.saturating_sub(2)).saturating_sub(mark_width);
    let rows = picker.groups.iter().enumerate().map(|(i, group)| {
        let style = if i == picker.selected {
            theme.choice_selected
        } else {
            theme.choice
        };
        let mark = if picker.is_member(group) { MEMBER } else { "" };
        Row::new([
            Line::from(vec![span(" ", style), clipped(group, room, style)]),
            Line::from(span(mark, theme.muted.patch(style))),
        ])
        .style(style)
    });
    let mark_column = u16::try_from(mark_width).unwrap_or(0);
    let table =
        Table::new(rows, [Constraint::Fill(1), Constraint::Length(mark_column)]).column_spacing(0);
    let mut state = TableState::default().with_selected(Some(picker.selected));
    frame.render_stateful_widget(table, list, &mut state);
    if let Some(hint) = hint {
        frame.render_widget(hint, padded(hint_area));
    }
    status.draw(frame, padded(status_area), theme, ticks);
}

/// What the picker says above its groups (or instead of them): loading, failed, none to pick;
/// and, adding one user, whether the groups they are in could be read to mark them.
fn message(picker: &Picker, theme: &Theme, ticks: u64) -> Option<Paragraph<'static>> {
    let mut lines = Vec::new();
    match (&picker.load, picker.groups.is_empty()) {
        (Load::Loading { .. }, true) => {
            let whose = match picker.target {
                PickFor::User(_) if !picker.add => "the user's",
                _ => "the pool's",
            };
            lines.push(line(
                &format!("{} Loading {whose} groups…", spinner(ticks)),
                theme.spinner,
            ));
        }
        (Load::Failed(e), _) => lines.push(line(
            &format!("✗ the groups could not be listed: {}", e.text),
            theme.error,
        )),
        (_, true) if picker.add => lines.push(line("The pool has no groups", theme.muted)),
        (_, true) => lines.push(line("The user is in no group", theme.muted)),
        _ => {}
    }
    let who = match &picker.target {
        PickFor::User(user) => user.as_str(),
        PickFor::Marked => "the user",
    };
    match &picker.member_of {
        Remote::Loading(_) => lines.push(line(
            &format!("{} Reading the groups {who} is in…", spinner(ticks)),
            theme.spinner,
        )),
        Remote::Failed(e) => lines.push(line(
            &format!(
                "✗ the groups {who} is in could not be read ({}): none is marked",
                e.text
            ),
            theme.error,
        )),
        Remote::Loaded(_) | Remote::NotAsked => {}
    }
    (!lines.is_empty()).then(|| prose(lines))
}
