//! Drawing a bulk change: the plan (what happens to whom) with the count to type, then the
//! progress and each user's result as they come.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::users::bulk::{BulkAction, BulkPhase, BulkRun};
use crate::ui::Theme;
use crate::ui::text::{clipped, line, span, spinner};
use crate::ui::widgets::popup::{input, padded, popup, prose, rows};

const WIDTH: u16 = 90;
/// The widest count field.
const COUNT_WIDTH: u16 = 10;

pub fn draw(frame: &mut Frame, area: Rect, run: &BulkRun, theme: &Theme, ticks: u64) {
    let title = crate::app::users::bulk::title(&run.op, run.users.len());
    let (first_line, second_line) = footer_lines(run, theme, ticks);
    let text_width = WIDTH.min(area.width.saturating_sub(2)).saturating_sub(4);
    let second_rows = rows(&second_line, text_width).max(1);
    let wanted = u16::try_from(run.users.len())
        .unwrap_or(u16::MAX)
        .saturating_add(7 + second_rows);
    let inner = padded(popup(frame, area, 1, WIDTH, wanted, &title, theme));
    let [heading, list, more, _, first_row, second_row] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(second_rows),
    ]));
    let heading_text = match run.phase {
        BulkPhase::Plan => "The plan:",
        BulkPhase::Running(_) => "Applying, one user at a time (Esc stops):",
        BulkPhase::Finished { .. } => "Results:",
    };
    frame.render_widget(Paragraph::new(line(heading_text, theme.section)), heading);
    let list_rows = usize::from(list.height);
    // While running, keep the newest results in view.
    let first = match run.phase {
        BulkPhase::Plan => 0,
        _ => run
            .results
            .len()
            .saturating_sub(list_rows.saturating_sub(1)),
    };
    let room = usize::from(list.width.saturating_sub(3));
    let lines: Vec<Line<'static>> = run
        .users
        .iter()
        .enumerate()
        .skip(first)
        .take(list_rows)
        .map(|(i, user)| {
            let (mark, text, style) = result(run, i, user, theme, ticks);
            Line::from(vec![
                span(" ", style),
                span(mark, style),
                span(" ", style),
                clipped(&text, room, style),
            ])
        })
        .collect();
    let hidden = run.users.len().saturating_sub(first + lines.len());
    frame.render_widget(Paragraph::new(lines), list);
    if hidden > 0 {
        let text = line(&format!("   … and {hidden} more"), theme.muted);
        frame.render_widget(Paragraph::new(text), more);
    }
    if let BulkPhase::Plan = run.phase {
        let prompt = span(
            &format!("Type {} to confirm: ", run.users.len()),
            theme.label,
        );
        let prompt_width = u16::try_from(prompt.width()).unwrap_or(u16::MAX);
        let [prompt_area, field, _] = first_row.layout(&Layout::horizontal([
            Constraint::Length(prompt_width),
            Constraint::Length(COUNT_WIDTH),
            Constraint::Fill(1),
        ]));
        frame.render_widget(Paragraph::new(prompt), prompt_area);
        input(
            frame,
            field,
            &run.typed,
            (false, theme.mask_personal),
            true,
            theme.input,
        );
    } else {
        frame.render_widget(Paragraph::new(first_line), first_row);
    }
    frame.render_widget(second_line, second_row);
}

/// A user's line: the mark, what happens to them, and the style.
fn result(
    run: &BulkRun,
    i: usize,
    user: &str,
    theme: &Theme,
    ticks: u64,
) -> (&'static str, String, Style) {
    match run.results.get(i) {
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
    }
}

/// The last two lines: (the count to type,) the progress or the totals; then what to press, why
/// Enter did nothing, or why the run stopped.
fn footer_lines(run: &BulkRun, theme: &Theme, ticks: u64) -> (Line<'static>, Paragraph<'static>) {
    let (first, second) = match run.phase {
        BulkPhase::Plan => {
            let hint = match &run.error {
                Some(e) => line(e, theme.warning),
                None => line("Enter applies · Esc cancels", theme.muted),
            };
            (Line::default(), hint)
        }
        BulkPhase::Running(_) => (
            line(
                &format!("{} {}", spinner(ticks), run.progress()),
                theme.spinner,
            ),
            line(
                "Esc stops (users not reached are left as they are)",
                theme.muted,
            ),
        ),
        BulkPhase::Finished { .. } => {
            let style = if run.failed() > 0 {
                theme.warning
            } else {
                theme.value
            };
            let text = run.error.as_deref().unwrap_or("Esc closes");
            (line(&run.progress(), style), line(text, theme.muted))
        }
    };
    (first, prose(vec![second]))
}

fn plan_style(op: &BulkAction, theme: &Theme) -> Style {
    if matches!(op, BulkAction::Delete) {
        theme.warning
    } else {
        theme.value
    }
}
