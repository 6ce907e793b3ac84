//! The bottom of a form or dialog: what to press, a spinner while sending, or the error after a
//! failed send (its code on a line of its own, then the plain-English text, wrapped).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;

use crate::app::form::Submit;
use crate::app::remote::ErrorInfo;
use crate::ui::Theme;
use crate::ui::text::{line, spinner};
use crate::ui::widgets::popup::{prose, rows};

/// The most rows an error's text takes: the form above it keeps the rest.
const MAX_ERROR_ROWS: u16 = 4;

pub struct Status<'a> {
    pub submit: &'a Submit,
    /// What is being sent, after the spinner: `Creating zoe…`.
    pub busy: &'a str,
    /// What to press while editing.
    pub keys: &'a str,
}

impl Status<'_> {
    /// Rows it takes in `width` cells.
    pub fn rows(&self, width: u16, theme: &Theme) -> u16 {
        match self.submit {
            Submit::Failed(error) => {
                let code = u16::from(separate_code(error).is_some());
                let text = rows(&error_text(error, theme), width.saturating_sub(2));
                code + text.min(MAX_ERROR_ROWS)
            }
            _ => rows(&self.plain(theme, 0), width),
        }
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, theme: &Theme, ticks: u64) {
        let Submit::Failed(error) = self.submit else {
            frame.render_widget(self.plain(theme, ticks), area);
            return;
        };
        let code = separate_code(error);
        let [code_row, text_rows] = area.layout(&Layout::vertical([
            Constraint::Length(u16::from(code.is_some())),
            Constraint::Fill(1),
        ]));
        if let Some(code) = code {
            let text = line(&format!("✗ {code}"), theme.error_code);
            frame.render_widget(Paragraph::new(text), code_row);
        }
        // The text hangs two cells in, under the code or beside its own mark.
        let [gutter, text] = text_rows.layout(&Layout::horizontal([
            Constraint::Length(2),
            Constraint::Fill(1),
        ]));
        if code.is_none() {
            frame.render_widget(Paragraph::new(line("✗", theme.error)), gutter);
        }
        frame.render_widget(error_text(error, theme), text);
    }

    fn plain(&self, theme: &Theme, ticks: u64) -> Paragraph<'static> {
        let text = match self.submit {
            Submit::Submitting(_) => {
                line(&format!("{} {}", spinner(ticks), self.busy), theme.spinner)
            }
            _ => line(self.keys, theme.muted),
        };
        prose(vec![text])
    }
}

fn error_text(error: &ErrorInfo, theme: &Theme) -> Paragraph<'static> {
    prose(vec![line(&error.text, theme.error)])
}

/// The error code on a line of its own, unless the text already starts with it.
fn separate_code(error: &ErrorInfo) -> Option<&str> {
    error
        .code
        .as_deref()
        .filter(|code| !error.text.starts_with(code))
}
