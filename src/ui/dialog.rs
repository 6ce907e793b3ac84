//! Drawing a confirmation dialog: what will happen, the MFA settings before a reset, the username
//! to type before a delete, and the submit's state.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::Theme;
use super::form::{input_line, submit_lines};
use super::text::{put, spinner};
use super::widgets::notice::wrap;
use super::widgets::popup::popup;
use crate::app::dialog::{Dialog, PasswordShown};
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

/// The password the console chose, masked until revealed, with what to do with it.
pub fn draw_password(frame: &mut Frame, area: Rect, view: &PasswordShown, theme: &Theme) {
    let title = format!("Password of {}", view.user);
    let inner = popup(frame, area, 2, WIDTH, 11, &title, theme);
    let x = inner.x + 1;
    let room = inner.width.saturating_sub(2);
    let buf = frame.buffer_mut();
    let (kind, then) = if view.permanent {
        ("permanent", "They sign in with it as it is.")
    } else {
        (
            "temporary",
            "They must choose a new one at their next sign-in.",
        )
    };
    let intro = format!("The {kind} password the console chose, shown this once:");
    put(buf, inner, x, inner.y, &intro, room, theme.value);
    let password = if view.revealed {
        view.password.reveal().to_owned()
    } else {
        "•".repeat(view.password.reveal().chars().count())
    };
    put(buf, inner, x + 2, inner.y + 2, &password, room, theme.input);
    put(buf, inner, x, inner.y + 4, then, room, theme.value);
    if view.copied {
        let sent = "Copy sent to the terminal's clipboard (OSC 52); if your terminal or tmux \
                    refuses it, reveal it and copy it by hand.";
        for (i, line) in wrap(sent, usize::from(room)).iter().take(2).enumerate() {
            let y = inner.y + 5 + u16::try_from(i).unwrap_or(0);
            put(buf, inner, x, y, line, room, theme.muted);
        }
    }
    let keys = if view.revealed {
        "r hides · c copies · Enter or Esc closes: it is not shown again"
    } else {
        "r reveals · c copies · Enter or Esc closes: it is not shown again"
    };
    let y = inner.bottom().saturating_sub(1);
    put(buf, inner, x, y, keys, room, theme.warning);
}

fn busy(op: &AdminOp, user: &str) -> String {
    format!("Sending {} for {user}…", op.operation())
}
