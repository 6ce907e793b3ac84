//! Drawing a user's devices and sign-in history; an endpoint without them says so in place.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::Theme;
use super::form::submit_lines;
use super::text::{put, spinner};
use super::widgets::popup::popup;
use crate::app::devices::{DeviceLine, DevicesView, EventLine};
use crate::app::remote::Remote;

pub fn draw(frame: &mut Frame, area: Rect, view: &DevicesView, theme: &Theme, ticks: u64) {
    let title = format!("Devices and sign-in history of {}", view.user);
    let width = area.width.saturating_sub(4);
    let inner = popup(frame, area, 1, width, area.height, &title, theme);
    let half = inner.height.saturating_sub(2) / 2;
    let top = Rect {
        height: half,
        ..inner
    };
    let bottom = Rect {
        y: inner.y + half,
        height: inner.height.saturating_sub(half + 1),
        ..inner
    };
    section(frame, top, "Remembered devices", theme);
    let body = below_title(top);
    match &view.devices {
        Remote::Loaded(devices) => devices_table(frame, body, devices, view.selected, theme),
        other => state_line(frame, body, other, "devices", theme, ticks),
    }
    section(frame, bottom, "Sign-in history (newest first)", theme);
    let body = below_title(bottom);
    match &view.events {
        Remote::Loaded(events) => events_table(frame, body, events, theme),
        other => state_line(frame, body, other, "sign-in history", theme, ticks),
    }
    let status = Rect {
        y: inner.bottom().saturating_sub(1),
        height: 1,
        ..inner
    };
    let keys = if view.confirm_forget {
        "Forget the selected device? Enter forgets it · Esc keeps it"
    } else {
        "↑/↓ device · f forget · r reload · Esc closes"
    };
    submit_lines(
        frame,
        status,
        &view.submit,
        "Forgetting the device…",
        keys,
        theme,
        ticks,
    );
}

fn section(frame: &mut Frame, area: Rect, title: &str, theme: &Theme) {
    let room = area.width.saturating_sub(2);
    put(
        frame.buffer_mut(),
        area,
        area.x + 1,
        area.y,
        title,
        room,
        theme.section,
    );
}

/// The rows under a section title, indented.
fn below_title(area: Rect) -> Rect {
    Rect {
        x: area.x + 3,
        y: area.y + 1,
        width: area.width.saturating_sub(4),
        height: area.height.saturating_sub(1),
    }
}

fn devices_table(
    frame: &mut Frame,
    area: Rect,
    devices: &[DeviceLine],
    selected: usize,
    theme: &Theme,
) {
    let buf = frame.buffer_mut();
    if devices.is_empty() {
        let text = "(no remembered devices)";
        put(buf, area, area.x, area.y, text, area.width, theme.muted);
        return;
    }
    let head = format!(
        "{:<24} {:<20} {:<21} {}",
        "Name", "Last sign-in", "Created", "Key"
    );
    put(
        buf,
        area,
        area.x,
        area.y,
        &head,
        area.width,
        theme.column_title,
    );
    let rows = usize::from(area.height.saturating_sub(1));
    for (i, d) in devices.iter().enumerate().take(rows) {
        let y = area.y + 1 + u16::try_from(i).unwrap_or(0);
        let row = Rect {
            y,
            height: 1,
            ..area
        };
        let style = if i == selected {
            buf.set_style(row, theme.selected);
            theme.selected
        } else {
            theme.value
        };
        let text = format!(
            "{:<24} {:<20} {:<21} {}",
            d.name, d.last_seen, d.created, d.key
        );
        put(buf, row, area.x, y, &text, area.width, style);
    }
}

fn events_table(frame: &mut Frame, area: Rect, events: &[EventLine], theme: &Theme) {
    let buf = frame.buffer_mut();
    if events.is_empty() {
        let text = "(no sign-in events recorded)";
        put(buf, area, area.x, area.y, text, area.width, theme.muted);
        return;
    }
    let head = format!(
        "{:<21} {:<16} {:<10} {:<7} {}",
        "Time", "Event", "Result", "Risk", "From"
    );
    put(
        buf,
        area,
        area.x,
        area.y,
        &head,
        area.width,
        theme.column_title,
    );
    let rows = usize::from(area.height.saturating_sub(1));
    for (i, e) in events.iter().enumerate().take(rows) {
        let y = area.y + 1 + u16::try_from(i).unwrap_or(0);
        let text = format!(
            "{:<21} {:<16} {:<10} {:<7} {}",
            e.time, e.kind, e.response, e.risk, e.from
        );
        put(buf, area, area.x, y, &text, area.width, theme.value);
    }
}

/// Loading, or the error in place (e.g. the endpoint does not support the operation).
fn state_line<T>(
    frame: &mut Frame,
    area: Rect,
    remote: &Remote<T>,
    what: &str,
    theme: &Theme,
    ticks: u64,
) {
    let buf = frame.buffer_mut();
    let (text, style) = if let Remote::Failed(e) = remote {
        (format!("✗ {}", e.text), theme.error)
    } else {
        (format!("{} Loading {what}…", spinner(ticks)), theme.spinner)
    };
    put(buf, area, area.x, area.y, &text, area.width, style);
}
