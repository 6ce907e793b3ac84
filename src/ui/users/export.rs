//! The export dialog (`Ctrl-S`): the form, and while it runs a progress bar with the users so
//! far, the rate, the quota's use and an ETA.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::users::export::ExportDialog;
use crate::app::users::index::Progress;
use crate::ui::Theme;
use crate::ui::users::forms::draw_form;

/// Cells of the bar.
const BAR: usize = 20;

pub fn draw(frame: &mut Frame, area: Rect, dialog: &ExportDialog, theme: &Theme, ticks: u64) {
    let busy = dialog.progress.as_ref().map_or_else(
        || "starting the export… (Esc stops it)".to_owned(),
        |p| format!("{} · Esc stops it", bar(p)),
    );
    draw_form(frame, area, &dialog.form, (&busy, false), theme, ticks);
}

/// `[██████░░░░░░] 31% · 31,000 of ~100,000 users · …`; without an estimate, only the line.
pub fn bar(progress: &Progress) -> String {
    let Some(total) = progress.estimate.filter(|&t| t > 0) else {
        return progress.line.clone();
    };
    let done = progress.done.min(total);
    let filled = usize::try_from(done.saturating_mul(BAR as u64) / total).unwrap_or(BAR);
    let percent = done.saturating_mul(100) / total;
    format!(
        "[{}{}] {percent}% · {}",
        "█".repeat(filled),
        "░".repeat(BAR - filled),
        progress.line
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_with_the_share_done_and_never_overflows() {
        let mut p = Progress {
            doing: "exporting".into(),
            done: 25,
            estimate: Some(100),
            line: "25 of ~100 users".into(),
        };
        assert_eq!(
            bar(&p),
            format!(
                "[{}{}] 25% · 25 of ~100 users",
                "█".repeat(5),
                "░".repeat(15)
            )
        );
        p.done = 140;
        assert!(bar(&p).starts_with(&format!("[{}] 100%", "█".repeat(20))));
        p.estimate = None;
        assert_eq!(bar(&p), "25 of ~100 users");
    }
}
