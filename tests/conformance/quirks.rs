//! Where an endpoint departs from AWS, one switch per departure; `AWS` is AWS itself (and the
//! local server).

/// Where an endpoint legitimately departs from AWS.
// Each flag is one independent, documented departure: a set of flags is the honest shape.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Copy)]
pub struct Quirks {
    /// AWS (and the local server) refuse a page size above 60; moto answers.
    /// ListUsers Limit and ListUserPools MaxResults.
    pub refuses_limit_above_60: bool,
    /// AWS checks AdminCreateUser's TemporaryPassword against the pool policy; moto 5.2 does not.
    pub checks_temporary_password: bool,
    /// AWS confirms only UNCONFIRMED users (NotAuthorizedException otherwise); moto any user.
    pub confirms_only_unconfirmed: bool,
    /// AWS refuses CreateIdentityProvider for a name the pool has (DuplicateProviderException);
    /// moto 5.2.5 overwrites the existing provider.
    pub refuses_duplicate_providers: bool,
    /// AWS refuses an unknown ProviderType, a social provider not named after its type, and
    /// ProviderDetails without the type's required keys; moto 5.2.5 stores anything.
    pub validates_providers: bool,
    /// AWS gives a pool one domain and a domain one pool (InvalidParameterException); moto 5.2.5
    /// adds a second domain to a pool and hands a taken domain to another pool.
    pub one_domain_per_pool: bool,
    /// AWS answers CreateUserPoolDomain's CloudFrontDomain for a custom domain only and shows a
    /// custom domain as DescribeUserPool's CustomDomain; moto 5.2.5 answers CloudFrontDomain for
    /// a prefix domain too and shows every domain as Domain.
    pub aws_domain_shapes: bool,
    /// AWS refuses MFA ON or OPTIONAL with no factor enabled; moto 5.2.5 only checks that a
    /// factor configuration is present, so `{"Enabled": false}` passes.
    pub mfa_needs_an_enabled_factor: bool,
    /// AWS resets the app client settings UpdateUserPoolClient leaves out; moto 5.2.5 keeps
    /// them (it merges the update into the client).
    pub client_update_resets_omitted: bool,
    /// AWS refuses DeleteUserPool while DeletionProtection is ACTIVE; moto 5.2.5 deletes.
    pub honours_deletion_protection: bool,
    /// AWS's AdminGetUser leaves UserMFASettingList, PreferredMfaSetting and MFAOptions out for
    /// a user without MFA; moto 5.2 always sends them, as `[]`, `""` and `[]`.
    pub omits_empty_mfa_members: bool,
    /// AWS still describes SMS MFA in the deprecated MFAOptions; moto 5.2 always sends `[]`.
    pub lists_sms_in_mfa_options: bool,
    /// AWS refuses SMS MFA to a user without a phone_number; moto 5.2 turns it on.
    pub checks_sms_mfa_phone: bool,
    /// AWS handles EmailMfaSettings (EMAIL_OTP, one preferred method per call); moto 5.2
    /// ignores the member.
    pub email_mfa: bool,
    /// AWS sets email_verified (phone_number_verified) to false when AdminUpdateUserAttributes
    /// changes email (phone_number) without verifying it in the same call; moto 5.2 keeps it.
    pub unverifies_changed_contacts: bool,
    /// AWS checks every request against the service model's constraints (lengths, patterns,
    /// enums, list sizes, numeric ranges) and answers InvalidParameterException listing each
    /// violation; moto 5.2 checks almost none (a schema attribute's data type is one) and runs
    /// the operation, even AdminCreateUser without a Username.
    pub validates_constraints: bool,
    /// AWS matches a ListUsers Filter on `cognito:user_status` in any case (its documentation:
    /// "case-insensitive"); moto 5.2 compares exactly.
    pub user_status_filter_ignores_case: bool,
    /// AWS describes an app client created with a name only with its defaults (refresh tokens
    /// 30 days, token revocation on, 3-minute sessions, OAuth off).
    pub describes_client_defaults: bool,
    /// AWS refuses unknown scopes (ScopeDoesNotExistException), providers the pool does not
    /// have, and client credentials without a secret (InvalidOAuthFlowException).
    pub validates_client_oauth: bool,
    /// AWS takes a deleted identity provider out of every client's SupportedIdentityProviders.
    pub deleted_provider_leaves_clients: bool,
    /// AWS describes a pool created with a name only with AdminCreateUserConfig,
    /// EmailConfiguration and VerificationMessageTemplate at their defaults.
    pub describes_pool_defaults: bool,
    /// AWS resets the pool settings UpdateUserPool leaves out, AdminCreateUserConfig too.
    pub pool_update_resets_omitted: bool,
}

pub const AWS: Quirks = Quirks {
    refuses_limit_above_60: true,
    checks_temporary_password: true,
    confirms_only_unconfirmed: true,
    refuses_duplicate_providers: true,
    validates_providers: true,
    one_domain_per_pool: true,
    aws_domain_shapes: true,
    mfa_needs_an_enabled_factor: true,
    client_update_resets_omitted: true,
    honours_deletion_protection: true,
    omits_empty_mfa_members: true,
    lists_sms_in_mfa_options: true,
    checks_sms_mfa_phone: true,
    email_mfa: true,
    unverifies_changed_contacts: true,
    validates_constraints: true,
    user_status_filter_ignores_case: true,
    describes_client_defaults: true,
    validates_client_oauth: true,
    deleted_provider_leaves_clients: true,
    describes_pool_defaults: true,
    pool_update_resets_omitted: true,
};
