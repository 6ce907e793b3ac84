//! The `/` local filter line and the server-side search form (ListUsers `Filter`).

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::action::{Action, InputKey};
use crate::app::input::keymap::{Keymap, Mode};
use crate::app::input::text::TextField;
use crate::app::state::ServerFilter;
use crate::cognito::user_filter::FilterAttribute;
use crate::ui::Theme;
use crate::ui::text::{put, thousands};
use crate::ui::widgets::popup::{field, popup};

/// `/ann▏   42 of 1,260 shown` on the status line.
pub fn local_line(
    frame: &mut Frame,
    area: Rect,
    input: &TextField,
    counts: Option<(usize, usize)>,
    theme: &Theme,
) {
    let summary = counts.map_or_else(String::new, |(shown, total)| {
        format!("{} of {} shown", thousands(shown), thousands(total))
    });
    let summary_width = u16::try_from(summary.chars().count()).unwrap_or(0);
    let field_area = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(summary_width + 4),
        ..area
    };
    field(frame, field_area, area.y, "/", input, theme.input, theme);
    let x = area.right().saturating_sub(summary_width + 1);
    put(
        frame.buffer_mut(),
        area,
        x,
        area.y,
        &summary,
        summary_width,
        theme.count,
    );
}

/// The form: attribute picker, `=` / `^=`, the value, and the filter expression it makes.
pub fn server_form(
    frame: &mut Frame,
    area: Rect,
    form: &ServerFilter,
    input: &TextField,
    keys: &Keymap,
    theme: &Theme,
) {
    let key = |k: InputKey| keys.key_for(Mode::Text, &Action::Input(k));
    let attributes = FilterAttribute::ALL.len();
    let wanted = u16::try_from(attributes).unwrap_or(10) + 9;
    let inner = popup(
        frame,
        area,
        2,
        60,
        wanted,
        "Search users on the server",
        theme,
    );
    let buf = frame.buffer_mut();
    let x = inner.x + 1;
    put(
        buf,
        inner,
        x,
        inner.y,
        &format!("Attribute ({}/{})", key(InputKey::Up), key(InputKey::Down)),
        inner.width,
        theme.section,
    );
    // The list shrinks to what fits, keeping the chosen attribute in view.
    let rows = usize::from(inner.height.saturating_sub(7)).clamp(1, attributes);
    let selected = form.attribute.index();
    let first = (selected + 1).saturating_sub(rows);
    for (line, (i, name)) in FilterAttribute::ALL
        .iter()
        .map(|a| a.name())
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let y = inner.y + 1 + u16::try_from(line).unwrap_or(0);
        let row = Rect {
            x,
            y,
            width: 24,
            height: 1,
        }
        .intersection(inner);
        let (mark, style) = if i == selected {
            buf.set_style(row, theme.choice_selected);
            ("›", theme.choice_selected)
        } else {
            (" ", theme.choice)
        };
        put(buf, row, x, y, &format!("{mark} {name}"), row.width, style);
    }
    let mut y = inner.y + 2 + u16::try_from(rows).unwrap_or(0);
    let op_x = put(
        buf,
        inner,
        x,
        y,
        &format!("Operator ({}) ", key(InputKey::Complete)),
        inner.width,
        theme.section,
    );
    let option = |on: bool, text: &str| {
        let style = if on {
            theme.choice_selected
        } else {
            theme.choice
        };
        (format!(" ({}) {text} ", if on { "•" } else { " " }), style)
    };
    let (equals, style) = option(!form.prefix, "= equals");
    let after = put(buf, inner, op_x + 1, y, &equals, inner.width, style);
    let (prefix, style) = option(form.prefix, "^= starts with");
    put(buf, inner, after + 1, y, &prefix, inner.width, style);
    y += 1;
    let value_area = Rect {
        x,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    field(frame, value_area, y, "Value: ", input, theme.input, theme);
    y += 2;
    let preview = ServerFilter {
        value: input.value().trim().to_owned(),
        ..form.clone()
    };
    let text = if preview.value.is_empty() {
        format!("Filter: none ({} lists every user)", key(InputKey::Submit))
    } else {
        format!("Filter: {}", preview.expression())
    };
    for (row, line) in [(y, text.as_str()), (y + 1, CASE_NOTE)] {
        let width = inner.width.saturating_sub(2);
        put(frame.buffer_mut(), inner, x, row, line, width, theme.muted);
    }
}

/// ListUsers matches values as typed; an address with capitals is the usual miss.
const CASE_NOTE: &str = "Case-sensitive but for cognito:user_status: Ann ≠ ann";
