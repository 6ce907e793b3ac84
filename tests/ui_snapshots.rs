//! Snapshots of every pane, overlay and state on a 100x30 TestBackend, plus Buffer assertions
//! where style matters (the selected row, NO_COLOR).

mod ui_support;

use cognito_tui::app::browse::pane::Rows;
use cognito_tui::app::browse::rows::ClientRow;
use cognito_tui::app::browse::rows::GroupRow;
use cognito_tui::app::browse::rows::IdpRow;
use cognito_tui::app::browse::rows::UserRow;
use cognito_tui::app::remote::RequestId;
use cognito_tui::app::state::Tab;
use cognito_tui::app::{Action, InputKey, Payload, State};
use cognito_tui::ui::{Theme, table_top};
use insta::assert_snapshot;
use ratatui::style::{Color, Modifier};
use ui_support::*;

fn snap(name: &str, s: &State) {
    assert_snapshot!(name, draw(s));
}

// ---------- pools ----------

#[test]
fn pools() {
    let (mut s, req) = start();
    snap("pools_loading", &s);
    loaded(&mut s, req, Payload::Pools(pool_rows()), true);
    act(&mut s, Action::Down);
    snap("pools_loaded", &s);
}

#[test]
fn pools_empty_and_failed() {
    let (mut s, req) = start();
    loaded(&mut s, req, Payload::Pools(Vec::new()), true);
    snap("pools_empty", &s);
    let req = request(&act(&mut s, Action::Refresh));
    failed(
        &mut s,
        req,
        "AccessDeniedException",
        "Your credentials may not list user pools here (cognito-idp:ListUserPools is denied).",
    );
    snap("pools_failed", &s);
}

#[test]
fn header_on_aws_read_only() {
    let (mut s, req) = start();
    s.context.is_aws = true;
    s.context.read_only = true;
    s.context.endpoint = "https://cognito-idp.us-east-1.amazonaws.com/".into();
    loaded(&mut s, req, Payload::Pools(pool_rows()), true);
    snap("header_aws_read_only", &s);
}

#[test]
fn header_on_the_local_server_says_local() {
    let (mut s, req) = start();
    s.context.local = true;
    loaded(&mut s, req, Payload::Pools(pool_rows()), true);
    let screen = draw(&s);
    let screen = screen.to_string();
    let header = screen.lines().take(2).collect::<Vec<_>>().join("\n");
    assert!(header.contains("LOCAL http://127.0.0.1:5000"), "{header}");
}

// ---------- users ----------

#[test]
fn users_loading() {
    let (mut s, pools) = start();
    let req = open_prod(&mut s, pools);
    act(&mut s, Action::Tick);
    snap("users_loading", &s);
    // The first page shows while the rest streams in.
    loaded(
        &mut s,
        req,
        Payload::Rows(Rows::new::<UserRow>(user_rows(0, 60))),
        false,
    );
    loaded(
        &mut s,
        req,
        Payload::Rows(Rows::new::<UserRow>(user_rows(60, 60))),
        false,
    );
    act(&mut s, Action::Tick);
    snap("users_streaming", &s);
    act(&mut s, Action::Back);
    snap("users_cancelled", &s);
}

#[test]
fn users_loaded_sorted_and_scrolled() {
    let mut s = users_state(100, true);
    snap("users_loaded", &s);
    act(&mut s, Action::SortBy(1));
    act(&mut s, Action::SortBy(1));
    for _ in 0..30 {
        act(&mut s, Action::Down);
    }
    // Row 31 of 100 on 23-row pages: the second page (rows 24..46) is shown.
    snap("users_sorted_page_two", &s);
}

#[test]
fn users_empty_failed() {
    let (mut s, pools) = start();
    let req = open_prod(&mut s, pools);
    loaded(
        &mut s,
        req,
        Payload::Rows(Rows::new::<UserRow>(Vec::new())),
        true,
    );
    snap("users_empty", &s);
    let req = request(&act(&mut s, Action::Refresh));
    failed(
        &mut s,
        req,
        "TooManyRequestsException",
        "Cognito is throttling requests (UserList: 30 per second). Retried 5 times; try again shortly.",
    );
    snap("users_failed", &s);
}

