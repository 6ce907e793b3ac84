//! Drawing a confirmation dialog: what will happen, the MFA settings before a reset, the username
//! to type before a delete, and the submit's state. Its text wraps in the box, and what to press
//! stays at the bottom.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::effect::UserChange;
use crate::app::remote::Remote;
use crate::app::users::dialog::{Dialog, MfaInfo};
use crate::ui::Theme;
use crate::ui::text::{line, span, spinner};
use crate::ui::widgets::popup::{input, padded, popup, prose, rows};
use crate::ui::widgets::submit::Status;

const WIDTH: u16 = 80;
/// The MFA settings' labels are this wide.
const MFA_LABEL: usize = 12;

pub fn draw(frame: &mut Frame, area: Rect, dialog: &Dialog, theme: &Theme, ticks: u64) {
    let text_width = padded_width(area);
    let message = prose(message(dialog, theme));
    let mfa = dialog
        .mfa
        .as_ref()
        .map(|m| prose(mfa_lines(m, theme, ticks)));
    let keys = match dialog.op {
        UserChange::Delete => "Enter deletes (once the name is typed) · Esc cancels",
        _ => "Enter confirms · Ctrl-Y copies the AWS CLI command · Esc cancels",
    };
    let busy = busy(&dialog.op, &dialog.user);
    let status = Status {
        submit: &dialog.submit,
        busy: &busy,
        keys,
    };
    let hint = dialog
        .hint
        .as_deref()
        .map(|h| prose(vec![line(h, theme.warning)]));
    let message_rows = rows(&message, text_width);
    // Room for both settings from the start: the box does not grow when they arrive.
    let mfa_rows = mfa.as_ref().map_or(0, |m| rows(m, text_width).max(2));
    let typed_rows = u16::from(dialog.typed.is_some());
    let hint_rows = hint.as_ref().map_or(1, |h| rows(h, text_width).max(1));
    let status_rows = status.rows(text_width, theme);
    let mfa_gap = u16::from(mfa.is_some());
    // A blank line before the MFA settings and the typed name; the hint goes on the blank line
    // before the status; one more blank line under it when there is room.
    let height = message_rows + mfa_gap + mfa_rows + 2 * typed_rows + hint_rows + status_rows;
    let inner = popup(frame, area, 2, WIDTH, height + 3, &dialog.title, theme);
    let spare = inner.height.saturating_sub(height).min(1);
    let [
        message_area,
        _,
        mfa_area,
        _,
        typed_area,
        hint_area,
        status_area,
        _,
    ] = padded(inner).layout(&Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(mfa_gap),
        Constraint::Length(mfa_rows),
        Constraint::Length(typed_rows),
        Constraint::Length(typed_rows),
        Constraint::Length(hint_rows),
        Constraint::Length(status_rows),
        Constraint::Length(spare),
    ]));
    frame.render_widget(message, message_area);
    if let Some(mfa) = mfa {
        frame.render_widget(mfa, mfa_area);
    }
    if let Some(typed) = &dialog.typed {
        let prompt = span(&format!("Type {} to confirm: ", dialog.user), theme.label);
        let prompt_width = u16::try_from(prompt.width()).unwrap_or(u16::MAX);
        let [prompt_area, field_area] = typed_area.layout(&Layout::horizontal([
            Constraint::Length(prompt_width),
            Constraint::Fill(1),
        ]));
        frame.render_widget(Paragraph::new(prompt), prompt_area);
        let editing = !dialog.submit.is_submitting();
        input(
            frame,
            field_area,
            typed,
            (false, theme.mask_personal),
            editing,
            theme.input,
        );
    }
    if let Some(hint) = hint {
        frame.render_widget(hint, hint_area);
    }
    status.draw(frame, status_area, theme, ticks);
}

/// The width text has inside a popup of `WIDTH` over `area`.
fn padded_width(area: Rect) -> u16 {
    WIDTH.min(area.width.saturating_sub(2)).saturating_sub(4)
}

fn message(dialog: &Dialog, theme: &Theme) -> Vec<Line<'static>> {
    dialog
        .lines
        .iter()
        .map(|text| {
            let style = if text.starts_with("Note:") || text.contains("cannot be undone") {
                theme.warning
            } else {
                theme.value
            };
            line(text, style)
        })
        .collect()
}

fn mfa_lines(mfa: &Remote<MfaInfo>, theme: &Theme, ticks: u64) -> Vec<Line<'static>> {
    let pair = |label: &str, value: &str| {
        Line::from(vec![
            span(&format!("{label:<MFA_LABEL$}"), theme.label),
            span(value, theme.value),
        ])
    };
    match mfa {
        Remote::Loaded(info) => {
            let methods = if info.methods.is_empty() {
                "none".to_owned()
            } else {
                info.methods.join(", ")
            };
            vec![
                pair("Preferred", &info.preferred),
                pair("Methods", &methods),
            ]
        }
        Remote::Failed(e) => vec![line(
            &format!("✗ the MFA settings could not be read: {}", e.text),
            theme.error,
        )],
        _ => vec![line(
            &format!("{} Reading the MFA settings…", spinner(ticks)),
            theme.spinner,
        )],
    }
}

fn busy(op: &UserChange, user: &str) -> String {
    format!("Sending {} for {user}…", op.operation())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_measured_at_the_width_it_is_drawn() {
        assert_eq!(padded_width(Rect::new(0, 0, 100, 20)), 76);
        assert_eq!(padded_width(Rect::new(0, 0, 60, 12)), 54);
        assert_eq!(padded_width(Rect::new(0, 0, 3, 12)), 0);
    }
}
