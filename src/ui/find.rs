//! Drawing `:find`: what was searched and how far it got, the users found (where, when the
//! search went beyond the console's profile and region; pool, status, enabled, username, email)
//! with the chosen one highlighted, and each pool that failed.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, TableState};

use crate::app::find::FindView;
use crate::app::remote::Remote;
use crate::shared::find::{FindReport, Hit, Places};
use crate::ui::Theme;
use crate::ui::text::{line, spinner};
use crate::ui::widgets::popup::{padded, popup, prose, rows};
use crate::ui::widgets::small_table::{Cells, table};

/// The widest a pool name or username column grows; the email takes what is left.
const POOL_MAX: usize = 24;
const USER_MAX: usize = 28;
const WHERE_MAX: usize = 28;

/// Columns as wide as their longest value (up to a limit), so the email keeps the rest; `Where`
/// only when the search covered other profiles or regions.
fn columns(report: &FindReport, places: &Places) -> Vec<(&'static str, Constraint)> {
    let elsewhere = !places.is_here();
    let width = |title: &str, max: usize, longest: Option<usize>| {
        let width = longest.unwrap_or(0).max(title.len()).min(max);
        Constraint::Length(u16::try_from(width).unwrap_or(u16::MAX))
    };
    let widest = |title: &str, max: usize, cell: fn(&Hit) -> &str| {
        width(
            title,
            max,
            report.hits.iter().map(|h| cell(h).chars().count()).max(),
        )
    };
    let longest = report.hits.iter().map(|h| place(h, places).chars().count());
    let column = elsewhere.then(|| ("Where", width("Where", WHERE_MAX, longest.max())));
    column
        .into_iter()
        .chain([
            ("Pool", widest("Pool", POOL_MAX, |h| &h.pool_name)),
            ("Status", widest("Status", 21, |h| &h.user_status)),
            ("Enabled", Constraint::Length(7)),
            ("Username", widest("Username", USER_MAX, |h| &h.username)),
            ("Email", Constraint::Fill(1)),
        ])
        .collect()
}

pub fn draw(frame: &mut Frame, area: Rect, view: &FindView, theme: &Theme, ticks: u64) {
    let searched = view.needle.filter();
    let title = format!("Find {searched}");
    let report = match &view.report {
        Remote::Loaded(report) => report,
        Remote::Failed(e) => {
            return message(
                frame,
                area,
                &title,
                line(&format!("✗ {}", e.text), theme.error),
                theme,
            );
        }
        _ => {
            let text = format!(
                "{} Searching every pool of {}…",
                spinner(ticks),
                view.places.describe()
            );
            return message(frame, area, &title, line(&text, theme.spinner), theme);
        }
    };
    let table_rows = if report.hits.is_empty() {
        1
    } else {
        report.hits.len() + 1
    };
    let failures = prose(
        report
            .failures
            .iter()
            .map(|f| line(&format!("✗ {}", f.line()), theme.error))
            .collect(),
    );
    // The popup's border and padding take 4 columns of the 2 left each side of it.
    let failed_rows = rows(&failures, area.width.saturating_sub(6));
    let height = u16::try_from(table_rows + 2)
        .unwrap_or(u16::MAX)
        .saturating_add(failed_rows)
        .saturating_add(2);
    let inner = popup(
        frame,
        area,
        1,
        area.width.saturating_sub(2),
        height,
        &title,
        theme,
    );
    let inner = padded(inner);
    let [summary, body, failed, footer] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(failed_rows),
        Constraint::Length(1),
    ]));
    frame.render_widget(Paragraph::new(summary_line(report, theme)), summary);
    hits(frame, body, view, report, theme);
    frame.render_widget(failures, failed);
    let keys = if report.hits.is_empty() {
        "Esc closes"
    } else {
        "Enter opens the user in their pool · Esc closes"
    };
    frame.render_widget(Paragraph::new(line(keys, theme.muted)), footer);
}

/// `searched 2 of 2 pools; 0 failed`, and whether the email matched only in lower case.
fn summary_line(report: &FindReport, theme: &Theme) -> Line<'static> {
    let found_as = match &report.lowercase {
        Some(lower) if report.hits.iter().any(|h| h.by_lowercase) => {
            format!(" · found as {lower:?} (emails are compared exactly)")
        }
        _ if report.hits.iter().any(|h| h.by_username) => {
            format!(" · found as a username, {:?}", report.needle.value)
        }
        _ => String::new(),
    };
    let text = format!("{}{found_as}", report.summary());
    let style = if report.is_complete() {
        theme.muted
    } else {
        theme.warning
    };
    line(&text, style)
}

fn hits(frame: &mut Frame, area: Rect, view: &FindView, report: &FindReport, theme: &Theme) {
    let (selected, elsewhere) = (view.selected, !view.places.is_here());
    let columns = columns(report, &view.places);
    if report.hits.is_empty() {
        frame.render_widget(Paragraph::new(line(&report.nobody(), theme.value)), area);
        return;
    }
    let cells = report.hits.iter().enumerate().map(|(i, h)| -> Cells {
        let style = if i == selected {
            theme.choice_selected
        } else {
            theme.value
        };
        let enabled = match h.enabled {
            Some(true) => "yes",
            Some(false) => "no",
            None => "",
        };
        let place = elsewhere.then(|| place(h, &view.places));
        let texts = place.into_iter().chain([
            h.pool_name.clone(),
            h.user_status.clone(),
            enabled.to_owned(),
            h.username.clone(),
            h.email.clone().unwrap_or_default(),
        ]);
        (texts.collect(), style)
    });
    let mut state = TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(table(&columns, cells, area.width, theme), area, &mut state);
}

/// Where a hit is: its region, and its profile when profiles were named (`prod/eu-west-1`).
fn place(hit: &Hit, places: &Places) -> String {
    match (&hit.place.profile, places.profiles.is_empty()) {
        (Some(profile), false) => format!("{profile}/{}", hit.place.region),
        _ => hit.place.region.clone(),
    }
}

/// The popup with one line in it: the search running, or why it could not.
fn message(frame: &mut Frame, area: Rect, title: &str, text: Line<'static>, theme: &Theme) {
    let inner = popup(
        frame,
        area,
        1,
        area.width.saturating_sub(2),
        3,
        title,
        theme,
    );
    frame.render_widget(prose(vec![text]), padded(inner));
}
