//! Drawing a user's devices and sign-in history, one table each (`›` marks the selected row of
//! the focused one), the selected sign-in in full under its table, or the selected item's raw
//! JSON; an endpoint without them says so in place.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Paragraph, TableState};

use crate::app::remote::Remote;
use crate::app::users::devices::{DeviceLine, DevicesView, EventLine, Focus};
use crate::ui::Theme;
use crate::ui::text::{line, spinner};
use crate::ui::widgets::popup::{padded, popup, prose, rows};
use crate::ui::widgets::small_table::{Cells, table};
use crate::ui::widgets::submit::Status;

const DEVICE_COLUMNS: [(&str, Constraint); 6] = [
    ("", Constraint::Length(1)),
    ("Name", Constraint::Length(24)),
    ("Status", Constraint::Length(14)),
    ("Last sign-in", Constraint::Length(20)),
    ("Created", Constraint::Length(21)),
    ("Key", Constraint::Fill(1)),
];

const EVENT_COLUMNS: [(&str, Constraint); 8] = [
    ("", Constraint::Length(1)),
    ("Time", Constraint::Length(20)),
    ("Event", Constraint::Length(14)),
    ("Result", Constraint::Length(10)),
    ("Risk", Constraint::Length(12)),
    ("Feedback", Constraint::Length(8)),
    ("From", Constraint::Fill(1)),
    ("Steps", Constraint::Fill(1)),
];

/// Width from which the steps of each sign-in get a column; narrower, the selected one's are
/// under the table.
const WIDE: u16 = 140;

/// The most rows the devices take: the history keeps the rest.
const DEVICE_ROWS: u16 = 6;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    view: &DevicesView,
    read_only: bool,
    theme: &Theme,
    ticks: u64,
) {
    let title = format!("Devices and sign-in history of {}", view.user);
    let width = area.width.saturating_sub(4);
    let inner = popup(frame, area, 1, width, area.height, &title, theme);
    let confirmation = view.confirmation();
    let keys = match (&confirmation, &view.hint) {
        (Some(ask), _) => ask.clone(),
        (None, Some(hint)) => format!("{hint} · {}", keys(view, read_only)),
        (None, None) => keys(view, read_only),
    };
    let status = Status {
        submit: &view.submit,
        busy: "Sending the change…",
        keys: &keys,
    };
    let status_rows = status.rows(inner.width.saturating_sub(2), theme);
    let [body, status_area] = inner.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(status_rows),
    ]));
    status.draw(frame, padded(status_area), theme, ticks);
    if let (Some(scroll), Some(raw)) = (view.json, view.selected_json()) {
        let what = match view.focus {
            Focus::Devices => "device",
            Focus::Events => "sign-in event",
        };
        let body = section(
            frame,
            body,
            &format!("Raw JSON of the selected {what}, as the service sent it"),
            theme,
        );
        let text = Paragraph::new(crate::ui::browse::json::lines(raw, theme)).scroll((scroll, 0));
        frame.render_widget(text, body);
        return;
    }
    let device_rows = match &view.devices {
        Remote::Loaded(d) => u16::try_from(d.len().max(1)).unwrap_or(DEVICE_ROWS) + 3,
        _ => 4,
    }
    .min(DEVICE_ROWS + 3);
    let [top, bottom] = body.layout(&Layout::vertical([
        Constraint::Length(device_rows),
        Constraint::Fill(1),
    ]));
    let focused = |f: Focus| view.focus == f;
    let body = section(frame, top, "Remembered devices", theme);
    match &view.devices {
        Remote::Loaded(devices) => devices_table(
            frame,
            body,
            devices,
            (view.selected, focused(Focus::Devices)),
            theme,
        ),
        other => state_line(frame, body, other, "devices", theme, ticks),
    }
    let body = section(frame, bottom, "Sign-in history (newest first)", theme);
    match &view.events {
        Remote::Loaded(events) => events_table(
            frame,
            body,
            events,
            (view.selected_event, focused(Focus::Events)),
            theme,
        ),
        other => state_line(frame, body, other, "sign-in history", theme, ticks),
    }
}

/// What the keys do in the focused list; the changes only where they can be made.
fn keys(view: &DevicesView, read_only: bool) -> String {
    if view.json.is_some() {
        return "↑/↓ scroll · y or Esc back to the lists".to_owned();
    }
    let (tab, moves, changes) = match view.focus {
        Focus::Devices => (
            "Tab history",
            "↑/↓ device",
            "f forget · m remembered · n not remembered · ",
        ),
        Focus::Events => (
            "Tab devices",
            "↑/↓ sign-in",
            "v valid (verified them) · i invalid · ",
        ),
    };
    let changes = if read_only { "" } else { changes };
    format!("{tab} · {moves} · {changes}y JSON · r reload · Esc closes")
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
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    body
}

