//! The optional `credentials` key of a seeded instance (an extension of the pinned format):
//! long-term login credentials, `[{"name": "ci-robot", "enable": true, "created": "…"}]`.
//! Only `name` is required; `enable` defaults to true. Their ids are derived from the instance
//! and the position, so they stay the same between runs; no secret exists for them.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::super::{SeedError, err, parse_time};
use crate::emulator::state::{EeCredential, sha256_hex};
use crate::swr::validate;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedCredential {
    pub name: String,
    #[serde(default = "enabled")]
    pub enable: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
}

fn enabled() -> bool {
    true
}

/// A UUID-shaped id from the instance id and the credential's position.
fn derived_token_id(instance_id: &str, index: usize) -> String {
    let h = sha256_hex(&format!("credential:{instance_id}:{index}"));
    format!(
        "{}-{}-4{}-8{}-{}",
        &h[..8],
        &h[8..12],
        &h[13..16],
        &h[17..20],
        &h[20..32]
    )
}

/// The instance's credentials, each named by its path (`instances[0].credentials[1].name`) when
/// broken; created a day after the instance unless the seed says when.
pub(super) fn credentials(
    seeds: &[SeedCredential],
    instance_id: &str,
    user_id: &str,
    instance_created: DateTime<Utc>,
    at: &str,
) -> Result<Vec<EeCredential>, SeedError> {
    seeds
        .iter()
        .enumerate()
        .map(|(i, seed)| {
            let at = format!("{at}.credentials[{i}]");
            validate::long_term_credential_name(&seed.name)
                .map_err(|why| err(&format!("{at}.name"), why))?;
            let created = parse_time(
                &format!("{at}.created"),
                seed.created.as_deref(),
                instance_created + Duration::days(1),
            )?;
            Ok(EeCredential {
                token_id: derived_token_id(instance_id, i),
                name: seed.name.clone(),
                enable: seed.enable,
                user_id: user_id.to_string(),
                created,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::emulator::Seed;

    fn seed(credentials: &str) -> Result<crate::emulator::state::State, String> {
        Seed::from_json(&format!(
            r#"{{"instances":[{{"name":"ee","credentials":{credentials}}}]}}"#
        ))
        .map_err(|e| e.to_string())?
        .build_state("cn-north-4", "p")
        .map_err(|e| e.to_string())
    }

    #[test]
    fn seeded_credentials_load_with_stable_ids() {
        let json = r#"[{"name":"ci-robot"},{"name":"old","enable":false,"created":"2026-01-01T00:00:00Z"}]"#;
        let listed = seed(json)
            .unwrap()
            .list_long_term_credentials("ee")
            .unwrap();
        assert_eq!(listed.len(), 2);
        assert!(listed[0].enable && !listed[1].enable);
        assert_eq!(listed[1].created_at, "2026-01-01T00:00:00Z");
        let again = seed(json)
            .unwrap()
            .list_long_term_credentials("ee")
            .unwrap();
        assert_eq!(listed, again);
        assert_ne!(listed[0].token_id, listed[1].token_id);
    }

    #[test]
    fn broken_credentials_name_the_problem() {
        for (json, needle) in [
            (r#"[{"enable":true}]"#, "name"),
            (
                r#"[{"name":"ok"},{"name":"Not OK"}]"#,
                "instances[0].credentials[1].name",
            ),
            (
                r#"[{"name":"ok","created":"soon"}]"#,
                "instances[0].credentials[0].created",
            ),
            (r#"[{"name":"ok","secret":"x"}]"#, "unknown field"),
            (r#"[{"name":"ok","enable":"yes"}]"#, "invalid type"),
        ] {
            let e = seed(json).unwrap_err();
            assert!(e.contains(needle), "{json}: {e}");
        }
    }

    #[test]
    fn the_demo_instance_has_an_enabled_and_a_disabled_credential() {
        let st = Seed::demo().build_state("cn-north-4", "p").unwrap();
        let listed = st.list_long_term_credentials("ee-demo").unwrap();
        let names: Vec<(&str, bool)> = listed.iter().map(|c| (c.name.as_str(), c.enable)).collect();
        assert_eq!(names, [("ci-robot", true), ("old-laptop", false)]);
    }
}