#[test]
fn users_failed_mid_stream_keeps_rows() {
    let (mut s, pools) = start();
    let req = open_prod(&mut s, pools);
    loaded(
        &mut s,
        req,
        Payload::Rows(Rows::new::<UserRow>(user_rows(0, 60))),
        false,
    );
    failed(&mut s, req, "InternalErrorException", "The service failed.");
    snap("users_failed_mid_stream", &s);
}

#[test]
fn users_local_filter() {
    let mut s = users_state(100, true);
    act(&mut s, Action::OpenLocalFilter);
    snap("local_filter_open", &s);
    type_text(&mut s, "user-0001");
    snap("local_filter_typed", &s);
    act(&mut s, Action::Input(InputKey::Submit));
    snap("local_filter_applied", &s);
    act(&mut s, Action::OpenLocalFilter);
    type_text(&mut s, "zz");
    snap("local_filter_no_match", &s);
}

#[test]
fn users_server_filter() {
    let mut s = users_state(8, true);
    act(&mut s, Action::OpenServerFilter);
    snap("server_filter_open", &s);
    type_text(&mut s, "x");
    act(&mut s, Action::Input(InputKey::Down));
    snap("server_filter_typed", &s);
    act(&mut s, Action::Input(InputKey::Up));
    act(&mut s, Action::Input(InputKey::Complete));
    snap("server_filter_equals", &s);
    let req = request(&act(&mut s, Action::Input(InputKey::Submit)));
    loaded(
        &mut s,
        req,
        Payload::Rows(Rows::new::<UserRow>(Vec::new())),
        true,
    );
    snap("users_empty_server_filter", &s);
    // An address with capitals that found no one: the same search in lower case, on L.
    act(&mut s, Action::OpenServerFilter);
    type_text(&mut s, "Ann@Example.com");
    let req = request(&act(&mut s, Action::Input(InputKey::Submit)));
    loaded(
        &mut s,
        req,
        Payload::Rows(Rows::new::<UserRow>(Vec::new())),
        true,
    );
    snap("users_empty_email_offers_lower_case", &s);
}

// ---------- the other tabs ----------

/// The tab shown and the request of its rows or description (the Overview also asks for the
/// local index's summary, after it).
fn tab(tab: Tab) -> (State, RequestId) {
    let mut s = users_state(3, true);
    let effects = act(&mut s, Action::ShowTab(tab));
    let req = request(&effects[..1]);
    (s, req)
}

#[test]
fn groups() {
    let (mut s, req) = tab(Tab::Groups);
    snap("groups_loading", &s);
    loaded(
        &mut s,
        req,
        Payload::Rows(Rows::new::<GroupRow>(group_rows())),
        true,
    );
    snap("groups_loaded", &s);
    let req = request(&act(&mut s, Action::Refresh));
    loaded(
        &mut s,
        req,
        Payload::Rows(Rows::new::<GroupRow>(Vec::new())),
        true,
    );
    snap("groups_empty", &s);
    let req = request(&act(&mut s, Action::Refresh));
    failed(
        &mut s,
        req,
        "AccessDeniedException",
        "Not allowed: cognito-idp:ListGroups.",
    );
    snap("groups_failed", &s);
}

#[test]
fn clients() {
    let (mut s, req) = tab(Tab::Clients);
    snap("clients_loading", &s);
    loaded(
        &mut s,
        req,
        Payload::Rows(Rows::new::<ClientRow>(client_rows())),
        true,
    );
    snap("clients_loaded", &s);
    let req = request(&act(&mut s, Action::Refresh));
    loaded(
        &mut s,
        req,
        Payload::Rows(Rows::new::<ClientRow>(Vec::new())),
        true,
    );
    snap("clients_empty", &s);
    let req = request(&act(&mut s, Action::Refresh));
    failed(
        &mut s,
        req,
        "ResourceNotFoundException",
        "The user pool no longer exists.",
    );
    snap("clients_failed", &s);
}

#[test]
fn idps() {
    let (mut s, req) = tab(Tab::Idps);
    snap("idps_loading", &s);
    loaded(
        &mut s,
        req,
        Payload::Rows(Rows::new::<IdpRow>(idp_rows())),
        true,
    );
    snap("idps_loaded", &s);
    let req = request(&act(&mut s, Action::Refresh));
    loaded(
        &mut s,
        req,
        Payload::Rows(Rows::new::<IdpRow>(Vec::new())),
        true,
    );
    snap("idps_empty", &s);
    let req = request(&act(&mut s, Action::Refresh));
    failed(
        &mut s,
        req,
        "NotSupported",
        "This endpoint does not support ListIdentityProviders.",
    );
    snap("idps_failed", &s);
}

