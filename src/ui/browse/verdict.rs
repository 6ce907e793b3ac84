//! The verdict above a user's detail: its severity as a word (readable without colour), the
//! reason wrapped to the width, and the fix on its key with the other fixes after it.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::cognito::verdict::{Severity, Verdict};
use crate::ui::Theme;
use crate::ui::text::{escape, width};

const BADGE: usize = 9;

pub fn lines(verdict: &Verdict, fix_key: &str, room: usize, theme: &Theme) -> Vec<Line<'static>> {
    let (word, style) = match verdict.severity {
        Severity::Blocked => ("BLOCKED", theme.error_code),
        Severity::Warning => ("WARNING", theme.warning),
        Severity::Fine => ("OK", theme.value),
    };
    let room = room.saturating_sub(BADGE + 2).max(20);
    let mut out = Vec::new();
    for (i, part) in wrap(&escape(&verdict.reason), room).into_iter().enumerate() {
        let badge = if i == 0 { word } else { "" };
        out.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(format!("{badge:<BADGE$}"), style),
            Span::styled(part, style_of_reason(verdict.severity, theme)),
        ]));
    }
    let mut fixes = Vec::new();
    if let Some(fix) = verdict.fix {
        if fix_key.is_empty() {
            fixes.push(Span::raw(format!("fix: {}", fix.label())));
        } else {
            fixes.push(Span::styled(fix_key.to_owned(), theme.footer_key));
            fixes.push(Span::raw(format!(" {}", fix.label())));
        }
    }
    if !verdict.also.is_empty() {
        let also: Vec<&str> = verdict.also.iter().map(|f| f.label()).collect();
        let lead = if fixes.is_empty() { "" } else { " · " };
        fixes.push(Span::styled(
            format!("{lead}also: {} (action menu)", also.join("; ")),
            theme.muted,
        ));
    }
    if !fixes.is_empty() {
        let mut line = vec![Span::raw(format!("  {:BADGE$}", ""))];
        line.extend(fixes);
        out.push(Line::from(line));
    }
    out
}

fn style_of_reason(severity: Severity, theme: &Theme) -> Style {
    match severity {
        Severity::Blocked => theme.error,
        Severity::Warning | Severity::Fine => theme.value,
    }
}

/// Words into lines of at most `room` columns; a word longer than that gets a line of its own.
fn wrap(text: &str, room: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let Some(current) = lines.last_mut() else {
            break;
        };
        if current.is_empty() {
            current.push_str(word);
        } else if width(current) + 1 + width(word) <= room {
            current.push(' ');
            current.push_str(word);
        } else {
            lines.push(word.to_owned());
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn words_wrap_at_the_room_and_a_long_word_keeps_a_line() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("a verylongword b", 4), ["a", "verylongword", "b"]);
        assert_eq!(wrap("", 4), [""]);
    }
}
