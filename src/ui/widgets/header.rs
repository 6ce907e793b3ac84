//! The top of the screen: where the console talks to, the breadcrumbs, and the pool's tabs.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::super::Theme;
use super::super::text::{put, width};
use crate::app::State;
use crate::app::state::Tab;

/// `cognito-tui  profile default  region eu-west-1  endpoint …  READ-ONLY`
pub fn header(buf: &mut Buffer, area: Rect, state: &State, theme: &Theme) {
    buf.set_style(area, theme.header);
    let context = &state.context;
    let y = area.y;
    // The badge is drawn first, at the right, so a long endpoint never hides it.
    let mut fields = area;
    if context.read_only {
        let badge = " READ-ONLY ";
        let badge_width = u16::try_from(width(badge)).unwrap_or(u16::MAX);
        let x = area.right().saturating_sub(badge_width + 1).max(area.x);
        put(buf, area, x, y, badge, badge_width, theme.read_only);
        fields.width = x.saturating_sub(area.x + 1);
    }
    let area = fields;
    let mut x = put(
        buf,
        area,
        area.x + 1,
        y,
        "cognito-tui",
        area.width,
        theme.header_name,
    );
    let mut field = |x: u16, label: &str, value: &str, style: Style| {
        let x = put(buf, area, x + 2, y, label, area.width, theme.header);
        put(buf, area, x + 1, y, value, area.width, style)
    };
    // The local server's dummy credentials come from no profile: naming one would mislead.
    if !context.local {
        x = field(x, "profile", profile(state), theme.header_name);
    }
    x = field(x, "region", &context.region, theme.header_name);
    if context.local {
        let value = format!(" LOCAL {} ", context.endpoint);
        field(x, "endpoint", &value, theme.endpoint_local);
    } else if context.is_aws {
        field(x, "endpoint", &context.endpoint, theme.header);
    } else {
        let value = format!(" {} (not AWS) ", context.endpoint);
        field(x, "endpoint", &value, theme.endpoint_local);
    }
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
    let mut x = area.x + 1;
    for (i, crumb) in crumbs.iter().enumerate() {
        if i > 0 {
            x = put(buf, area, x + 1, area.y, "›", 1, theme.muted) + 1;
        }
        let style = if i == last {
            theme.crumb_last
        } else {
            theme.crumbs
        };
        x = put(buf, area, x, area.y, crumb, area.width, style);
    }
}

/// The pool's tabs, the current one highlighted; the pools list has a single title instead.
pub fn tabs(buf: &mut Buffer, area: Rect, state: &State, theme: &Theme) {
    let Some(pool) = &state.pool else {
        put(
            buf,
            area,
            area.x + 1,
            area.y,
            " User pools ",
            area.width,
            theme.tab_active,
        );
        return;
    };
    let mut x = area.x + 1;
    for (i, tab) in Tab::ALL.iter().enumerate() {
        if i > 0 {
            x = put(buf, area, x, area.y, "│", 1, theme.muted);
        }
        let style = if *tab == pool.tab {
            theme.tab_active
        } else {
            theme.tab
        };
        x = put(
            buf,
            area,
            x,
            area.y,
            &format!(" {} ", tab.title()),
            area.width,
            style,
        );
    }
}
