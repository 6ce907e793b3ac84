//! Small text helpers for drawing: numbers with separators, the spinner, clipped text, and the
//! spans and lines the ratatui widgets draw. Everything shown is escaped (`shared::visible`): text
//! written with `put`, and every `Span`/`Line` built with `span`, `line` or `clip`, so a username
//! with a line feed or a zero-width joiner never looks like another. Only what is being typed
//! into a field is drawn as it is (`typed`, through `put_span`), so that the cursor stays where it
//! belongs.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub use crate::shared::visible::escape;

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// The spinner frame for this tick.
pub fn spinner(ticks: u64) -> &'static str {
    let len = SPINNER.len() as u64;
    usize::try_from(ticks % len)
        .ok()
        .and_then(|i| SPINNER.get(i))
        .copied()
        .unwrap_or("⠋")
}

pub use crate::shared::thousands;

/// `1 user` / `2 users`.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// Display width in cells.
pub fn width(text: &str) -> usize {
    Span::raw(text).width()
}

/// Writes `text` at (x, y) within `area`, at most `max` cells wide, hidden characters escaped;
/// text that does not fit ends with `…`. Returns the x after the text. Never writes outside
/// `area`.
pub fn put(
    buf: &mut Buffer,
    area: Rect,
    x: u16,
    y: u16,
    text: &str,
    max: u16,
    style: Style,
) -> u16 {
    put_span(buf, (area, x, y), &Span::styled(escape(text), style), max)
}

/// `put` for a span as it is: the text of a field being typed (`typed`) is drawn through it.
pub fn put_span(buf: &mut Buffer, (area, x, y): (Rect, u16, u16), span: &Span, max: u16) -> u16 {
    let (text, style) = (span.content.as_ref(), span.style);
    let area = area.intersection(buf.area);
    if y < area.top() || y >= area.bottom() || x < area.left() || x >= area.right() {
        return x;
    }
    let max = max.min(area.right() - x);
    if max == 0 {
        return x;
    }
    if width(text) <= usize::from(max) {
        return buf.set_stringn(x, y, text, usize::from(max), style).0;
    }
    let (end, _) = buf.set_stringn(x, y, text, usize::from(max - 1), style);
    buf.set_stringn(end, y, "…", 1, style).0
}

/// `text` as a span, hidden characters escaped: what every ratatui widget draws is built from it.
pub fn span(text: &str, style: Style) -> Span<'static> {
    Span::styled(escape(text).into_owned(), style)
}

/// `text` as a line of one span, hidden characters escaped.
pub fn line(text: &str, style: Style) -> Line<'static> {
    Line::from(span(text, style))
}

/// What is typed into a field, as it is (the cursor counts its characters).
pub fn typed(text: &str, style: Style) -> Span<'static> {
    Span::styled(text.to_owned(), style)
}

/// `text` escaped and cut to `max` cells, ending with `…` when it did not fit: a table cell or
/// a list entry that was cut must not pass for a whole one.
pub fn clip(text: &str, max: usize) -> String {
    let shown = escape(text);
    if width(&shown) <= max {
        return shown.into_owned();
    }
    let mut out = String::with_capacity(max + 3);
    let mut used = 0;
    let mut one = [0u8; 4];
    for c in shown.chars() {
        let w = width(c.encode_utf8(&mut one));
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// `clip` as a span.
pub fn clipped(text: &str, max: usize, style: Style) -> Span<'static> {
    Span::styled(clip(text, max), style)
}

/// The line cut to `max` cells, ending with `…` in the style of the span that was cut, as `put`
/// cuts text. The spans must be escaped already (built with `span`).
pub fn clip_line(line: Line<'static>, max: usize) -> Line<'static> {
    if line.width() <= max {
        return line;
    }
    let mut spans = Vec::with_capacity(line.spans.len());
    let mut room = max;
    for span in line.spans {
        let w = span.width();
        if w < room {
            room -= w;
            spans.push(span);
            continue;
        }
        let cut = clip(&span.content, room);
        spans.push(Span::styled(cut, span.style));
        break;
    }
    Line::from(spans).style(line.style)
}

/// The part of a one-line field to show in `room` cells so that the cursor stays visible, and
/// the cursor's column within it.
pub fn field_window(text: &str, cursor: usize, room: usize) -> (String, usize) {
    let room = room.max(1);
    let start = (cursor + 1).saturating_sub(room);
    let shown: String = text.chars().skip(start).take(room).collect();
    (shown, cursor - start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_get_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1260), "1,260");
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(counted(1, "user", "users"), "1 user");
    }

    #[test]
    fn put_clips_with_an_ellipsis_and_never_leaves_the_area() {
        let area = Rect::new(0, 0, 10, 2);
        let mut buf = Buffer::empty(area);
        put(&mut buf, area, 0, 0, "abcdefghijkl", 6, Style::new());
        put(&mut buf, area, 8, 1, "xyz", 9, Style::new());
        put(&mut buf, area, 0, 5, "out", 9, Style::new());
        put(&mut buf, area, 12, 0, "out", 9, Style::new());
        assert_eq!(buf, Buffer::with_lines(["abcde…    ", "        x…"]));
    }

    #[test]
    fn put_escapes_hidden_characters_and_a_typed_span_is_not() {
        let area = Rect::new(0, 0, 12, 2);
        let mut buf = Buffer::empty(area);
        put(&mut buf, area, 0, 0, "a\u{200d}b", 12, Style::new());
        put_span(&mut buf, (area, 0, 1), &typed("a\\nb", Style::new()), 12);
        assert_eq!(buf, Buffer::with_lines(["a\\u{200d}b  ", "a\\nb        "]));
    }

    #[test]
    fn spans_lines_and_clipped_text_are_escaped_and_typed_text_is_not() {
        assert_eq!(span("a\u{200d}b", Style::new()).content, "a\\u{200d}b");
        assert_eq!(line("x\ny", Style::new()).to_string(), "x\\ny");
        assert_eq!(clip("fz-a\u{202e}b", 40), "fz-a\\u{202e}b");
        assert_eq!(typed("a\\nb", Style::new()).content, "a\\nb");
    }

    #[test]
    fn clip_cuts_with_an_ellipsis_counting_cells() {
        assert_eq!(clip("abcdef", 6), "abcdef");
        assert_eq!(clip("abcdefg", 6), "abcde…");
        assert_eq!(clip("a\u{200d}bcdef", 6), "a\\u{2…");
        assert_eq!(clip("日本語テキスト", 6), "日本…");
        assert_eq!(clip("abc", 0), "");
    }

    #[test]
    fn clip_line_cuts_the_span_that_does_not_fit() {
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let l = Line::from(vec![span("name ", Style::new()), span("endpoint", bold)]);
        let cut = clip_line(l.clone(), 9);
        assert_eq!(cut.to_string(), "name end…");
        assert_eq!(cut.spans[1].style, bold);
        assert_eq!(clip_line(l, 13).to_string(), "name endpoint");
    }

    #[test]
    fn field_window_follows_the_cursor() {
        assert_eq!(field_window("hello", 5, 10), ("hello".into(), 5));
        assert_eq!(field_window("hello world", 11, 5), ("orld".into(), 4));
        assert_eq!(field_window("hello world", 0, 5), ("hello".into(), 0));
    }
}
