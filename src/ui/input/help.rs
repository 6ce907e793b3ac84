//! The `?` help: every key of the view underneath (and, room permitting, of the fields, forms and
//! dialogs it opens), generated from the key tables that dispatch them, with the user's keys. Keys
//! that change something are left out under `--read-only`; a row two sections share is listed
//! once. Entries flow into as many columns as the height needs.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::State;
use crate::app::input::keymap::{Mode, Shown, base_mode};
use crate::ui::Theme;
use crate::ui::text::put;
use crate::ui::widgets::popup::popup;

const KEY_WIDTH: u16 = 7;
/// The narrowest a column of keys may get.
const COLUMN_WIDTH: u16 = 46;

enum Entry {
    Title(&'static str),
    Key(Shown),
    Blank,
}

pub fn help(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let read_only = state.context.read_only;
    let base = base_mode(state);
    let title = match base {
        Mode::Users => "Users table",
        Mode::UserDetail => "User detail",
        Mode::Detail => "Detail view",
        Mode::ClientDetail => "App client detail",
        Mode::Pools => "User pools",
        Mode::Overview => "Pool overview",
        _ => "Tables",
    };
    let mut sections = vec![
        (title, state.keys.shown(base, read_only)),
        (
            "Palette, filter and search fields",
            state.keys.shown(Mode::Text, read_only),
        ),
        ("This help", state.keys.shown(Mode::Help, read_only)),
    ];
    if matches!(base, Mode::Users | Mode::UserDetail) && !read_only {
        sections.push(("Forms", state.keys.shown(Mode::Form, read_only)));
        sections.push((
            "Dialogs and bulk plans",
            state.keys.shown(Mode::Dialog, read_only),
        ));
    }
    // The editing keys every field shares come last: the first to go when room is short.
    let editing = state.keys.shown_editing();
    let listed = |keys: Vec<Shown>, entries: &[Entry]| -> Vec<Shown> {
        keys.into_iter()
            .filter(|s| {
                !editing.iter().any(|e| std::ptr::eq(e.row, s.row))
                    && !entries
                        .iter()
                        .any(|e| matches!(e, Entry::Key(l) if std::ptr::eq(l.row, s.row)))
            })
            .collect()
    };
    // Rows inside the box when it may use all of the screen below the breadcrumbs.
    let rows = usize::from(area.height.saturating_sub(3)).max(1);
    let max_columns = usize::from((area.width.saturating_sub(4) / COLUMN_WIDTH).max(1));
    let mut entries: Vec<Entry> = Vec::new();
    let add = |title: &'static str, keys: Vec<Shown>, entries: &mut Vec<Entry>| {
        let blank = usize::from(!entries.is_empty());
        if entries.is_empty() || entries.len() + blank + 1 + keys.len() <= rows * max_columns {
            if blank == 1 {
                entries.push(Entry::Blank);
            }
            entries.push(Entry::Title(title));
            entries.extend(keys.into_iter().map(Entry::Key));
        }
    };
    for (title, keys) in sections {
        let keys = listed(keys, &entries);
        add(title, keys, &mut entries);
    }
    add("Editing any field", editing, &mut entries);
    let columns = entries.len().div_ceil(rows).max(1);
    let height = u16::try_from(entries.len().min(rows))
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let width = if columns == 1 { 80 } else { area.width };
    let inner = popup(
        frame,
        area,
        1,
        width,
        height,
        "Keys (any key closes)",
        theme,
    );
    let buf = frame.buffer_mut();
    let column_width = inner.width / u16::try_from(columns).unwrap_or(1).max(1);
    for (c, chunk) in entries.chunks(rows).enumerate() {
        let x = inner.x + column_width * u16::try_from(c).unwrap_or(0);
        let rect = Rect {
            x,
            width: column_width,
            ..inner
        };
        column(buf, rect, chunk, theme);
    }
}

fn column(buf: &mut Buffer, area: Rect, entries: &[Entry], theme: &Theme) {
    for (i, entry) in entries.iter().enumerate() {
        let y = area.y.saturating_add(u16::try_from(i).unwrap_or(u16::MAX));
        let cell = Rect {
            x: area.x + 1,
            y,
            width: area.width.saturating_sub(2),
            height: 1,
        }
        .intersection(area);
        let x = cell.x;
        match entry {
            Entry::Title(title) => {
                put(buf, cell, x, y, title, cell.width, theme.section);
            }
            Entry::Key(shown) => {
                put(
                    buf,
                    cell,
                    x + 1,
                    y,
                    &shown.label,
                    KEY_WIDTH,
                    theme.footer_key,
                );
                put(
                    buf,
                    cell,
                    x + 2 + KEY_WIDTH,
                    y,
                    shown.help,
                    cell.width,
                    theme.value,
                );
            }
            Entry::Blank => {}
        }
    }
}
