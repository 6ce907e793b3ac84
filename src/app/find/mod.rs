//! `:find NEEDLE [--profiles a,b] [--regions x,y]`: a person in every pool of the console's
//! profile and region, or of each profile × region named (the search is `shared::find`, which
//! `users find` shares), the hits in an overlay; Enter opens the chosen user's detail in their
//! pool, switching profile and region first when the hit is elsewhere.

#[cfg(test)]
mod tests;

use crate::app::action::InputKey;
use crate::app::effect::{ApiCall, Effect, ProfileChoice, Read};
use crate::app::remote::{Remote, RequestId};
use crate::app::state::{Overlay, State, Tab};
use crate::shared::find::{FindReport, Needle, Place, Places};

#[derive(Debug, Clone, PartialEq)]
pub struct FindView {
    /// What was typed after `:find`.
    pub needle: Needle,
    /// The profiles and regions named; none: the console's own.
    pub places: Places,
    pub report: Remote<FindReport>,
    /// The highlighted hit.
    pub selected: usize,
}

/// Starts a search and shows the overlay it answers in; what was typed wrong, in a toast.
pub fn open(state: &mut State, text: &str) -> Vec<Effect> {
    let (needle, places) = match parse(text) {
        Ok(parsed) => parsed,
        Err(why) => {
            state.toast = Some(why);
            return Vec::new();
        }
    };
    if state.context.local && !places.is_here() {
        state.toast = Some(
            "--profiles and --regions do not apply to the built-in local server (--local)"
                .to_owned(),
        );
        return Vec::new();
    }
    let request = state.request_id();
    state.overlay = Overlay::Find(Box::new(FindView {
        needle: needle.clone(),
        places: places.clone(),
        report: Remote::Loading(request),
        selected: 0,
    }));
    vec![Effect::Api {
        request,
        call: ApiCall::Read(Read::FindUser(needle, places)),
    }]
}

/// `ann@example.com --regions eu-west-1,us-east-1 --profiles prod`: the needle, and the places
/// named (`--profiles=a,b` too), as `users find` takes them.
pub fn parse(text: &str) -> Result<(Needle, Places), String> {
    let mut places = Places::default();
    let mut needle = Vec::new();
    let mut words = text.split_whitespace();
    while let Some(word) = words.next() {
        let (flag, inline) = match word.split_once('=') {
            Some((flag, value)) => (flag, Some(value)),
            None => (word, None),
        };
        let list = match flag {
            "--profiles" => &mut places.profiles,
            "--regions" => &mut places.regions,
            _ => {
                needle.push(word);
                continue;
            }
        };
        let value = inline.or_else(|| words.next()).unwrap_or_default();
        let named = value.split(',').map(str::trim).filter(|v| !v.is_empty());
        let before = list.len();
        list.extend(named.map(str::to_owned));
        if list.len() == before {
            return Err(format!(
                "{flag} needs a comma-separated list, e.g. {flag} a,b"
            ));
        }
    }
    let needle = Needle::classify(&needle.join(" "));
    if needle.value.is_empty() {
        return Err(":find needs an email, phone number, sub or username".to_owned());
    }
    // A phone number may be typed in groups; nobody's email, sub or username has a space.
    if needle.value.contains(char::is_whitespace) {
        return Err(format!(
            ":find takes one email, phone number, sub or username, not {:?} (lists of profiles \
             and regions are comma-separated, without spaces)",
            needle.value
        ));
    }
    Ok((needle, places))
}

/// The search's answer, if the overlay still waits for it.
pub fn landed(state: &mut State, request: RequestId, report: FindReport) {
    if let Overlay::Find(view) = &mut state.overlay {
        view.report.land(request, report);
    }
}

pub fn key(state: &mut State, mut view: FindView, key: InputKey) -> Vec<Effect> {
    let hits = view.report.loaded().map_or(0, |r| r.hits.len());
    match key {
        InputKey::Cancel => {
            return match view.report {
                Remote::Loading(request) => vec![Effect::Cancel(request)],
                _ => Vec::new(),
            };
        }
        InputKey::Up => view.selected = view.selected.saturating_sub(1),
        InputKey::Down => view.selected = (view.selected + 1).min(hits.saturating_sub(1)),
        InputKey::Submit => {
            if let Some(hit) = view.report.loaded().and_then(|r| r.hits.get(view.selected)) {
                let (pool, name, user) = (
                    hit.user_pool_id.clone(),
                    hit.pool_name.clone(),
                    hit.username.clone(),
                );
                let mut effects = go_to(state, &hit.place);
                effects.extend(crate::app::update::requests::open_pool(state, pool, name));
                effects.extend(crate::app::browse::nav::describe(state, Tab::Users, user));
                return effects;
            }
        }
        _ => {}
    }
    state.overlay = Overlay::Find(Box::new(view));
    Vec::new()
}

/// A hit in another profile or region: the console switches there first, as `:profile` and
/// `:region` would (the worker connects before it takes the next effect); nothing when it is here.
fn go_to(state: &mut State, place: &Place) -> Vec<Effect> {
    let profile = match &place.profile {
        p if *p == state.context.profile => ProfileChoice::Keep,
        Some(name) => ProfileChoice::Named(name.clone()),
        // Not reached: a hit has no profile only when the console had none either (the search
        // named no profiles), which is `Keep`.
        None => ProfileChoice::AsStarted,
    };
    if profile == ProfileChoice::Keep && place.region == state.context.region {
        return Vec::new();
    }
    // The region always goes with a new profile: left out, the profile's own region would be
    // taken, which need not be the hit's.
    let region = Some(place.region.clone());
    crate::app::input::overlay::reconnect(state, profile, region)
}
