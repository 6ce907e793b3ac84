//! The `?` help: every key of the view underneath and of text fields, generated from the key
//! tables that dispatch them. On a short terminal the view's keys take a wider left column and
//! the rest goes to the right.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::Theme;
use super::super::text::put;
use super::popup::popup;
use crate::app::State;
use crate::app::keymap::{Binding, Mode, bindings};

const KEY_WIDTH: u16 = 7;

enum Entry {
    Title(&'static str),
    Key(&'static Binding),
    Blank,
}

fn section(entries: &mut Vec<Entry>, mode: Mode, title: &'static str) {
    if !entries.is_empty() {
        entries.push(Entry::Blank);
    }
    entries.push(Entry::Title(title));
    entries.extend(bindings(mode).map(Entry::Key));
}

pub fn help(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let mut left = Vec::new();
    if state.detail.is_some() {
        section(&mut left, Mode::Detail, "Detail view");
    } else {
        section(&mut left, Mode::Table, "Tables");
    }
    let mut right = Vec::new();
    section(&mut right, Mode::Text, "Palette, filter and search fields");
    section(&mut right, Mode::Help, "This help");
    // Rows inside the box when it may use all of the screen below the breadcrumbs.
    let room = usize::from(area.height.saturating_sub(3));
    let one_column = left.len() + 1 + right.len() <= room;
    let rows = if one_column {
        left.len() + 1 + right.len()
    } else {
        left.len().max(right.len())
    };
    let height = u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2);
    let width = if one_column { 80 } else { area.width };
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
    if one_column {
        left.push(Entry::Blank);
        left.append(&mut right);
        column(buf, inner, &left, theme);
    } else {
        let split = inner.width * 5 / 8;
        let (l, r) = (
            Rect {
                width: split,
                ..inner
            },
            Rect {
                x: inner.x + split,
                width: inner.width - split,
                ..inner
            },
        );
        column(buf, l, &left, theme);
        column(buf, r, &right, theme);
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
            Entry::Key(binding) => {
                put(
                    buf,
                    cell,
                    x + 1,
                    y,
                    binding.label,
                    KEY_WIDTH,
                    theme.footer_key,
                );
                put(
                    buf,
                    cell,
                    x + 2 + KEY_WIDTH,
                    y,
                    binding.help,
                    cell.width,
                    theme.value,
                );
            }
            Entry::Blank => {}
        }
    }
}
