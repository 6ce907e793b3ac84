//! Drawing a user form: one row per field (label, value, its error or hint wrapped under the
//! value), the focused field highlighted with the cursor in it, scrolled a field at a time to keep
//! the focus in view, and the submit's state at the bottom (what to press, the spinner, or the
//! API's error).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::form::{Field, FieldKind, Form};
use crate::app::users::forms::{FormPurpose, UserForm};
use crate::cognito::personal;
use crate::ui::Theme;
use crate::ui::text::{clip_line, clipped, line, span};
use crate::ui::widgets::popup::{input, padded, popup, prose, rows};
use crate::ui::widgets::submit::Status;

const WIDTH: u16 = 86;
/// The marker and the label before the value.
const LABEL_WIDTH: u16 = 26;
/// The most rows an error or hint takes under its field.
const MAX_UNDER_ROWS: u16 = 3;

pub fn draw(frame: &mut Frame, area: Rect, form: &UserForm, theme: &Theme, ticks: u64) {
    let busy = busy_text(form);
    let loading = form.loading.is_some();
    draw_form(frame, area, &form.form, (&busy, loading), theme, ticks);
}

/// Any form: `busy` is what the spinner says while it is sent, and whether its note is a
/// loading note (drawn as the spinner's) rather than a warning.
pub fn draw_form<K>(
    frame: &mut Frame,
    area: Rect,
    f: &Form<K>,
    (busy, loading): (&str, bool),
    theme: &Theme,
    ticks: u64,
) {
    let inner_width = WIDTH.min(area.width.saturating_sub(2)).saturating_sub(2);
    // The last column is kept for the ↑/↓ marks.
    let value_width = inner_width.saturating_sub(2 + LABEL_WIDTH);
    let heights: Vec<u16> = (0..f.fields.len())
        .map(|i| 1 + under(f, i, theme).map_or(0, |u| rows(&u, value_width).min(MAX_UNDER_ROWS)))
        .collect();
    let note = f.note.as_deref().map(|note| {
        let style = if loading {
            theme.spinner
        } else {
            theme.warning
        };
        prose(vec![line(note, style)])
    });
    let status = Status {
        submit: &f.submit,
        busy,
        keys: "Enter sends · Esc cancels",
    };
    let text_width = inner_width.saturating_sub(2);
    let note_rows = note.as_ref().map_or(0, |n| rows(n, text_width));
    let status_rows = status.rows(text_width, theme);
    let fields_rows = heights.iter().copied().fold(0, u16::saturating_add);
    let wanted = note_rows + fields_rows + 1 + status_rows;
    let inner = popup(
        frame,
        area,
        1,
        WIDTH,
        wanted.saturating_add(2),
        &f.title,
        theme,
    );
    if inner.height < 3 {
        return;
    }
    let [note_area, body, _, status_area] = inner.layout(&Layout::vertical([
        Constraint::Length(note_rows),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(status_rows),
    ]));
    if let Some(note) = note {
        frame.render_widget(note, padded(note_area));
    }
    fields(frame, body, f, &heights, theme);
    status.draw(frame, padded(status_area), theme, ticks);
}

/// The fields that fit in `body` from the first one that keeps the focused field in view, and
/// `↑`/`↓` in the last column when there are more above or below.
fn fields<K>(frame: &mut Frame, body: Rect, f: &Form<K>, heights: &[u16], theme: &Theme) {
    let [list, marks] = body.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let room = body.height;
    let span_of = |from: usize, to: usize| -> u16 {
        heights
            .get(from..=to)
            .map_or(0, |h| h.iter().copied().fold(0, u16::saturating_add))
    };
    let mut first = 0;
    while first < f.focus && span_of(first, f.focus) > room {
        first += 1;
    }
    let mut shown = Vec::new();
    let mut used = 0u16;
    for (i, &h) in heights.iter().enumerate().skip(first) {
        if used >= room {
            break;
        }
        let h = h.min(room - used);
        shown.push((i, h));
        used += h;
    }
    let areas = list.layout_vec(&Layout::vertical(
        shown.iter().map(|&(_, h)| Constraint::Length(h)),
    ));
    for (&(i, _), &row) in shown.iter().zip(areas.iter()) {
        if let Some(field) = f.fields.get(i) {
            field_rows(frame, row, f, i, field, theme);
        }
    }
    let cut = shown
        .last()
        .is_some_and(|&(i, h)| i + 1 < heights.len() || heights.get(i) != Some(&h));
    let [top, _, bottom] = marks.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    if first > 0 {
        frame.render_widget(Paragraph::new(line("↑", theme.muted)), top);
    }
    if cut {
        frame.render_widget(Paragraph::new(line("↓", theme.muted)), bottom);
    }
}

