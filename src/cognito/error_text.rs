//! One plain-English sentence for each error code the Cognito API (or a compatible endpoint) can answer.
//!
//! The table covers every exception in the Cognito user pools API model, the
//! generic AWS authentication and endpoint codes, and moto's `InvalidToken`.

/// Error codes and their sentences, sorted by code (byte order) for binary search.
/// Kept one entry per line so the table reads as a table.
#[rustfmt::skip]
const MEANINGS: &[(&str, &str)] = &[
    ("AccessDenied", "Access was denied: the credentials in use lack permission for this action; check the IAM policy."),
    ("AccessDeniedException", "The credentials in use do not have permission for this operation; check the IAM policy."),
    ("AliasExistsException", "Another user in this pool already uses this email address or phone number as a sign-in alias."),
    ("CachedCIMDURLDoesNotExistException", "Cognito has no cached client metadata document for the URL in the request."),
    ("CodeDeliveryFailureException", "The verification code could not be delivered by email or SMS; check the pool's message settings."),
    ("CodeMismatchException", "The code entered is wrong; ask the user to check it or request a new one."),
    ("ConcurrentModificationException", "Another change to this resource was in progress at the same time; reload and try again."),
    ("DeviceKeyExistsException", "A device with this device key is already confirmed for the user."),
    ("DuplicateProviderException", "An identity provider with this name or identifier already exists in this user pool."),
    ("EnableSoftwareTokenMFAException", "The authenticator-app code did not match, so TOTP MFA was not set up; try again with a fresh code."),
    ("ExpiredCodeException", "The code has expired; request a new one."),
    ("ExpiredTokenException", "The session credentials have expired; refresh them (for SSO, run `aws sso login`)."),
    ("FeatureUnavailableInTierException", "This feature is not in the user pool's current feature plan; upgrade the plan to use it."),
    ("ForbiddenException", "The request was blocked by the WAF web ACL associated with this user pool."),
    ("GroupExistsException", "A group with this name already exists in this user pool."),
    ("IncompleteSignature", "The request signature is incomplete or malformed; check how the credentials are configured."),
    ("InternalErrorException", "Cognito hit an internal error; retry, and contact AWS Support if it persists."),
    ("InternalServerException", "Cognito hit an internal server error; retry, and contact AWS Support if it persists."),
    ("InvalidClientTokenId", "The access key id does not exist in AWS records; check which credentials and account are in use."),
    ("InvalidEmailRoleAccessPolicyException", "Cognito is not allowed to send email with the configured SES identity; check that identity's sending policy."),
    ("InvalidLambdaResponseException", "A Lambda trigger returned a response Cognito could not use; check the trigger function."),
    ("InvalidOAuthFlowException", "The requested OAuth flow is not valid for this app client."),
    ("InvalidParameterException", "A value in the request is invalid or missing; check the fields and try again."),
    ("InvalidPasswordException", "The password does not meet the user pool's password policy."),
    ("InvalidSignatureException", "The request signature was refused; check the secret access key and the system clock."),
    ("InvalidSmsRoleAccessPolicyException", "The role set for SMS does not have permission to publish through Amazon SNS."),
    ("InvalidSmsRoleTrustRelationshipException", "The SMS role does not trust cognito-idp.amazonaws.com, or its external id does not match the pool's SMS settings."),
    ("InvalidToken", "The pagination token is invalid or has expired; start the listing again from the first page."),
    ("InvalidUserPoolConfigurationException", "The user pool's configuration is not valid for this request; review the pool settings."),
    ("LimitExceededException", "A limit for this action or resource has been reached; wait a while, or remove unused items, and retry."),
    ("MFAMethodNotFoundException", "Cognito found no MFA method for the user; set up SMS, email or an authenticator app first."),
    ("ManagedLoginBrandingExistsException", "This app client already has a managed login branding style assigned."),
    ("MissingAuthenticationToken", "The request was not signed: no AWS credentials were found or sent."),
    ("NotAuthorizedException", "The request is not authorized: wrong username or password, a disabled user, or an invalid token."),
    ("OperationNotEnabledException", "This operation is not available in this region or for this user pool's configuration, such as in a replica region."),
    ("PasswordHistoryPolicyViolationException", "The new password matches a previous one, which the pool's password-history policy forbids."),
    ("PasswordResetRequiredException", "The user must reset their password before they can sign in."),
    ("PreconditionNotMetException", "A condition required by this request was not met; check the resource's current state and retry."),
    ("RefreshTokenReuseException", "The refresh token was already replaced by rotation and is no longer valid; the user must sign in again."),
    ("RequestExpired", "The request arrived after its signature expired; check that the system clock is correct."),
    ("ResourceNotFoundException", "The requested resource, such as a user pool or app client, does not exist."),
    ("ScopeDoesNotExistException", "A requested OAuth scope does not exist on this user pool's resource servers."),
    ("ServiceQuotaExceededException", "The account's service quota for this resource is used up; request an increase in Service Quotas."),
    ("ServiceUnavailable", "The service is temporarily unavailable; retry shortly."),
    ("SignatureDoesNotMatch", "The request signature was refused: the secret access key does not match the access key id."),
    ("SoftwareTokenMFANotFoundException", "Authenticator-app (TOTP) MFA is not enabled for this user pool."),
    ("TermsExistsException", "This app client already has a terms document with this name."),
    ("ThrottlingException", "AWS is throttling requests: too many calls in a short time; retry shortly."),
    ("TierChangeNotAllowedException", "The user pool's feature plan cannot be changed in this way."),
    ("TooManyFailedAttemptsException", "The user has made too many failed attempts, such as sign-ins; wait before trying again."),
    ("TooManyRequestsException", "Cognito is throttling requests: too many calls per second for this account and region; retry shortly."),
    ("UnauthorizedException", "The request is not authorized, often because the access token is invalid or expired."),
    ("UnexpectedLambdaException", "A Lambda trigger failed unexpectedly; check the trigger function's logs."),
    ("UnknownOperationException", "The endpoint does not recognize this operation; check the endpoint URL and that it supports this call."),
    ("UnrecognizedClientException", "The security token in the request is invalid; check the access key and session token in use."),
    ("UnsupportedIdentityProviderException", "The identity provider named in the request is not supported by this user pool or app client."),
    ("UnsupportedOperationException", "This operation is not enabled for the app client."),
    ("UnsupportedTokenTypeException", "The token passed is of a type this operation does not accept."),
    ("UnsupportedUserStateException", "The user's current status does not allow this action, such as resending an invitation to a confirmed user."),
    ("UserImportInProgressException", "A user import job is running for this pool; wait for it to finish before making changes."),
    ("UserLambdaValidationException", "A Lambda trigger rejected the request; its message says why."),
    ("UserNotConfirmedException", "The user has not confirmed their account yet; confirm them or resend the code."),
    ("UserNotFoundException", "The user does not exist in this user pool."),
    ("UserPoolAddOnNotEnabledException", "This needs the user pool's threat protection (advanced security) add-on, which is not enabled."),
    ("UserPoolTaggingException", "The user pool's tags could not be set or updated."),
    ("UsernameExistsException", "A user with this username already exists in this user pool."),
    ("ValidationException", "The request failed validation: a parameter is missing, malformed or out of range."),
    ("WebAuthnChallengeNotFoundException", "The passkey registration challenge has expired or was not found; start the registration again."),
    ("WebAuthnClientMismatchException", "The access token belongs to a different app client than the one that started passkey registration."),
    ("WebAuthnConfigurationMissingException", "Passkeys need a relying party id or a domain on the user pool, and neither is configured."),
    ("WebAuthnCredentialNotSupportedException", "The passkey comes from a device or provider that is not supported."),
    ("WebAuthnNotEnabledException", "Passkey sign-in is not enabled for this user pool."),
    ("WebAuthnOriginNotAllowedException", "The passkey was registered from an origin that does not match the user pool's relying party id."),
    ("WebAuthnRelyingPartyMismatchException", "The passkey belongs to a different relying party id than this user pool's."),
];