#[test]
fn overview() {
    let (mut s, req) = tab(Tab::Overview);
    snap("overview_loading", &s);
    loaded(&mut s, req, Payload::Overview(overview_lines()), true);
    snap("overview_loaded", &s);
    let req = request(&act(&mut s, Action::Refresh)[..1]);
    failed(
        &mut s,
        req,
        "AccessDeniedException",
        "Not allowed: cognito-idp:DescribeUserPool.",
    );
    snap("overview_failed", &s);
}

// ---------- detail and JSON ----------

#[test]
fn user_detail_and_json() {
    let mut s = users_state(8, true);
    let req = request(&act(&mut s, Action::Open));
    snap("detail_user_loading", &s);
    loaded(&mut s, req, Payload::Detail(user_detail()), true);
    snap("detail_user", &s);
    act(&mut s, Action::ToggleJson);
    snap("json_user", &s);
    for _ in 0..5 {
        act(&mut s, Action::Down);
    }
    snap("json_user_scrolled", &s);
    let req = request(&act(&mut s, Action::Refresh));
    failed(
        &mut s,
        req,
        "UserNotFoundException",
        "No user named ann in this pool.",
    );
    snap("detail_user_failed", &s);
}

#[test]
fn other_details() {
    let (mut s, req) = tab(Tab::Groups);
    loaded(
        &mut s,
        req,
        Payload::Rows(Rows::new::<GroupRow>(group_rows())),
        true,
    );
    act(&mut s, Action::Down);
    // Enter lists a group's members in the users table; `d` describes it.
    let req = request(&act(&mut s, Action::Describe));
    loaded(&mut s, req, Payload::Detail(group_detail()), true);
    snap("detail_group", &s);

    let (mut s, req) = tab(Tab::Clients);
    loaded(
        &mut s,
        req,
        Payload::Rows(Rows::new::<ClientRow>(client_rows())),
        true,
    );
    act(&mut s, Action::Down);
    let req = request(&act(&mut s, Action::Describe));
    loaded(&mut s, req, Payload::Detail(client_detail()), true);
    snap("detail_client", &s);
    act(&mut s, Action::ToggleJson);
    snap("json_client_secret_masked", &s);

    let (mut s, req) = tab(Tab::Idps);
    loaded(
        &mut s,
        req,
        Payload::Rows(Rows::new::<IdpRow>(idp_rows())),
        true,
    );
    let req = request(&act(&mut s, Action::Open));
    loaded(&mut s, req, Payload::Detail(idp_detail()), true);
    snap("detail_idp", &s);
}

// ---------- overlays ----------

#[test]
fn palette() {
    let (mut s, req) = start();
    loaded(&mut s, req, Payload::Pools(pool_rows()), true);
    act(&mut s, Action::OpenPalette);
    snap("palette_open", &s);
    act(&mut s, Action::Input(InputKey::Down));
    act(&mut s, Action::Input(InputKey::Down));
    snap("palette_selected", &s);
    act(&mut s, Action::Input(InputKey::Cancel));
    act(&mut s, Action::OpenPalette);
    type_text(&mut s, "pool ");
    snap("palette_pool_argument", &s);
    act(&mut s, Action::Input(InputKey::Cancel));
    act(&mut s, Action::OpenPalette);
    type_text(&mut s, "xyz");
    snap("palette_no_match", &s);
    act(&mut s, Action::Input(InputKey::Submit));
    snap("toast_unknown_command", &s);
}

#[test]
fn help() {
    let (mut s, req) = start();
    loaded(&mut s, req, Payload::Pools(pool_rows()), true);
    act(&mut s, Action::ToggleHelp);
    snap("help_tables", &s);
    let mut s = users_state(3, true);
    let req = request(&act(&mut s, Action::Open));
    loaded(&mut s, req, Payload::Detail(user_detail()), true);
    act(&mut s, Action::ToggleHelp);
    snap("help_detail", &s);
}

// ---------- styles ----------