/// What goes under a field: its error, or the focused field's hint.
fn under<K>(f: &Form<K>, i: usize, theme: &Theme) -> Option<Paragraph<'static>> {
    let field = f.fields.get(i)?;
    if let Some(error) = &field.error {
        return Some(prose(vec![line(&format!("✗ {error}"), theme.error)]));
    }
    let hint = (i == f.focus && !field.read_only)
        .then_some(field.note.as_ref())
        .flatten()?;
    Some(prose(vec![line(hint, theme.muted)]))
}

fn busy_text(form: &UserForm) -> String {
    match &form.purpose {
        FormPurpose::CreateUser => format!("Creating {}…", form.user()),
        FormPurpose::EditAttributes { user, .. } => format!("Saving the attributes of {user}…"),
        FormPurpose::SetPassword { user } => format!("Setting the password of {user}…"),
    }
}

/// A field: the focus mark, its label, its value, and what goes under it.
fn field_rows<K>(
    frame: &mut Frame,
    area: Rect,
    f: &Form<K>,
    i: usize,
    field: &Field<K>,
    theme: &Theme,
) {
    let focused = i == f.focus;
    let [mark, label, value] = area.layout(&Layout::horizontal([
        Constraint::Length(1),
        Constraint::Length(LABEL_WIDTH),
        Constraint::Fill(1),
    ]));
    let [value_line, under_area] = value.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let marker = if focused { "›" } else { " " };
    frame.render_widget(Paragraph::new(line(marker, theme.section)), mark);
    let required = if field.required { "*" } else { "" };
    let label_style = if focused {
        theme.choice_selected
    } else {
        theme.label
    };
    let label_text = clipped(
        &format!("{}{required}", field.label),
        usize::from(LABEL_WIDTH - 1),
        label_style,
    );
    frame.render_widget(Paragraph::new(label_text), label);
    let value_style = if field.read_only {
        theme.muted
    } else {
        theme.input
    };
    match &field.kind {
        // Screen-share mode: a personal value is masked but in the field being typed in.
        FieldKind::Text if theme.mask_personal && field.personal && !focused => {
            let shown = personal::value(field.input.value());
            frame.render_widget(
                Paragraph::new(clipped(&shown, usize::from(value_line.width), value_style)),
                value_line,
            );
        }
        FieldKind::Text | FieldKind::Masked => {
            let masked = field.kind == FieldKind::Masked && !field.revealed;
            input(
                frame,
                value_line,
                &field.input,
                (masked, theme.mask_personal),
                focused,
                value_style,
            );
        }
        FieldKind::Choice(options) => {
            let mut spans = Vec::new();
            for (n, option) in options.iter().enumerate() {
                let on = n == field.choice;
                let style = if on && focused {
                    theme.choice_selected
                } else if on {
                    theme.input
                } else {
                    theme.muted
                };
                if n > 0 {
                    spans.push(span("  ", theme.muted));
                }
                let mark = if on { "•" } else { " " };
                spans.push(span(&format!("({mark}) {option}"), style));
            }
            let choices = clip_line(Line::from(spans), usize::from(value_line.width));
            frame.render_widget(Paragraph::new(choices), value_line);
        }
        FieldKind::Toggle => {
            let text = if field.on { "[x] yes" } else { "[ ] no" };
            let style = if focused {
                theme.choice_selected
            } else {
                value_style
            };
            frame.render_widget(Paragraph::new(line(text, style)), value_line);
        }
    }
    if let Some(text) = under(f, i, theme) {
        frame.render_widget(text, under_area);
    }
}
