//! The `:` command palette: the input line and its completions, each with what it does.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::State;
use crate::app::action::{Action, InputKey};
use crate::app::input::keymap::Mode;
use crate::app::input::palette::{command, completions};
use crate::app::input::text::TextField;
use crate::ui::Theme;
use crate::ui::text::put;
use crate::ui::widgets::popup::{field, popup};

const MAX_CHOICES: usize = 12;
const NAME_WIDTH: u16 = 24;

pub fn palette(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    input: &TextField,
    selected: usize,
    theme: &Theme,
) {
    let choices = completions(state, input.value());
    let listed = choices.len().clamp(1, MAX_CHOICES);
    let height = u16::try_from(listed).unwrap_or(1) + 4;
    let inner = popup(frame, area, 2, 70, height, "Command", theme);
    field(frame, inner, inner.y, ":", input, theme.input, theme);
    let buf = frame.buffer_mut();
    let rule = "─".repeat(usize::from(inner.width));
    put(
        buf,
        inner,
        inner.x,
        inner.y + 1,
        &rule,
        inner.width,
        theme.popup_border,
    );
    let list = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    if choices.is_empty() {
        put(
            buf,
            list,
            list.x + 1,
            list.y,
            &format!(
                "no matching command ({} runs what is typed)",
                state
                    .keys
                    .key_for(Mode::Text, &Action::Input(InputKey::Submit))
            ),
            list.width,
            theme.muted,
        );
        return;
    }
    let rows = usize::from(list.height).max(1);
    let selected = selected.min(choices.len() - 1);
    let first = (selected + 1).saturating_sub(rows);
    for (line, (i, choice)) in choices
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let y = list.y + u16::try_from(line).unwrap_or(0);
        let row = Rect {
            y,
            height: 1,
            ..list
        };
        let (mark, style) = if i == selected {
            buf.set_style(row, theme.choice_selected);
            ("›", theme.choice_selected)
        } else {
            (" ", theme.choice)
        };
        put(
            buf,
            row,
            row.x,
            y,
            &format!("{mark} {choice}"),
            NAME_WIDTH + 1,
            style,
        );
        let about = describe(state, choice);
        put(
            buf,
            row,
            row.x + NAME_WIDTH + 2,
            y,
            &about,
            row.width,
            theme.muted.patch(style),
        );
    }
}

/// What a completion does: the command's description, or the pool id for `pool NAME`.
fn describe(state: &State, choice: &str) -> String {
    let (name, arg) = choice.split_once(' ').unwrap_or((choice, ""));
    if name == "pool"
        && !arg.is_empty()
        && let Some(row) = state.pools.table.rows().iter().find(|r| &*r.name == arg)
    {
        return row.id.to_string();
    }
    command(name)
        .map(|c| c.about.to_owned())
        .unwrap_or_default()
}
