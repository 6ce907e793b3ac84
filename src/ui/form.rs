//! Drawing a user form: one row per field (label, value, error or hint beside it), the focused
//! field highlighted with the cursor in it, scrolled to keep the focus in view, and the submit's
//! state at the bottom (what to press, the spinner, or the API's error).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use super::Theme;
use super::text::{field_window, put, put_typed, spinner, width};
use super::widgets::notice::wrap;
use super::widgets::popup::popup;
use crate::app::form::{Field, FieldKind, Form, Submit};
use crate::app::text::TextField;
use crate::app::user_forms::{FormPurpose, UserForm};

const LABEL_WIDTH: u16 = 26;

pub fn draw(frame: &mut Frame, area: Rect, form: &UserForm, theme: &Theme, ticks: u64) {
    let f = &form.form;
    let width = 86;
    let rows: Vec<Row> = rows(f, width);
    let status_rows = status_height(f, width.saturating_sub(2));
    let wanted = u16::try_from(rows.len())
        .unwrap_or(u16::MAX)
        .saturating_add(3 + status_rows + u16::from(f.note.is_some()));
    let inner = popup(frame, area, 1, width, wanted, &f.title, theme);
    if inner.height < 3 {
        return;
    }
    let mut y = inner.y;
    if let Some(note) = &f.note {
        let style = if form.loading.is_some() {
            theme.spinner
        } else {
            theme.warning
        };
        put(
            frame.buffer_mut(),
            inner,
            inner.x + 1,
            y,
            note,
            inner.width.saturating_sub(2),
            style,
        );
        y += 1;
    }
    // Rows left for fields, after the blank line and the status lines at the bottom.
    let body = Rect {
        y,
        height: inner
            .bottom()
            .saturating_sub(y)
            .saturating_sub(status_rows + 1),
        ..inner
    };
    let focus_row = rows
        .iter()
        .position(|r| r.field == f.focus && r.extra.is_none());
    let height = usize::from(body.height);
    // The focused field and the lines under it stay in view.
    let first = focus_row.map_or(0, |row| {
        let under = rows
            .iter()
            .skip(row + 1)
            .take_while(|r| r.field == f.focus && r.extra.is_some())
            .count();
        (row + 1 + under).saturating_sub(height)
    });
    for (i, row) in rows.iter().skip(first).take(height).enumerate() {
        let ry = body.y + u16::try_from(i).unwrap_or(0);
        let Some(field) = f.fields.get(row.field) else {
            continue;
        };
        if let Some(text) = &row.extra {
            extra_line(frame, body, ry, field, text, theme);
        } else {
            field_line(frame, body, ry, field, row.field == f.focus, theme);
        }
    }
    let edge = inner.right().saturating_sub(1);
    if first > 0 {
        put(frame.buffer_mut(), inner, edge, body.y, "↑", 1, theme.muted);
    }
    if first + height < rows.len() {
        let last = body.bottom().saturating_sub(1);
        put(frame.buffer_mut(), inner, edge, last, "↓", 1, theme.muted);
    }
    let status = Rect {
        y: inner.bottom().saturating_sub(status_rows),
        height: status_rows,
        ..inner
    };
    submit_lines(
        frame,
        status,
        &f.submit,
        &busy_text(form),
        "Enter sends · Esc cancels",
        theme,
        ticks,
    );
}

/// A row of the form: a field, or a line under it (its error, wrapped, or the focused field's
/// hint).
struct Row {
    field: usize,
    extra: Option<String>,
}

fn rows<K>(form: &Form<K>, width: u16) -> Vec<Row> {
    let room = usize::from(width.saturating_sub(LABEL_WIDTH + 6));
    let mut rows = Vec::new();
    for (i, field) in form.fields.iter().enumerate() {
        rows.push(Row {
            field: i,
            extra: None,
        });
        let hint = (i == form.focus && !field.read_only)
            .then_some(field.note.as_ref())
            .flatten();
        let under = match (&field.error, hint) {
            (Some(error), _) => wrap(&format!("✗ {error}"), room),
            (None, Some(note)) => vec![note.clone()],
            (None, None) => Vec::new(),
        };
        rows.extend(under.into_iter().take(3).map(|line| Row {
            field: i,
            extra: Some(line),
        }));
    }
    rows
}

fn busy_text(form: &UserForm) -> String {
    match &form.purpose {
        FormPurpose::CreateUser => format!("Creating {}…", form.user()),
        FormPurpose::EditAttributes { user, .. } => format!("Saving the attributes of {user}…"),
        FormPurpose::SetPassword { user } => format!("Setting the password of {user}…"),
    }
}

