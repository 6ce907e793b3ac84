//! Every colour and style the console uses, in one place. `NO_COLOR` gives a theme without a
//! single colour: bold and reverse carry the emphasis instead.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// The header line: app name, profile, region.
    pub header: Style,
    pub header_name: Style,
    /// The endpoint when it is not AWS (moto, LocalStack, the local server).
    pub endpoint_local: Style,
    pub read_only: Style,
    pub crumbs: Style,
    pub crumb_last: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub column_title: Style,
    pub selected: Style,
    /// The count and progress line above a table.
    pub count: Style,
    pub spinner: Style,
    pub error: Style,
    pub error_code: Style,
    /// Empty states, hints, separators.
    pub muted: Style,
    pub warning: Style,
    pub section: Style,
    pub label: Style,
    pub value: Style,
    pub json_key: Style,
    pub json_string: Style,
    pub json_number: Style,
    pub json_literal: Style,
    pub popup_border: Style,
    pub popup_title: Style,
    pub input: Style,
    pub choice: Style,
    pub choice_selected: Style,
    pub footer_key: Style,
    pub footer_text: Style,
    pub toast: Style,
    /// The mark of a row marked for a bulk action.
    pub marked: Style,
    /// Screen-share mode: personal data is drawn masked. Not a colour, but how every view
    /// draws, so it travels with the styles; `render` sets it from the state.
    pub mask_personal: bool,
}

impl Theme {
    pub fn new(no_color: bool) -> Self {
        if no_color {
            Self::plain()
        } else {
            Self::colour()
        }
    }

    fn colour() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let fg = |c: Color| Style::new().fg(c);
        Self {
            header: Style::new().fg(Color::White).bg(Color::Blue),
            header_name: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            endpoint_local: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            read_only: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            crumbs: fg(Color::Gray),
            crumb_last: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            tab: fg(Color::Gray),
            tab_active: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            column_title: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: Style::new().fg(Color::Black).bg(Color::LightCyan),
            count: fg(Color::Gray),
            spinner: fg(Color::Yellow),
            error: fg(Color::LightRed),
            error_code: fg(Color::LightRed).add_modifier(Modifier::BOLD),
            muted: fg(Color::DarkGray),
            warning: fg(Color::Yellow),
            section: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            label: fg(Color::Gray),
            value: Style::new(),
            json_key: fg(Color::Cyan),
            json_string: fg(Color::Green),
            json_number: fg(Color::Magenta),
            json_literal: fg(Color::Yellow),
            popup_border: fg(Color::Cyan),
            popup_title: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            input: bold,
            choice: Style::new(),
            choice_selected: Style::new().fg(Color::Black).bg(Color::LightCyan),
            footer_key: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            footer_text: fg(Color::Gray),
            toast: fg(Color::Yellow).add_modifier(Modifier::BOLD),
            marked: fg(Color::Magenta).add_modifier(Modifier::BOLD),
            mask_personal: false,
        }
    }

    fn plain() -> Self {
        let none = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reverse = Style::new().add_modifier(Modifier::REVERSED);
        let strong = reverse.add_modifier(Modifier::BOLD);
        Self {
            header: none,
            header_name: bold,
            endpoint_local: strong,
            read_only: strong,
            crumbs: none,
            crumb_last: bold,
            tab: none,
            tab_active: strong,
            column_title: bold,
            selected: reverse,
            count: none,
            spinner: bold,
            error: bold,
            error_code: bold,
            muted: none,
            warning: bold,
            section: bold,
            label: none,
            value: none,
            json_key: bold,
            json_string: none,
            json_number: none,
            json_literal: none,
            popup_border: none,
            popup_title: bold,
            input: bold,
            choice: none,
            choice_selected: reverse,
            footer_key: bold,
            footer_text: none,
            toast: bold,
            marked: bold,
            mask_personal: false,
        }
    }
}