/// The sentence for `code`, or None for a code we do not know.
#[must_use]
pub fn meaning(code: &str) -> Option<&'static str> {
    MEANINGS
        .binary_search_by(|&(known, _)| known.cmp(code))
        .ok()
        .and_then(|index| MEANINGS.get(index))
        .map(|&(_, sentence)| sentence)
}

#[cfg(test)]
mod tests {
    use super::{MEANINGS, meaning};

    /// Every shape marked `"exception": true` in the Cognito user pools API model.
    const COGNITO_EXCEPTIONS: [&str; 60] = [
        "AccessDeniedException",
        "AliasExistsException",
        "CachedCIMDURLDoesNotExistException",
        "CodeDeliveryFailureException",
        "CodeMismatchException",
        "ConcurrentModificationException",
        "DeviceKeyExistsException",
        "DuplicateProviderException",
        "EnableSoftwareTokenMFAException",
        "ExpiredCodeException",
        "FeatureUnavailableInTierException",
        "ForbiddenException",
        "GroupExistsException",
        "InternalErrorException",
        "InternalServerException",
        "InvalidEmailRoleAccessPolicyException",
        "InvalidLambdaResponseException",
        "InvalidOAuthFlowException",
        "InvalidParameterException",
        "InvalidPasswordException",
        "InvalidSmsRoleAccessPolicyException",
        "InvalidSmsRoleTrustRelationshipException",
        "InvalidUserPoolConfigurationException",
        "LimitExceededException",
        "MFAMethodNotFoundException",
        "ManagedLoginBrandingExistsException",
        "NotAuthorizedException",
        "OperationNotEnabledException",
        "PasswordHistoryPolicyViolationException",
        "PasswordResetRequiredException",
        "PreconditionNotMetException",
        "RefreshTokenReuseException",
        "ResourceNotFoundException",
        "ScopeDoesNotExistException",
        "ServiceQuotaExceededException",
        "SoftwareTokenMFANotFoundException",
        "TermsExistsException",
        "TierChangeNotAllowedException",
        "TooManyFailedAttemptsException",
        "TooManyRequestsException",
        "UnauthorizedException",
        "UnexpectedLambdaException",
        "UnsupportedIdentityProviderException",
        "UnsupportedOperationException",
        "UnsupportedTokenTypeException",
        "UnsupportedUserStateException",
        "UserImportInProgressException",
        "UserLambdaValidationException",
        "UserNotConfirmedException",
        "UserNotFoundException",
        "UserPoolAddOnNotEnabledException",
        "UserPoolTaggingException",
        "UsernameExistsException",
        "WebAuthnChallengeNotFoundException",
        "WebAuthnClientMismatchException",
        "WebAuthnConfigurationMissingException",
        "WebAuthnCredentialNotSupportedException",
        "WebAuthnNotEnabledException",
        "WebAuthnOriginNotAllowedException",
        "WebAuthnRelyingPartyMismatchException",
    ];