/// Cells of screen row `y` whose background is `bg`.
fn row_has_bg(t: &ratatui::backend::TestBackend, y: u16, bg: Color) -> bool {
    let buf = t.buffer();
    (1..buf.area.width - 1).all(|x| buf[(x, y)].bg == bg)
}

#[test]
fn the_selected_row_is_highlighted_and_clicks_hit_the_drawn_row() {
    let mut s = users_state(100, true);
    for _ in 0..30 {
        act(&mut s, Action::Down);
    }
    let top = table_top(&s);
    let page = cognito_tui::ui::table_rows(ratatui::layout::Rect::new(0, 0, WIDTH, HEIGHT));
    let line = u16::try_from(30 % page).unwrap();
    let t = draw(&s);
    assert!(row_has_bg(&t, top + line, Color::LightCyan), "selected row");
    for y in top..top + u16::try_from(page).unwrap() {
        if y != top + line {
            assert!(
                !row_has_bg(&t, y, Color::LightCyan),
                "row {y} is not selected"
            );
        }
    }
    // A click on the row drawn three lines down selects the row drawn there.
    let drawn = (0..WIDTH)
        .map(|x| t.buffer()[(x, top + 3)].symbol().to_owned())
        .collect::<String>();
    act(&mut s, Action::ClickRow(3));
    let name = s
        .pool
        .as_ref()
        .unwrap()
        .users
        .table
        .selected()
        .unwrap()
        .username
        .to_string();
    assert!(drawn.contains(&name), "{drawn:?} shows {name}");
    assert!(row_has_bg(&draw(&s), top + 3, Color::LightCyan));
}

fn every_screen() -> Vec<State> {
    let mut screens = Vec::new();
    let mut s = users_state(100, false);
    act(&mut s, Action::Tick);
    screens.push(s.clone());
    s.context.read_only = true;
    act(&mut s, Action::OpenPalette);
    screens.push(s.clone());
    act(&mut s, Action::Input(InputKey::Cancel));
    act(&mut s, Action::OpenServerFilter);
    screens.push(s.clone());
    act(&mut s, Action::Input(InputKey::Cancel));
    act(&mut s, Action::OpenLocalFilter);
    type_text(&mut s, "ann");
    screens.push(s.clone());
    act(&mut s, Action::Input(InputKey::Submit));
    act(&mut s, Action::ToggleHelp);
    screens.push(s.clone());
    act(&mut s, Action::ToggleHelp);
    let req = request(&act(&mut s, Action::Open));
    loaded(&mut s, req, Payload::Detail(user_detail()), true);
    screens.push(s.clone());
    act(&mut s, Action::ToggleJson);
    screens.push(s.clone());
    let req = request(&act(&mut s, Action::Refresh));
    failed(&mut s, req, "UserNotFoundException", "gone");
    screens.push(s.clone());
    s.toast = Some("switched".into());
    screens.push(s);
    screens
}

#[test]
fn no_color_draws_without_a_single_colour() {
    let theme = Theme::new(true);
    for (i, s) in every_screen().iter().enumerate() {
        let t = draw_with(s, &theme, WIDTH, HEIGHT);
        for cell in &t.backend().buffer().content {
            assert_eq!(cell.fg, Color::Reset, "screen {i}: {cell:?}");
            assert_eq!(cell.bg, Color::Reset, "screen {i}: {cell:?}");
        }
    }
    // The selection still shows, in reverse video.
    let s = users_state(10, true);
    let t = draw_with(&s, &theme, WIDTH, HEIGHT);
    let top = table_top(&s);
    let cell = &t.backend().buffer()[(5, top)];
    assert!(cell.modifier.contains(Modifier::REVERSED));
    assert!(
        !t.backend().buffer()[(5, top + 1)]
            .modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn colours_are_used_with_colour_on() {
    let s = users_state(10, true);
    let t = draw(&s);
    assert!(t.buffer().content.iter().any(|c| c.fg != Color::Reset));
}

#[test]
fn tiny_and_huge_terminals_do_not_panic() {
    let theme = Theme::new(false);
    for s in every_screen() {
        for (w, h) in [
            (0, 0),
            (1, 1),
            (5, 2),
            (20, 4),
            (30, 7),
            (40, 10),
            (300, 80),
        ] {
            draw_with(&s, &theme, w, h);
        }
    }
}
