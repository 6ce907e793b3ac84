//! Drawing a secret shown once: the password the console chose, or an app client's secret under a
//! warning that anyone who sees it can act as the app. Masked until revealed, with what to press at
//! the bottom; room for the note about the clipboard is kept from the start, so the box does not
//! grow when `c` is pressed, nor when a client's secret arrives.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;

use crate::app::remote::Remote;
use crate::app::secret::{SecretOf, SecretShown};
use crate::ui::Theme;
use crate::ui::mask;
use crate::ui::text::{line, span, spinner};
use crate::ui::widgets::popup::{padded, popup, prose, rows};

const WIDTH: u16 = 80;

/// What a client's secret view says before anything else.
pub const WARNING: &str =
    "Anyone who sees this secret can act as the app; make sure nobody is watching your screen.";

pub fn draw(frame: &mut Frame, area: Rect, view: &SecretShown, theme: &Theme, ticks: u64) {
    let text_width = WIDTH.min(area.width.saturating_sub(2)).saturating_sub(4);
    let note = prose(vec![line(
        "Copy sent to the terminal's clipboard (OSC 52); if your terminal or tmux refuses it, \
         reveal it and copy it by hand.",
        theme.muted,
    )]);
    let note_rows = rows(&note, text_width);
    let body = prose(match &view.of {
        SecretOf::Password { permanent, .. } => password_body(view, *permanent, theme),
        SecretOf::Client { name, id } => client_body(view, name, id, theme, ticks),
    });
    let keys = match (view.value().is_some(), view.revealed, &view.of) {
        (false, _, _) => "Enter or Esc closes",
        (true, true, SecretOf::Password { .. }) => {
            "r hides · c copies · Enter or Esc closes: it is not shown again"
        }
        (true, false, SecretOf::Password { .. }) => {
            "r reveals · c copies · Enter or Esc closes: it is not shown again"
        }
        (true, true, SecretOf::Client { .. }) => {
            "r hides · c copies · Enter or Esc closes: it is forgotten"
        }
        (true, false, SecretOf::Client { .. }) => {
            "r reveals · c copies · Enter or Esc closes: it is forgotten"
        }
    };
    let keys = prose(vec![line(keys, theme.warning)]);
    let (body_rows, keys_rows) = (rows(&body, text_width), rows(&keys, text_width));
    let height = body_rows + note_rows + 1 + keys_rows;
    // Drawn after the screen-share pass (the secret is shown because it was asked for): its
    // title, which names the user, is masked here.
    let title = view.title();
    let title = mask::cell(&title, theme);
    let inner = popup(frame, area, 2, WIDTH, height + 2, &title, theme);
    let [body_area, note_area, _, keys_area] = padded(inner).layout(&Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(note_rows),
        Constraint::Length(1),
        Constraint::Length(keys_rows),
    ]));
    frame.render_widget(body, body_area);
    if view.copied {
        frame.render_widget(note, note_area);
    }
    frame.render_widget(keys, keys_area);
}

/// The secret as its line shows it: dots until revealed.
fn shown(view: &SecretShown, theme: &Theme) -> Line<'static> {
    let Some(secret) = view.value() else {
        return Line::default();
    };
    let text = if view.revealed {
        secret.reveal().to_owned()
    } else {
        "•".repeat(secret.reveal().chars().count())
    };
    Line::from(vec![span("  ", theme.input), span(&text, theme.input)])
}

fn password_body(view: &SecretShown, permanent: bool, theme: &Theme) -> Vec<Line<'static>> {
    let (kind, then) = if permanent {
        ("permanent", "They sign in with it as it is.")
    } else {
        (
            "temporary",
            "They must choose a new one at their next sign-in.",
        )
    };
    vec![
        line(
            &format!("The {kind} password the console chose, shown this once:"),
            theme.value,
        ),
        Line::default(),
        shown(view, theme),
        Line::default(),
        line(then, theme.value),
    ]
}

fn client_body(
    view: &SecretShown,
    name: &str,
    id: &str,
    theme: &Theme,
    ticks: u64,
) -> Vec<Line<'static>> {
    let secret = match &view.secret {
        Remote::Loaded(Some(_)) => shown(view, theme),
        Remote::Loaded(None) => line("  This app client has no secret.", theme.muted),
        Remote::Failed(e) => line(
            &format!("  ✗ the secret could not be read: {}", e.line()),
            theme.error,
        ),
        Remote::Loading(_) | Remote::NotAsked => line(
            &format!(
                "  {} Reading the secret (DescribeUserPoolClient)…",
                spinner(ticks)
            ),
            theme.spinner,
        ),
    };
    vec![
        line(WARNING, theme.warning),
        Line::default(),
        line(&format!("The secret of {name} ({id}):"), theme.value),
        secret,
        Line::default(),
        line(
            "Read from the service now; forgotten when this closes.",
            theme.muted,
        ),
    ]
}
