//! Drawing the action menu (fitting actions first, the others greyed with the reason), the bulk
//! menu, and the group picker.

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::Theme;
use super::form::submit_lines;
use super::text::{put, spinner, width};
use super::widgets::popup::popup;
use crate::app::action::Action;
use crate::app::keymap::{Keymap, Mode};
use crate::app::menu::{BulkChoice, Menu, Picker};
use crate::app::state::Load;

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
    let (title, lines) = entries(menu, keys);
    let key_width = lines
        .iter()
        .map(|(k, _, _)| u16::try_from(width(k)).unwrap_or(u16::MAX))
        .max()
        .unwrap_or(1)
        .max(1);
    let height = u16::try_from(lines.len()).unwrap_or(20) + 3;
    let inner = popup(frame, area, 1, 96, height, &title, theme);
    let selected = menu.selected();
    for (i, (key, text, usable)) in lines.iter().enumerate() {
        let y = inner.y + u16::try_from(i).unwrap_or(0);
        let row = Rect {
            y,
            height: 1,
            ..inner
        };
        let on = i == selected;
        let style = match (on, usable) {
            (true, _) => theme.choice_selected,
            (false, true) => theme.choice,
            (false, false) => theme.muted,
        };
        if on {
            frame.buffer_mut().set_style(row, theme.choice_selected);
        }
        let buf = frame.buffer_mut();
        put(
            buf,
            row,
            inner.x + 1,
            y,
            key,
            key_width,
            if *usable {
                theme.footer_key.patch(style)
            } else {
                style
            },
        );
        put(
            buf,
            row,
            inner.x + 3 + key_width,
            y,
            text,
            inner.width.saturating_sub(4 + key_width),
            style,
        );
    }
    let y = inner.bottom().saturating_sub(1);
    put(
        frame.buffer_mut(),
        inner,
        inner.x + 1,
        y,
        "↑/↓ choose · Enter or the key runs it · Esc closes",
        inner.width.saturating_sub(2),
        theme.muted,
    );
}

pub fn draw_picker(frame: &mut Frame, area: Rect, picker: &Picker, theme: &Theme, ticks: u64) {
    let rows = u16::try_from(picker.groups.len().max(1)).unwrap_or(20);
    let inner = popup(frame, area, 1, 64, rows + 5, &picker.title(), theme);
    let x = inner.x + 1;
    let room = inner.width.saturating_sub(2);
    let list_height = inner.height.saturating_sub(3);
    let first = picker
        .selected
        .saturating_sub(usize::from(list_height).saturating_sub(1));
    match (&picker.load, picker.groups.is_empty()) {
        (Load::Loading { .. }, true) => {
            let text = format!("{} Loading the pool's groups…", spinner(ticks));
            put(
                frame.buffer_mut(),
                inner,
                x,
                inner.y,
                &text,
                room,
                theme.spinner,
            );
        }
        (Load::Failed(e), _) => {
            let text = format!("✗ the groups could not be listed: {}", e.text);
            put(
                frame.buffer_mut(),
                inner,
                x,
                inner.y,
                &text,
                room,
                theme.error,
            );
        }
        (_, true) => {
            let text = if picker.add {
                "The pool has no groups"
            } else {
                "The user is in no group"
            };
            put(
                frame.buffer_mut(),
                inner,
                x,
                inner.y,
                text,
                room,
                theme.muted,
            );
        }
        _ => {}
    }
    for (i, group) in picker
        .groups
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(list_height))
    {
        let y = inner.y + u16::try_from(i - first).unwrap_or(0);
        let row = Rect {
            y,
            height: 1,
            ..inner
        };
        let style: Style = if i == picker.selected {
            frame.buffer_mut().set_style(row, theme.choice_selected);
            theme.choice_selected
        } else {
            theme.choice
        };
        put(frame.buffer_mut(), row, x, y, group, room, style);
    }
    let status = Rect {
        y: inner.bottom().saturating_sub(2),
        height: 2,
        ..inner
    };
    let busy = match picker.chosen() {
        Some(g) if picker.add => format!("Adding to {g}…"),
        Some(g) => format!("Removing from {g}…"),
        None => String::new(),
    };
    submit_lines(
        frame,
        status,
        &picker.submit,
        &busy,
        "↑/↓ choose · Enter picks · Esc cancels",
        theme,
        ticks,
    );
}
