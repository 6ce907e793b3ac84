//! The forms of a group (new or existing) and of a member added to one.

use super::{Kind, Spec, spec};

pub(super) const GROUP: &[Spec] = &[
    spec("Description", "Description", Kind::Text, ""),
    spec(
        "Precedence",
        "Precedence",
        Kind::Number,
        "lower wins when a user is in several groups with roles",
    ),
    spec("RoleArn", "IAM role ARN", Kind::Text, ""),
];

pub(super) const NEW_GROUP: &[Spec] = &[
    spec("GroupName", "Name", Kind::Text, ""),
    GROUP[0],
    GROUP[1],
    GROUP[2],
];

pub(super) const NEW_MEMBER: &[Spec] = &[spec(
    "Username",
    "Username",
    Kind::Text,
    "the user's username (or an email or phone number the pool signs in with)",
)];
