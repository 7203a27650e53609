//! Multi-arch tags over real HTTP: a tag seeded with `platforms` answers `tag_type` 1 and a
//! manifest list in the v2 and v3 lists and in show; the app's rows read its platforms.

mod support;

use support::emulator::*;
use swr_tui::app::rows::TagRow;
use swr_tui::emulator::Seed;
use swr_tui::swr::client::{TagListQuery, TagListV3Query};

const LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";

fn seed() -> Seed {
    Seed::from_json(
        r#"{"namespaces":[{"name":"big","repos":[{"name":"multi","tags":[
            {"tag":"plain","created":"2026-01-01T00:00:00Z"},
            {"tag":"v1","created":"2026-01-02T00:00:00Z",
             "platforms":["linux/amd64","linux/arm64/v8","windows/amd64"]}]}]}]}"#,
    )
    .expect("seed parses")
}

fn platforms_of(manifest: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(manifest).unwrap();
    assert_eq!(v["mediaType"], LIST);
    v["manifests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let p = &m["platform"];
            let mut label = format!(
                "{}/{}",
                p["os"].as_str().unwrap(),
                p["architecture"].as_str().unwrap()
            );
            if let Some(v) = p["variant"].as_str() {
                label = format!("{label}/{v}");
            }
            assert!(m["digest"].as_str().unwrap().starts_with("sha256:"));
            assert!(m["size"].as_i64().unwrap() > 0);
            label
        })
        .collect()
}

const THREE: [&str; 3] = ["linux/amd64", "linux/arm64/v8", "windows/amd64"];

#[tokio::test]
async fn a_multi_arch_tag_is_a_manifest_list_in_every_answer() {
    let emu = start(config_with_seed(seed())).await;
    let c = client(&emu);

    let v2 = c
        .list_tags_v2("big", "multi", &TagListQuery::default())
        .await
        .unwrap();
    let multi = v2.items.iter().find(|t| t.tag == "v1").unwrap();
    assert_eq!(multi.tag_type, 1);
    assert_eq!(platforms_of(&multi.manifest), THREE);
    let plain = v2.items.iter().find(|t| t.tag == "plain").unwrap();
    assert_eq!(plain.tag_type, 0);

    let v3 = c
        .list_tags_v3(
            "big",
            "multi",
            &TagListV3Query {
                with_manifest: Some(true),
                ..TagListV3Query::default()
            },
        )
        .await
        .unwrap();
    let multi3 = v3.tags.iter().find(|t| t.tag == "v1").unwrap();
    assert_eq!(multi3.tag_type, 1);
    assert_eq!(multi3.manifest, multi.manifest);

    // The app's row, parsed straight from the page bytes as the worker does.
    let rows: Vec<TagRow> = c
        .list_tags_v2_as("big", "multi", &TagListQuery::default())
        .await
        .unwrap()
        .items;
    let row = rows.iter().find(|r| r.tag == "v1").unwrap();
    let labels: Vec<&str> = row
        .platforms
        .iter()
        .filter_map(|p| p.platform.as_deref())
        .collect();
    assert_eq!(labels, THREE);
    // The child digests are the emulator's.
    assert_eq!(row.platforms.len(), 3);
    for p in row.platforms.iter() {
        assert!(multi.manifest.contains(&p.digest.to_string()));
    }
    assert!(
        rows.iter()
            .find(|r| r.tag == "plain")
            .unwrap()
            .platforms
            .is_empty()
    );
}

#[tokio::test]
async fn a_bad_platform_in_a_seed_is_refused_with_its_path() {
    let err = Seed::from_json(
        r#"{"namespaces":[{"name":"big","repos":[{"name":"multi","tags":[
            {"tag":"v1","platforms":["linux/amd64","Linux/ARM"]}]}]}]}"#,
    )
    .expect_err("refused")
    .to_string();
    assert!(
        err.contains("namespaces[0].repos[0].tags[0].platforms[1]"),
        "{err}"
    );
}