/// The style of row `i` and its mark: the selected row of the focused list is marked and
/// highlighted, of the other list only highlighted.
fn row_style(
    i: usize,
    (selected, focused): (usize, bool),
    theme: &Theme,
) -> (&str, ratatui::style::Style) {
    match (i == selected, focused) {
        (true, true) => ("›", theme.selected),
        (true, false) => (" ", theme.input),
        _ => (" ", theme.value),
    }
}

fn devices_table(
    frame: &mut Frame,
    area: Rect,
    devices: &[DeviceLine],
    selection: (usize, bool),
    theme: &Theme,
) {
    if devices.is_empty() {
        let text = line("  (no remembered devices)", theme.muted);
        frame.render_widget(Paragraph::new(text), area);
        return;
    }
    let rows = devices.iter().enumerate().map(|(i, d)| -> Cells {
        let (mark, style) = row_style(i, selection, theme);
        let texts = [mark, &d.name, &d.status, &d.last_seen, &d.created, &d.key];
        (texts.iter().map(|t| (*t).to_owned()).collect(), style)
    });
    let mut at = TableState::default().with_selected(Some(selection.0));
    frame.render_stateful_widget(
        table(&DEVICE_COLUMNS, rows, area.width, theme),
        area,
        &mut at,
    );
}

fn events_table(
    frame: &mut Frame,
    area: Rect,
    events: &[EventLine],
    selection: (usize, bool),
    theme: &Theme,
) {
    if events.is_empty() {
        let text = line("  (no sign-in events recorded)", theme.muted);
        frame.render_widget(Paragraph::new(text), area);
        return;
    }
    let wide = area.width >= WIDE;
    let columns = if wide {
        &EVENT_COLUMNS[..]
    } else {
        &EVENT_COLUMNS[..EVENT_COLUMNS.len() - 1]
    };
    // The selected sign-in in full, under the table: what a narrow table cuts.
    let detail = events
        .get(selection.0)
        .map(|e| prose(vec![line(&summary(e), theme.label)]));
    // The table keeps its titles and two rows before the detail gets any.
    let detail_rows = detail
        .as_ref()
        .map_or(0, |d| rows(d, area.width).min(3) + 1)
        .min(area.height.saturating_sub(3));
    let detail = detail.filter(|_| detail_rows > 1);
    let [table_area, _, detail_area] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::from(detail_rows > 1)),
        Constraint::Length(detail_rows.saturating_sub(1)),
    ]));
    let rows = events.iter().enumerate().map(|(i, e)| -> Cells {
        let (mark, style) = row_style(i, selection, theme);
        let mut texts = vec![
            mark.to_owned(),
            e.time.clone(),
            e.kind.clone(),
            e.response.clone(),
            risk(e),
            e.feedback_value().to_owned(),
            e.from.clone(),
        ];
        if wide {
            texts.push(e.challenges.clone());
        }
        (texts, style)
    });
    let mut at = TableState::default().with_selected(Some(selection.0));
    frame.render_stateful_widget(
        table(columns, rows, table_area.width, theme),
        table_area,
        &mut at,
    );
    if let Some(detail) = detail {
        frame.render_widget(detail, detail_area);
    }
}

/// `High`, or `High · Block` when threat protection did more than assess it.
fn risk(e: &EventLine) -> String {
    match e.decision.as_str() {
        "" | "NoRisk" => e.risk.clone(),
        decision => format!("{} · {decision}", e.risk),
    }
}

/// `Selected: SignIn Fail 2024-01-19 03:11:53Z · Password: Failure · risk High, decision NoRisk,
/// leaked credentials · feedback none`.
fn summary(e: &EventLine) -> String {
    let steps = if e.challenges.is_empty() {
        "no challenge"
    } else {
        &e.challenges
    };
    let mut risk = format!("risk {}", if e.risk.is_empty() { "?" } else { &e.risk });
    if !e.decision.is_empty() {
        let _ = write!(risk, ", decision {}", e.decision);
    }
    if e.compromised {
        risk.push_str(", leaked credentials detected");
    }
    let feedback = if e.feedback.is_empty() {
        "none"
    } else {
        &e.feedback
    };
    format!(
        "Selected: {} {} {} · {steps} · {risk} · feedback {feedback}",
        e.kind, e.response, e.time
    )
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
