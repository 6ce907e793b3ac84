//! A user's detail: AdminGetUser and their groups as sections, with what stands in the way of
//! signing in drawn as a problem (disabled, a status that needs an action, an unverified email or
//! phone, an expired invitation), the last successful sign-in, and the verdict above them.

use serde_json::Value;

use crate::app::browse::detail::{DetailBody, Section, date, line, or_empty, yes_no};
use crate::cognito::sign_in_history::History;
use crate::cognito::types::attribute;
use crate::cognito::user_status::UserStatus;
use crate::cognito::users::AdminGetUserResponse;
use crate::cognito::verdict::{Fix, Severity, Verdict};

/// The User section's lines, by index.
const STATUS: usize = 1;
const ENABLED: usize = 2;

/// AdminGetUser plus AdminListGroupsForUser.
pub fn user_body(user: &AdminGetUserResponse, groups: &[String], raw: Value) -> DetailBody {
    let summary = vec![
        line("Username", or_empty(user.username.as_ref())),
        line("Status", UserStatus::text_of(user.user_status.as_ref())),
        line("Enabled", yes_no(user.enabled)),
        line("Created", date(user.user_create_date)),
        line("Modified", date(user.user_last_modified_date)),
    ];
    let mut problems = Vec::new();
    if matches!(
        user.user_status,
        Some(UserStatus::Unconfirmed | UserStatus::ResetRequired | UserStatus::Compromised)
    ) {
        problems.push(STATUS);
    }
    if user.enabled == Some(false) {
        problems.push(ENABLED);
    }
    let mfa = vec![
        line(
            "Preferred",
            // moto sends "" where AWS leaves the field out.
            user.preferred_mfa_setting
                .clone()
                .filter(|p| !p.is_empty())
                .unwrap_or_else(|| "none".to_owned()),
        ),
        line(
            "Methods",
            if user.user_mfa_setting_list.is_empty() {
                "none".to_owned()
            } else {
                user.user_mfa_setting_list.join(", ")
            },
        ),
    ];
    let attributes = &user.user_attributes;
    let unverified = |flag: &str| {
        let of = flag.trim_end_matches("_verified");
        attribute(attributes, of).is_some_and(|v| !v.is_empty())
            && attribute(attributes, flag) != Some("true")
    };
    let mut attribute_section = Section::new(
        "Attributes",
        attributes
            .iter()
            .map(|a| line(&a.name, a.value.clone().unwrap_or_default()))
            .collect(),
    );
    attribute_section.problems = attributes
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            matches!(a.name.as_str(), "email_verified" | "phone_number_verified")
                && unverified(&a.name)
        })
        .map(|(i, _)| i)
        .collect();
    let groups = if groups.is_empty() {
        vec![line("", "(no groups)")]
    } else {
        groups.iter().map(|g| line("", g.clone())).collect()
    };
    let mut user_section = Section::new("User", summary);
    user_section.problems = problems;
    DetailBody {
        sections: vec![
            user_section,
            Section::new("MFA", mfa),
            Section::new("Groups", groups),
            attribute_section,
        ],
        raw,
        verdict: None,
    }
}

impl DetailBody {
    /// A user's detail with the verdict above it, the last successful sign-in in the User
    /// section, and an invitation the verdict found expired marked on the status.
    #[must_use]
    pub fn judged(mut self, verdict: Verdict, history: &History, now: f64) -> Self {
        if let Some(user) = self.sections.first_mut() {
            if verdict.severity == Severity::Blocked && verdict.fix == Some(Fix::ResendInvitation) {
                if let Some((_, status)) = user.lines.get_mut(STATUS) {
                    status.push_str(" (invitation expired)");
                }
                user.problems.push(STATUS);
            }
            user.lines
                .push(line("Last sign-in", history.last_sign_in(now)));
        }
        self.verdict = Some(Box::new(verdict));
        self
    }
}