fn field_line<K>(
    frame: &mut Frame,
    area: Rect,
    y: u16,
    field: &Field<K>,
    focused: bool,
    theme: &Theme,
) {
    let buf = frame.buffer_mut();
    let marker = if focused { "›" } else { " " };
    let required = if field.required { "*" } else { "" };
    let label_style = if focused {
        theme.choice_selected
    } else {
        theme.label
    };
    put(buf, area, area.x, y, marker, 1, theme.section);
    put(
        buf,
        area,
        area.x + 1,
        y,
        &format!("{}{required}", field.label),
        LABEL_WIDTH - 1,
        label_style,
    );
    let x = area.x + 1 + LABEL_WIDTH;
    let room = area.right().saturating_sub(x).saturating_sub(1);
    let value_style = if field.read_only {
        theme.muted
    } else {
        theme.input
    };
    match &field.kind {
        FieldKind::Text | FieldKind::Masked => {
            let masked = field.kind == FieldKind::Masked && !field.revealed;
            input_line(
                frame,
                area,
                x,
                y,
                room,
                &field.input,
                masked,
                focused,
                value_style,
            );
        }
        FieldKind::Choice(options) => {
            let mut cx = x;
            for (i, option) in options.iter().enumerate() {
                let on = i == field.choice;
                let style = if on && focused {
                    theme.choice_selected
                } else if on {
                    theme.input
                } else {
                    theme.muted
                };
                let text = format!("({}) {option}", if on { "•" } else { " " });
                cx = put(frame.buffer_mut(), area, cx, y, &text, room, style) + 2;
            }
        }
        FieldKind::Toggle => {
            let text = if field.on { "[x] yes" } else { "[ ] no" };
            let style = if focused {
                theme.choice_selected
            } else {
                value_style
            };
            put(frame.buffer_mut(), area, x, y, text, room, style);
        }
    }
}

/// A line of the error under a field, or the focused field's hint.
fn extra_line<K>(
    frame: &mut Frame,
    area: Rect,
    y: u16,
    field: &Field<K>,
    text: &str,
    theme: &Theme,
) {
    let x = area.x + 1 + LABEL_WIDTH;
    let room = area.right().saturating_sub(x).saturating_sub(1);
    let style = if field.error.is_some() {
        theme.error
    } else {
        theme.muted
    };
    put(frame.buffer_mut(), area, x, y, text, room, style);
}

/// A one-line input at (x, y), `room` cells wide; the terminal cursor goes in it when focused.
#[allow(clippy::too_many_arguments)]
pub fn input_line(
    frame: &mut Frame,
    area: Rect,
    x: u16,
    y: u16,
    room: u16,
    input: &TextField,
    masked: bool,
    focused: bool,
    style: Style,
) {
    let text: String = if masked {
        "•".repeat(input.value().chars().count())
    } else {
        input.value().to_owned()
    };
    let (shown, column) = field_window(&text, input.cursor(), usize::from(room));
    put_typed(frame.buffer_mut(), area, x, y, &shown, room, style);
    if focused {
        let before: String = shown.chars().take(column).collect();
        let cx = x.saturating_add(u16::try_from(width(&before)).unwrap_or(u16::MAX));
        if cx < area.right() && y < area.bottom() {
            frame.set_cursor_position(Position::new(cx, y));
        }
    }
}

fn status_height<K>(form: &Form<K>, width: u16) -> u16 {
    match &form.submit {
        Submit::Failed(e) => {
            let lines = wrap(&e.text, usize::from(width.saturating_sub(4))).len();
            u16::try_from(lines.min(4)).unwrap_or(4) + u16::from(separate_code(e).is_some())
        }
        _ => 1,
    }
}

/// The bottom of a form or dialog: what to press, a spinner while sending, or the error (its code,
/// then the plain-English text) after a failed send.
pub fn submit_lines(
    frame: &mut Frame,
    area: Rect,
    submit: &Submit,
    busy: &str,
    keys: &str,
    theme: &Theme,
    ticks: u64,
) {
    let buf = frame.buffer_mut();
    let x = area.x + 1;
    let room = area.width.saturating_sub(2);
    match submit {
        Submit::Editing => {
            put(buf, area, x, area.y, keys, room, theme.muted);
        }
        Submit::Submitting(_) => {
            let text = format!("{} {busy}", spinner(ticks));
            put(buf, area, x, area.y, &text, room, theme.spinner);
        }
        Submit::Failed(error) => {
            let mut y = area.y;
            let code = separate_code(error);
            if let Some(code) = code {
                put(
                    buf,
                    area,
                    x,
                    y,
                    &format!("✗ {code}"),
                    room,
                    theme.error_code,
                );
                y += 1;
            }
            let lines = wrap(&error.text, usize::from(room.saturating_sub(2)));
            for (i, line) in lines.iter().take(4).enumerate() {
                let lead = if i == 0 && code.is_none() {
                    "✗ "
                } else {
                    "  "
                };
                put(buf, area, x, y, &format!("{lead}{line}"), room, theme.error);
                y += 1;
            }
        }
    }
}

/// The error code on a line of its own, unless the text already starts with it.
fn separate_code(error: &crate::app::remote::ErrorInfo) -> Option<&str> {
    error
        .code
        .as_deref()
        .filter(|code| !error.text.starts_with(code))
}
