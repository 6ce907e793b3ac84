//! The top of the screen: where the console talks to, the breadcrumbs, and the pool's tabs.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Tabs, Widget};

use crate::app::State;
use crate::app::state::Tab;
use crate::ui::Theme;
use crate::ui::text::{clip_line, span, width};

/// `cognito-tui  profile default  region eu-west-1  endpoint …  READ-ONLY`
pub fn header(buf: &mut Buffer, area: Rect, state: &State, theme: &Theme) {
    Block::new().style(theme.header).render(area, buf);
    let context = &state.context;
    // The badge has its own place at the right, so a long endpoint never hides it.
    let badge = match (context.read_only, theme.mask_personal) {
        (true, true) => " READ-ONLY  MASKED ",
        (true, false) => " READ-ONLY ",
        (false, true) => " MASKED ",
        (false, false) => "",
    };
    let badge_width = u16::try_from(width(badge)).unwrap_or(u16::MAX);
    let gap = u16::from(!badge.is_empty());
    let [fields, _, badge_area, _] = area.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(gap),
        Constraint::Length(badge_width),
        Constraint::Length(gap),
    ]));
    if !badge.is_empty() {
        span(badge, theme.read_only).render(badge_area, buf);
    }
    let mut spans = vec![
        span(" ", theme.header),
        span("cognito-tui", theme.header_name),
    ];
    let mut field = |label: &str, value: &str, style| {
        spans.extend([
            span("  ", theme.header),
            span(label, theme.header),
            span(" ", theme.header),
            span(value, style),
        ]);
    };
    // The local server's dummy credentials come from no profile: naming one would mislead.
    if !context.local {
        field("profile", profile(state), theme.header_name);
    }
    field("region", &context.region, theme.header_name);
    if context.local {
        let value = format!(" LOCAL {} ", context.endpoint);
        field("endpoint", &value, theme.endpoint_local);
    } else if context.is_aws {
        field("endpoint", &context.endpoint, theme.header);
    } else {
        let value = format!(" {} (not AWS) ", context.endpoint);
        field("endpoint", &value, theme.endpoint_local);
    }
    let text = clip_line(Line::from(spans), usize::from(fields.width));
    text.render(fields, buf);
}

/// The profile, `default` when none was chosen; `local` for the built-in server.
fn profile(state: &State) -> &str {
    if state.context.local {
        return "local";
    }
    state.context.profile.as_deref().unwrap_or("default")
}

/// `profile › region › pool › tab › item`
pub fn breadcrumbs(buf: &mut Buffer, area: Rect, state: &State, theme: &Theme) {
    let mut crumbs: Vec<&str> = vec![profile(state), &state.context.region];
    match &state.pool {
        None => crumbs.push("pools"),
        Some(pool) => {
            crumbs.push(&pool.name);
            crumbs.push(pool.tab.title());
        }
    }
    if let Some(detail) = &state.detail {
        crumbs.push(&detail.name);
    }
    let last = crumbs.len().saturating_sub(1);
    let mut spans = vec![Span::raw(" ")];
    for (i, crumb) in crumbs.iter().enumerate() {
        if i > 0 {
            spans.extend([Span::raw(" "), span("›", theme.muted), Span::raw(" ")]);
        }
        let style = if i == last {
            theme.crumb_last
        } else {
            theme.crumbs
        };
        // Masked before the line is cut: a cut address is no longer recognised as one.
        spans.push(span(&crate::ui::mask::cell(crumb, theme), style));
    }
    let text = clip_line(Line::from(spans), usize::from(area.width));
    text.render(area, buf);
}

/// The pool's tabs, the current one highlighted; the pools list has a single title instead.
pub fn tabs(buf: &mut Buffer, area: Rect, state: &State, theme: &Theme) {
    let [_, area] = area.layout(&Layout::horizontal([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let Some(pool) = &state.pool else {
        span(" User pools ", theme.tab_active).render(area, buf);
        return;
    };
    let titles = Tab::ALL
        .iter()
        .map(|tab| span(&format!(" {} ", tab.title()), theme.tab));
    Tabs::new(titles)
        .select(Tab::ALL.iter().position(|t| *t == pool.tab))
        .highlight_style(theme.tab_active)
        .divider(span("│", theme.muted))
        .padding("", "")
        .render(area, buf);
}