    #[test]
    fn known_codes_have_a_sentence() {
        for code in [
            "UserNotFoundException",
            "TooManyRequestsException",
            "SignatureDoesNotMatch",
            "ExpiredTokenException",
            "InvalidToken",
            "AccessDeniedException",
            "WebAuthnRelyingPartyMismatchException",
        ] {
            assert!(meaning(code).is_some(), "no sentence for {code}");
        }
        assert_eq!(
            meaning("UserNotFoundException"),
            Some("The user does not exist in this user pool.")
        );
    }

    #[test]
    fn unknown_codes_have_none() {
        assert_eq!(meaning("NoSuchThingException"), None);
        assert_eq!(meaning(""), None);
        assert_eq!(meaning("usernotfoundexception"), None);
    }

    #[test]
    fn table_is_sorted_without_duplicates() {
        for pair in MEANINGS.windows(2) {
            assert!(
                pair[0].0 < pair[1].0,
                "{} must sort before {}",
                pair[0].0,
                pair[1].0
            );
        }
    }

    #[test]
    fn sentences_are_short_and_end_with_a_period() {
        for &(code, sentence) in MEANINGS {
            assert!(sentence.ends_with('.'), "{code}: no final period");
            assert!(sentence.len() < 160, "{code}: sentence too long");
        }
    }

    #[test]
    fn every_cognito_exception_is_covered() {
        for code in COGNITO_EXCEPTIONS {
            assert!(meaning(code).is_some(), "no sentence for {code}");
        }
    }
}
