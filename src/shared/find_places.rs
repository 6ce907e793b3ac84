//! Where a search goes beyond the one connection: the profiles and regions named (`users find
//! --profiles a,b --regions x,y`, `:find NEEDLE --regions x,y`), and a connection to each
//! profile × region. A connection that cannot be made is reported with its place, never skipped.

use serde::Serialize;

use super::{Failure, Place};
use crate::aws::AwsError;
use crate::cognito::{ClientSettings, CognitoClient};

/// The profiles and regions to search; an empty list means the one the connection has.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Places {
    pub profiles: Vec<String>,
    pub regions: Vec<String>,
}

impl Places {
    /// Nothing named: only the connection the search was started from.
    pub fn is_here(&self) -> bool {
        self.profiles.is_empty() && self.regions.is_empty()
    }

    /// How many connections the search makes.
    pub fn count(&self) -> usize {
        self.profiles.len().max(1) * self.regions.len().max(1)
    }

    /// `2 profiles × 3 regions`, `3 regions`, `the region`: for the line shown while searching.
    pub fn describe(&self) -> String {
        let counted = |n: usize, one: &str, many: &str| match n {
            1 => format!("1 {one}"),
            n => format!("{n} {many}"),
        };
        match (self.profiles.len(), self.regions.len()) {
            (0, 0) => "the region".to_owned(),
            (0, r) => counted(r, "region", "regions"),
            (p, 0) => counted(p, "profile", "profiles"),
            (p, r) => format!(
                "{} × {}",
                counted(p, "profile", "profiles"),
                counted(r, "region", "regions")
            ),
        }
    }
}

/// Connections that could be made, and each one that could not, with the error as it came.
#[derive(Debug, Default)]
pub struct Connections {
    pub clients: Vec<CognitoClient>,
    pub unreachable: Vec<(Place, AwsError)>,
}

impl Connections {
    /// The connections that could not be made, as failures of the search.
    pub fn failures(&self) -> Vec<Failure> {
        self.unreachable
            .iter()
            .map(|(place, e)| Failure::unreachable(place.clone(), e))
            .collect()
    }
}

/// A connection to each profile × region of `places`, built from `settings` (its profile or
/// region where `places` names none).
pub async fn connect(settings: &ClientSettings, places: &Places) -> Connections {
    let profiles = or_one(&places.profiles, settings.profile.as_ref());
    let regions = or_one(&places.regions, settings.region.as_ref());
    let mut connections = Connections::default();
    for profile in &profiles {
        for region in &regions {
            let mut settings = settings.clone();
            settings.profile.clone_from(profile);
            settings.region.clone_from(region);
            match CognitoClient::connect(&settings).await {
                Ok(client) => connections.clients.push(client),
                Err(e) => {
                    let region = region.clone().unwrap_or_else(|| "(no region)".to_owned());
                    let place = Place {
                        profile: profile.clone(),
                        region,
                    };
                    connections.unreachable.push((place, e));
                }
            }
        }
    }
    connections
}

/// The values given, else the one default (which may be none: the usual chain decides).
fn or_one(given: &[String], default: Option<&String>) -> Vec<Option<String>> {
    if given.is_empty() {
        vec![default.cloned()]
    } else {
        given.iter().map(|g| Some(g.trim().to_owned())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(profiles: &[&str], regions: &[&str]) -> Places {
        Places {
            profiles: profiles.iter().map(|p| (*p).to_owned()).collect(),
            regions: regions.iter().map(|r| (*r).to_owned()).collect(),
        }
    }

    #[test]
    fn places_count_and_describe_the_connections_a_search_makes() {
        let cases = [
            (places(&[], &[]), 1, "the region", true),
            (places(&[], &["eu-west-1"]), 1, "1 region", false),
            (
                places(&[], &["eu-west-1", "us-east-1"]),
                2,
                "2 regions",
                false,
            ),
            (places(&["a", "b"], &[]), 2, "2 profiles", false),
            (
                places(&["a", "b"], &["x", "y", "z"]),
                6,
                "2 profiles × 3 regions",
                false,
            ),
        ];
        for (p, count, text, here) in cases {
            assert_eq!(p.count(), count, "{p:?}");
            assert_eq!(p.describe(), text, "{p:?}");
            assert_eq!(p.is_here(), here, "{p:?}");
        }
    }

    #[tokio::test]
    async fn a_connection_that_cannot_be_made_is_a_failure_with_its_place() {
        let settings = ClientSettings {
            region: Some("us-east-1".into()),
            endpoint_url: Some("http://127.0.0.1:9".into()),
            allow_insecure_http: true,
            credentials: Some(aws_credential_types::Credentials::new(
                "AKID", "secret", None, None, "test",
            )),
            ..ClientSettings::default()
        };
        let connections = connect(&settings, &places(&[], &["eu-west-1", "nowhere!"])).await;
        assert_eq!(connections.clients.len(), 1, "eu-west-1 connects");
        let failures = connections.failures();
        assert_eq!(failures.len(), 1);
        assert_eq!(failures[0].place.region, "nowhere!");
        assert!(failures[0].user_pool_id.is_none());
        assert!(
            failures[0]
                .line()
                .starts_with("nowhere!: pools not listed: "),
            "{}",
            failures[0].line()
        );
    }
}
