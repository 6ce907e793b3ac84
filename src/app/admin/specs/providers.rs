//! The forms of an identity provider, new or existing.

use super::{Kind, Spec, spec};

pub(super) const IDP: &[Spec] = &[
    spec(
        "ProviderDetails.MetadataURL",
        "SAML metadata URL",
        Kind::Text,
        "SAML: where Cognito reads the IdP's metadata (a file: E, MetadataFile)",
    ),
    spec(
        "ProviderDetails.client_id",
        "Client id",
        Kind::Text,
        "OIDC and social providers",
    ),
    spec(
        "ProviderDetails.client_secret",
        "Client secret",
        Kind::Secret,
        "OIDC and social providers; Ctrl-R shows it",
    ),
    spec(
        "ProviderDetails.authorize_scopes",
        "Scopes",
        Kind::Text,
        "OIDC and social providers, separated by spaces: openid email profile",
    ),
    spec(
        "ProviderDetails.oidc_issuer",
        "OIDC issuer",
        Kind::Text,
        "OIDC: the issuer URL",
    ),
    spec(
        "ProviderDetails.attributes_request_method",
        "Attribute request",
        Kind::Choice(&["GET", "POST"]),
        "OIDC",
    ),
    spec(
        "AttributeMapping",
        "Attribute mapping",
        Kind::Map,
        "pool attribute=provider claim, separated by spaces: email=email",
    ),
    spec(
        "IdpIdentifiers",
        "Identifiers",
        Kind::List,
        "e.g. email domains that pick this provider",
    ),
];

pub(super) const NEW_IDP: &[Spec] = &[
    spec("ProviderName", "Name", Kind::Text, ""),
    spec(
        "ProviderType",
        "Type",
        Kind::Choice(&[
            "SAML",
            "OIDC",
            "Google",
            "Facebook",
            "LoginWithAmazon",
            "SignInWithApple",
        ]),
        "a social provider is named after its type (Google)",
    ),
    IDP[0],
    IDP[1],
    IDP[2],
    IDP[3],
    IDP[4],
    IDP[5],
    IDP[6],
    IDP[7],
];
