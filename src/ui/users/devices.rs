//! Drawing a user's devices and sign-in history, one table each; an endpoint without them says
//! so in place.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;

use crate::app::remote::Remote;
use crate::app::users::devices::{DeviceLine, DevicesView, EventLine};
use crate::ui::Theme;
use crate::ui::text::{line, spinner};
use crate::ui::widgets::popup::{padded, popup, prose};
use crate::ui::widgets::small_table::{Cells, table};
use crate::ui::widgets::submit::Status;

const DEVICE_COLUMNS: [(&str, Constraint); 4] = [
    ("Name", Constraint::Length(24)),
    ("Last sign-in", Constraint::Length(20)),
    ("Created", Constraint::Length(21)),
    ("Key", Constraint::Fill(1)),
];

const EVENT_COLUMNS: [(&str, Constraint); 5] = [
    ("Time", Constraint::Length(21)),
    ("Event", Constraint::Length(16)),
    ("Result", Constraint::Length(10)),
    ("Risk", Constraint::Length(7)),
    ("From", Constraint::Fill(1)),
];

pub fn draw(frame: &mut Frame, area: Rect, view: &DevicesView, theme: &Theme, ticks: u64) {
    let title = format!("Devices and sign-in history of {}", view.user);
    let width = area.width.saturating_sub(4);
    let inner = popup(frame, area, 1, width, area.height, &title, theme);
    let keys = if view.confirm_forget {
        "Forget the selected device? Enter forgets it · Esc keeps it"
    } else {
        "↑/↓ device · f forget · r reload · Esc closes"
    };
    let status = Status {
        submit: &view.submit,
        busy: "Forgetting the device…",
        keys,
    };
    let status_rows = status.rows(inner.width.saturating_sub(2), theme);
    let [top, bottom, status_area] = inner.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Fill(1),
        Constraint::Length(status_rows),
    ]));
    let body = section(frame, top, "Remembered devices", theme);
    match &view.devices {
        Remote::Loaded(devices) => devices_table(frame, body, devices, view.selected, theme),
        other => state_line(frame, body, other, "devices", theme, ticks),
    }
    let body = section(frame, bottom, "Sign-in history (newest first)", theme);
    match &view.events {
        Remote::Loaded(events) => events_table(frame, body, events, theme),
        other => state_line(frame, body, other, "sign-in history", theme, ticks),
    }
    status.draw(frame, padded(status_area), theme, ticks);
}

/// Draws the section's title and returns the rows under it, indented.
fn section(frame: &mut Frame, area: Rect, title: &str, theme: &Theme) -> Rect {
    let [title_row, body] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    frame.render_widget(
        Paragraph::new(line(title, theme.section)),
        padded(title_row),
    );
    let [_, body, _] = body.layout(&Layout::horizontal([
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    body
}

fn devices_table(
    frame: &mut Frame,
    area: Rect,
    devices: &[DeviceLine],
    selected: usize,
    theme: &Theme,
) {
    if devices.is_empty() {
        let text = line("(no remembered devices)", theme.muted);
        frame.render_widget(Paragraph::new(text), area);
        return;
    }
    let rows = devices.iter().enumerate().map(|(i, d)| -> Cells {
        let style = if i == selected {
            theme.selected
        } else {
            theme.value
        };
        let texts = [&d.name, &d.last_seen, &d.created, &d.key];
        (texts.iter().map(|t| (*t).clone()).collect(), style)
    });
    frame.render_widget(table(&DEVICE_COLUMNS, rows, area.width, theme), area);
}

fn events_table(frame: &mut Frame, area: Rect, events: &[EventLine], theme: &Theme) {
    if events.is_empty() {
        let text = line("(no sign-in events recorded)", theme.muted);
        frame.render_widget(Paragraph::new(text), area);
        return;
    }
    let rows = events.iter().map(|e| -> Cells {
        let texts = [&e.time, &e.kind, &e.response, &e.risk, &e.from];
        (texts.iter().map(|t| (*t).clone()).collect(), theme.value)
    });
    frame.render_widget(table(&EVENT_COLUMNS, rows, area.width, theme), area);
}

/// Loading, or the error in place (e.g. the endpoint does not support the operation), wrapped.
fn state_line<T>(
    frame: &mut Frame,
    area: Rect,
    remote: &Remote<T>,
    what: &str,
    theme: &Theme,
    ticks: u64,
) {
    let text = if let Remote::Failed(e) = remote {
        line(&format!("✗ {}", e.text), theme.error)
    } else {
        line(
            &format!("{} Loading {what}…", spinner(ticks)),
            theme.spinner,
        )
    };
    frame.render_widget(prose(vec![text]), area);
}
