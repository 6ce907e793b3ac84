//! The pool's Overview tab: DescribeUserPool as label/value lines.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::browse::rows::date;
use crate::app::remote::Remote;
use crate::app::state::{Overview, PoolState};
use crate::app::users::index::{IndexView, ago};
use crate::ui::Theme;
use crate::ui::browse::detail::pairs;
use crate::ui::text::{put, thousands};
use crate::ui::widgets::notice;

pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    pool: &PoolState,
    now: Option<i64>,
    theme: &Theme,
    ticks: u64,
) {
    if area.height == 0 {
        return;
    }
    put(
        buf,
        area,
        area.x + 1,
        area.y,
        &format!("Pool {}", pool.name),
        area.width,
        theme.section,
    );
    let body = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    match &pool.overview {
        Remote::NotAsked => {
            notice::message(buf, body, "Not loaded yet (r loads the overview)", theme);
        }
        Remote::Loading(_) => notice::loading(buf, body, "the pool overview", theme, ticks),
        Remote::Failed(error) => notice::failed(buf, body, "the pool overview", error, theme),
        Remote::Loaded(lines) => {
            let lines = with_index(lines, &pool.index, now);
            for (i, line) in pairs(&lines, theme)
                .iter()
                .take(usize::from(body.height))
                .enumerate()
            {
                let y = body.y + u16::try_from(i).unwrap_or(0);
                buf.set_line(body.x + 1, y, line, body.width.saturating_sub(2));
            }
        }
    }
}

#[allow(clippy::cast_precision_loss)] // a date in seconds, far below 2^52
/// The service's lines with the local index's beside the estimate: its exact counts by status,
/// its age, or how to build one.
fn with_index(lines: &Overview, index: &IndexView, now: Option<i64>) -> Overview {
    let mut out = lines.clone();
    let at = out
        .iter()
        .position(|(label, _)| label == "Estimated users")
        .map_or(out.len(), |i| i + 1);
    let shown: Vec<(String, String)> = match &index.summary {
        Remote::Loaded(Some(summary)) => {
            let age = now.map_or_else(String::new, |now| {
                format!("{} · ", ago(now, summary.built_at))
            });
            let counts: Vec<String> = summary
                .by_status
                .iter()
                .map(|(status, n)| {
                    format!(
                        "{status} {}",
                        thousands(usize::try_from(*n).unwrap_or(usize::MAX))
                    )
                })
                .collect();
            vec![
                (
                    "Users (local index)".to_owned(),
                    format!(
                        "{} exactly · indexed {age}{} · Ctrl-R renews",
                        thousands(usize::try_from(summary.users).unwrap_or(usize::MAX)),
                        date(Some(summary.built_at as f64))
                    ),
                ),
                ("By status".to_owned(), counts.join(" · ")),
            ]
            .into_iter()
            .chain((summary.unfollowed > 0).then(|| {
                (
                    "May be stale".to_owned(),
                    format!(
                        "{} of the tool's changes since could not be applied to it",
                        summary.unfollowed
                    ),
                )
            }))
            .collect()
        }
        Remote::Loaded(None) => vec![(
            "Local index".to_owned(),
            "none: Ctrl-R builds one (exact counts by status; f queries it)".to_owned(),
        )],
        Remote::Failed(error) => vec![("Local index".to_owned(), error.line())],
        Remote::NotAsked | Remote::Loading(_) => Vec::new(),
    };
    out.splice(at..at, shown);
    out
}
