//! Drawing a change to a pool resource: the wait while it is read, edited or compared; the
//! difference to confirm (what is added, removed and changed, secrets masked); and the name to
//! type before a delete.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use serde_json::Value;

use crate::app::admin::{AdminFlow, Stage, Subject};
use crate::app::form::Submit;
use crate::cognito::edit::{Change, changes};
use crate::ui::Theme;
use crate::ui::text::{line, span, spinner};
use crate::ui::users::forms::draw_form;
use crate::ui::widgets::popup::{input, padded, popup, prose, rows};
use crate::ui::widgets::submit::Status;

const WIDTH: u16 = 96;
/// The difference shows at most this many lines; the rest are counted.
const MAX_CHANGES: usize = 14;

pub fn draw(frame: &mut Frame, area: Rect, flow: &AdminFlow, theme: &Theme, ticks: u64) {
    let label = flow.subject.label();
    let (title, lines, submit, keys, busy) = match &flow.stage {
        Stage::Reading(_) => return wait(frame, area, &format!("Reading {label}…"), theme, ticks),
        Stage::Editing { .. } => {
            return wait(frame, area, "Waiting for the editor…", theme, ticks);
        }
        Stage::Form { form, .. } => {
            let busy = format!("Reading {label} again and comparing…");
            return draw_form(frame, area, form, (&busy, false), theme, ticks);
        }
        Stage::Planning { .. } => {
            let text = format!("Reading {label} again and comparing…");
            return wait(frame, area, &text, theme, ticks);
        }
        Stage::Review { plan, submit, .. } => (
            format!("Update {label}"),
            review_lines(&plan.changes(), plan.target.update_operation(), theme),
            submit,
            "Enter sends · e edits again · Esc cancels",
            format!("Sending {}…", plan.target.update_operation()),
        ),
        Stage::Create { input, submit, .. } => (
            format!("Create {label}"),
            create_lines(flow.subject.operation(), input, theme),
            submit,
            "Enter creates · e edits again · Esc cancels",
            format!("Sending {}…", flow.subject.operation()),
        ),
        Stage::Delete { submit, .. } => (
            format!("Delete {label}"),
            delete_lines(flow, theme),
            submit,
            "Enter deletes (once the name is typed) · Esc cancels",
            format!("Deleting {label}…"),
        ),
    };
    let width = WIDTH.min(area.width.saturating_sub(2)).saturating_sub(4);
    let message = prose(lines);
    let status = Status {
        submit,
        busy: &busy,
        keys,
    };
    let typed = match &flow.stage {
        Stage::Delete {
            name, typed, hint, ..
        } => Some((name, typed, hint)),
        _ => None,
    };
    let typed_rows = if typed.is_some() { 3 } else { 0 };
    let height = rows(&message, width) + typed_rows + 1 + status.rows(width, theme);
    let inner = popup(frame, area, 2, WIDTH, height + 2, &title, theme);
    let [message_area, typed_area, hint_area, _, status_area] =
        padded(inner).layout(&Layout::vertical([
            Constraint::Min(0),
            Constraint::Length(typed_rows.min(2)),
            Constraint::Length(typed_rows.saturating_sub(2)),
            Constraint::Length(1),
            Constraint::Length(status.rows(width, theme)),
        ]));
    frame.render_widget(message, message_area);
    if let Some((name, field, hint)) = typed {
        let [_, row] = typed_area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
        ]));
        let prompt = span(&format!("Type {name} to confirm: "), theme.label);
        let prompt_width = u16::try_from(prompt.width()).unwrap_or(u16::MAX);
        let [prompt_area, field_area] = row.layout(&Layout::horizontal([
            Constraint::Length(prompt_width),
            Constraint::Fill(1),
        ]));
        frame.render_widget(Paragraph::new(prompt), prompt_area);
        let editing = !matches!(submit, Submit::Submitting(_));
        input(
            frame,
            field_area,
            field,
            (false, theme.mask_personal),
            editing,
            theme.input,
        );
        if let Some(hint) = hint {
            frame.render_widget(Paragraph::new(line(hint, theme.warning)), hint_area);
        }
    }
    status.draw(frame, status_area, theme, ticks);
}

fn wait(frame: &mut Frame, area: Rect, text: &str, theme: &Theme, ticks: u64) {
    let inner = popup(frame, area, 2, WIDTH, 3, "Change", theme);
    let text = line(&format!("{} {text}", spinner(ticks)), theme.spinner);
    frame.render_widget(Paragraph::new(text), padded(inner));
}

fn review_lines(changes: &[Change], operation: &str, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![
        line(
            &format!(
                "{operation} will be sent with every member as read, changed only here \
                 ({} change{}):",
                changes.len(),
                if changes.len() == 1 { "" } else { "s" }
            ),
            theme.label,
        ),
        Line::default(),
    ];
    for change in changes.iter().take(MAX_CHANGES) {
        let style = match change {
            Change::Removed { .. } => theme.warning,
            Change::Kept { .. } => theme.muted,
            _ => theme.value,
        };
        lines.push(line(&change.to_string(), style));
    }
    if changes.len() > MAX_CHANGES {
        let more = changes.len() - MAX_CHANGES;
        lines.push(line(&format!("… and {more} more"), theme.muted));
    }
    lines
}

/// The new resource's input, member by member (secrets masked, as in a difference).
fn create_lines(operation: &str, input: &Value, theme: &Theme) -> Vec<Line<'static>> {
    let added = changes(&Value::Object(serde_json::Map::new()), input);
    let mut lines = vec![
        line(&format!("{operation} will be sent with:"), theme.label),
        Line::default(),
    ];
    for change in added.iter().take(MAX_CHANGES) {
        lines.push(line(&change.to_string(), theme.value));
    }
    if added.len() > MAX_CHANGES {
        let more = added.len() - MAX_CHANGES;
        lines.push(line(&format!("… and {more} more"), theme.muted));
    }
    lines
}

fn delete_lines(flow: &AdminFlow, theme: &Theme) -> Vec<Line<'static>> {
    let operation = match &flow.subject {
        Subject::Existing(target) => target.delete_operation().unwrap_or_default(),
        Subject::New(_) => "",
    };
    vec![
        line(
            &format!("{operation} deletes {}.", flow.subject.label()),
            theme.value,
        ),
        line("This cannot be undone.", theme.warning),
    ]
}
