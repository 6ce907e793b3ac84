//! Drawing `:journal`: the audit journal's last entries, newest first, as a table.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Paragraph, TableState};

use crate::app::remote::Remote;
use crate::app::users::journal::{JournalLine, JournalView};
use crate::ui::Theme;
use crate::ui::text::{line, spinner};
use crate::ui::widgets::popup::{padded, popup, prose};
use crate::ui::widgets::small_table::{Cells, table};

/// The time, operation, target and result keep their width first: the pool and the request id
/// give way on a narrow screen.
const COLUMNS: [(&str, Constraint); 5] = [
    ("Time (UTC)", Constraint::Length(20)),
    ("Operation", Constraint::Max(28)),
    ("Target", Constraint::Max(16)),
    ("Result", Constraint::Max(26)),
    ("Pool · request id", Constraint::Fill(1)),
];

pub fn draw(frame: &mut Frame, area: Rect, view: &JournalView, theme: &Theme, ticks: u64) {
    let inner = popup(
        frame,
        area,
        0,
        area.width.saturating_sub(2),
        area.height,
        "Audit journal (newest first)",
        theme,
    );
    let inner = padded(inner);
    let text = match &view.entries {
        Remote::Loaded(entries) if !entries.is_empty() => {
            return entries_table(frame, inner, entries, view.scroll, theme);
        }
        Remote::Loaded(_) => line(
            "No changes recorded yet: every change made here or with the CLI is listed",
            theme.muted,
        ),
        Remote::Failed(e) => line(&format!("✗ {}", e.text), theme.error),
        _ => line(
            &format!("{} Reading the journal…", spinner(ticks)),
            theme.spinner,
        ),
    };
    frame.render_widget(prose(vec![text]), inner);
}

fn entries_table(
    frame: &mut Frame,
    inner: Rect,
    entries: &[JournalLine],
    scroll: usize,
    theme: &Theme,
) {
    let [body, footer] = inner.layout(&Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(1),
    ]));
    let rows = entries.iter().rev().map(|e| -> Cells {
        let style = if e.result == "ok" {
            theme.value
        } else {
            theme.error
        };
        let texts = vec![
            e.time.trim_end_matches('Z').replace('T', " "),
            e.operation.clone(),
            e.target.clone(),
            e.result.clone(),
            format!("{} · {}", e.pool, e.request_id),
        ];
        (texts, style)
    });
    let mut state = TableState::default().with_offset(scroll);
    frame.render_stateful_widget(table(&COLUMNS, rows, body.width, theme), body, &mut state);
    let keys = format!(
        "{} entries · ↑/↓ scroll · r reload · Esc closes",
        entries.len()
    );
    frame.render_widget(Paragraph::new(line(&keys, theme.muted)), footer);
}
