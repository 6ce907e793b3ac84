//! An email search that found no one because of its capitals: ListUsers matches attribute values
//! case-sensitively (only `cognito:user_status` in any case) and addresses are mostly stored in
//! lower case, so the result offers the same search in lower case on one key.

use crate::app::action::Action;
use crate::app::effect::Effect;
use crate::app::input::keymap::Mode;
use crate::app::state::{Load, PoolState, ServerFilter, State, Tab};
use crate::cognito::user_filter::FilterAttribute;

/// The search in lower case, when it is an email search with capitals.
pub fn lower_case(filter: &ServerFilter) -> Option<ServerFilter> {
    (filter.attribute == FilterAttribute::Email && filter.value.chars().any(char::is_uppercase))
        .then(|| ServerFilter {
            value: filter.value.to_lowercase(),
            ..filter.clone()
        })
}

/// The lower-case search the users table offers: its email search with capitals has listed
/// everything it found, and that was no one.
pub fn offer(pool: &PoolState) -> Option<ServerFilter> {
    let searched = pool.users_query.is_none() && pool.users_group.is_none();
    let found_no_one = matches!(pool.users.load, Load::Done) && pool.users.table.total() == 0;
    if !(searched && found_no_one) {
        return None;
    }
    lower_case(pool.users_filter.as_ref()?)
}

/// `L`: runs the offered search; anywhere else it says when it works.
pub fn search_lower_case(state: &mut State) -> Vec<Effect> {
    let offered = state
        .pool
        .as_ref()
        .filter(|p| p.tab == Tab::Users)
        .and_then(offer);
    if let Some(filter) = offered {
        return crate::app::input::overlay::search_users(state, filter);
    }
    let key = state.keys.key_for(Mode::Users, &Action::SearchLowerCase);
    state.toast = Some(format!(
        "{key} searches again in lower case after an email search with capitals found no one"
    ));
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_email_with_capitals_has_a_lower_case_form() {
        let filter = |attribute, value: &str| ServerFilter {
            attribute,
            prefix: false,
            value: value.to_owned(),
        };
        let found = lower_case(&filter(FilterAttribute::Email, "Ann@Example.com"));
        assert_eq!(found.map(|f| f.value), Some("ann@example.com".to_owned()));
        assert_eq!(
            lower_case(&filter(FilterAttribute::Email, "ann@example.com")),
            None
        );
        assert_eq!(lower_case(&filter(FilterAttribute::Username, "Ann")), None);
    }
}
