//! Drawing `:journal`: the audit journal's last entries, newest first.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::Theme;
use super::text::{put, spinner};
use super::widgets::popup::popup;
use crate::app::journal::JournalView;
use crate::app::remote::Remote;

pub fn draw(frame: &mut Frame, area: Rect, view: &JournalView, theme: &Theme, ticks: u64) {
    let inner = popup(
        frame,
        area,
        0,
        area.width.saturating_sub(2),
        area.height,
        "Audit journal (newest first)",
        theme,
    );
    let x = inner.x + 1;
    let room = inner.width.saturating_sub(2);
    let entries = match &view.entries {
        Remote::Loaded(entries) => entries,
        Remote::Failed(e) => {
            put(
                frame.buffer_mut(),
                inner,
                x,
                inner.y,
                &format!("✗ {}", e.text),
                room,
                theme.error,
            );
            return;
        }
        _ => {
            let text = format!("{} Reading the journal…", spinner(ticks));
            put(
                frame.buffer_mut(),
                inner,
                x,
                inner.y,
                &text,
                room,
                theme.spinner,
            );
            return;
        }
    };
    if entries.is_empty() {
        let text = "No changes recorded yet: every change made here or with the CLI is listed";
        put(
            frame.buffer_mut(),
            inner,
            x,
            inner.y,
            text,
            room,
            theme.muted,
        );
        return;
    }
    table(frame, inner, entries, view.scroll, theme);
}

fn table(
    frame: &mut Frame,
    inner: Rect,
    entries: &[crate::app::journal::JournalLine],
    scroll: usize,
    theme: &Theme,
) {
    let x = inner.x + 1;
    let room = inner.width.saturating_sub(2);
    let head = format!(
        "{:<20} {:<26} {:<16} {:<26} {}",
        "Time (UTC)", "Operation", "Target", "Result", "Pool · request id"
    );
    put(
        frame.buffer_mut(),
        inner,
        x,
        inner.y,
        &head,
        room,
        theme.column_title,
    );
    let rows = usize::from(inner.height.saturating_sub(2));
    for (i, e) in entries.iter().rev().skip(scroll).take(rows).enumerate() {
        let y = inner.y + 1 + u16::try_from(i).unwrap_or(0);
        let style = if e.result == "ok" {
            theme.value
        } else {
            theme.error
        };
        let text = format!(
            "{:<20} {:<26} {:<16} {:<26} {} · {}",
            e.time.trim_end_matches('Z').replace('T', " "),
            e.operation,
            e.target,
            e.result,
            e.pool,
            e.request_id
        );
        put(frame.buffer_mut(), inner, x, y, &text, room, style);
    }
    let footer = format!(
        "{} entries · ↑/↓ scroll · r reload · Esc closes",
        entries.len()
    );
    put(
        frame.buffer_mut(),
        inner,
        x,
        inner.bottom().saturating_sub(1),
        &footer,
        room,
        theme.muted,
    );
}
