//! Drawing a bulk change: the plan (what happens to whom) with the count to type, then the
//! progress and each user's result as they come.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::Theme;
use super::form::input_line;
use super::text::{put, spinner};
use super::widgets::popup::popup;
use crate::app::bulk::{BulkAction, BulkPhase, BulkRun};

pub fn draw(frame: &mut Frame, area: Rect, run: &BulkRun, theme: &Theme, ticks: u64) {
    let title = crate::app::bulk::title(&run.op, run.users.len());
    let wanted = u16::try_from(run.users.len())
        .unwrap_or(u16::MAX)
        .saturating_add(8);
    let inner = popup(frame, area, 1, 90, wanted, &title, theme);
    let x = inner.x + 1;
    let room = inner.width.saturating_sub(2);
    let list_rows = usize::from(inner.height.saturating_sub(5));
    let mut y = inner.y;
    let heading = match run.phase {
        BulkPhase::Plan => "The plan:",
        BulkPhase::Running(_) => "Applying, one user at a time (Esc stops):",
        BulkPhase::Finished { .. } => "Results:",
    };
    put(
        frame.buffer_mut(),
        inner,
        x,
        y,
        heading,
        room,
        theme.section,
    );
    y += 1;
    // While running, keep the newest results in view.
    let first = run
        .results
        .len()
        .saturating_sub(list_rows.saturating_sub(1));
    let first = if matches!(run.phase, BulkPhase::Plan) {
        0
    } else {
        first
    };
    let shown = run.users.iter().enumerate().skip(first).take(list_rows);
    let mut drawn = 0usize;
    for (i, user) in shown {
        let (mark, text, style) = match run.results.get(i) {
            Some((_, None)) => ("✓", run.op.describe(user), theme.value),
            Some((_, Some(e))) => (
                "✗",
                format!("{}: {}", run.op.describe(user), e.text),
                theme.error,
            ),
            None if run.is_running() && i == run.results.len() => {
                (spinner(ticks), run.op.describe(user), theme.spinner)
            }
            None => ("·", run.op.describe(user), plan_style(&run.op, theme)),
        };
        put(frame.buffer_mut(), inner, x + 1, y, mark, 1, style);
        put(
            frame.buffer_mut(),
            inner,
            x + 3,
            y,
            &text,
            room.saturating_sub(3),
            style,
        );
        y += 1;
        drawn += 1;
    }
    let hidden = run.users.len().saturating_sub(first + drawn);
    if hidden > 0 {
        let text = format!("… and {hidden} more");
        put(
            frame.buffer_mut(),
            inner,
            x + 3,
            y,
            &text,
            room,
            theme.muted,
        );
    }
    footer(frame, inner, run, theme, ticks);
}

/// The last two rows: the count to type, the progress, or the totals.
fn footer(frame: &mut Frame, inner: Rect, run: &BulkRun, theme: &Theme, ticks: u64) {
    let x = inner.x + 1;
    let room = inner.width.saturating_sub(2);
    let bottom = inner.bottom().saturating_sub(2);
    match run.phase {
        BulkPhase::Plan => {
            let prompt = format!("Type {} to confirm: ", run.users.len());
            let after = put(
                frame.buffer_mut(),
                inner,
                x,
                bottom,
                &prompt,
                room,
                theme.label,
            );
            let field_room = inner
                .right()
                .saturating_sub(after)
                .saturating_sub(1)
                .min(10);
            input_line(
                frame,
                inner,
                after,
                bottom,
                field_room,
                &run.typed,
                false,
                true,
                theme.input,
            );
            let hint = run
                .error
                .clone()
                .unwrap_or_else(|| "Enter applies · Esc cancels".to_owned());
            let style = if run.error.is_some() {
                theme.warning
            } else {
                theme.muted
            };
            put(frame.buffer_mut(), inner, x, bottom + 1, &hint, room, style);
        }
        BulkPhase::Running(_) => {
            let text = format!("{} {}", spinner(ticks), run.progress());
            put(
                frame.buffer_mut(),
                inner,
                x,
                bottom,
                &text,
                room,
                theme.spinner,
            );
            put(
                frame.buffer_mut(),
                inner,
                x,
                bottom + 1,
                "Esc stops (users not reached are left as they are)",
                room,
                theme.muted,
            );
        }
        BulkPhase::Finished { .. } => {
            let style = if run.failed() > 0 {
                theme.warning
            } else {
                theme.value
            };
            put(
                frame.buffer_mut(),
                inner,
                x,
                bottom,
                &run.progress(),
                room,
                style,
            );
            let text = run.error.as_deref().unwrap_or("Esc closes");
            put(
                frame.buffer_mut(),
                inner,
                x,
                bottom + 1,
                text,
                room,
                theme.muted,
            );
        }
    }
}

fn plan_style(op: &BulkAction, theme: &Theme) -> ratatui::style::Style {
    if matches!(op, BulkAction::Delete) {
        theme.warning
    } else {
        theme.value
    }
}
