//! Drawing a confirmation dialog: what will happen, the MFA settings before a reset, the username
//! to type before a delete, and the submit's state.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::Theme;
use super::form::{input_line, submit_lines};
use super::text::{put, spinner};
use super::widgets::popup::popup;
use crate::app::dialog::Dialog;
use crate::app::effect::AdminOp;
use crate::app::form::Submit;
use crate::app::remote::Remote;

const WIDTH: u16 = 80;

pub fn draw(frame: &mut Frame, area: Rect, dialog: &Dialog, theme: &Theme, ticks: u64) {
    let extra = match (&dialog.mfa, &dialog.typed) {
        (Some(_), _) => 3,
        (_, Some(_)) => 2,
        _ => 0,
    };
    let failed = u16::from(matches!(dialog.submit, Submit::Failed(_))) * 3;
    let lines = u16::try_from(dialog.lines.len()).unwrap_or(8);
    let height = lines + extra + failed + 5;
    let inner = popup(frame, area, 2, WIDTH, height, &dialog.title, theme);
    let x = inner.x + 1;
    let room = inner.width.saturating_sub(2);
    let mut y = inner.y;
    for line in &dialog.lines {
        let style = if line.starts_with("Note:") || line.contains("cannot be undone") {
            theme.warning
        } else {
            theme.value
        };
        put(frame.buffer_mut(), inner, x, y, line, room, style);
        y += 1;
    }
    y += 1;
    if let Some(mfa) = &dialog.mfa {
        let buf = frame.buffer_mut();
        match mfa {
            Remote::Loaded(info) => {
                let methods = if info.methods.is_empty() {
                    "none".to_owned()
                } else {
                    info.methods.join(", ")
                };
                put(buf, inner, x, y, "Preferred", 12, theme.label);
                put(buf, inner, x + 12, y, &info.preferred, room, theme.value);
                put(buf, inner, x, y + 1, "Methods", 12, theme.label);
                put(buf, inner, x + 12, y + 1, &methods, room, theme.value);
            }
            Remote::Failed(e) => {
                let text = format!("✗ the MFA settings could not be read: {}", e.text);
                put(buf, inner, x, y, &text, room, theme.error);
            }
            _ => {
                let text = format!("{} Reading the MFA settings…", spinner(ticks));
                put(buf, inner, x, y, &text, room, theme.spinner);
            }
        }
        y += 3;
    }
    if let Some(typed) = &dialog.typed {
        let prompt = format!("Type {} to confirm: ", dialog.user);
        let after = put(frame.buffer_mut(), inner, x, y, &prompt, room, theme.label);
        let field_room = inner.right().saturating_sub(after).saturating_sub(1);
        let editing = !dialog.submit.is_submitting();
        input_line(
            frame,
            inner,
            after,
            y,
            field_room,
            typed,
            false,
            editing,
            theme.input,
        );
        y += 2;
    }
    if let Some(hint) = &dialog.hint {
        put(
            frame.buffer_mut(),
            inner,
            x,
            y.saturating_sub(1),
            hint,
            room,
            theme.warning,
        );
    }
    let status = Rect {
        y: y.min(inner.bottom().saturating_sub(1)),
        height: inner.bottom().saturating_sub(y).max(1),
        ..inner
    };
    let keys = match dialog.op {
        AdminOp::Delete => "Enter deletes (once the name is typed) · Esc cancels",
        _ => "Enter confirms · Esc cancels",
    };
    submit_lines(
        frame,
        status,
        &dialog.submit,
        &busy(&dialog.op, &dialog.user),
        keys,
        theme,
        ticks,
    );
}

fn busy(op: &AdminOp, user: &str) -> String {
    format!("Sending {} for {user}…", op.operation())
}
