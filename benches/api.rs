//! Signing a request and parsing a 1,000-tag page (into models, into the list's rows): the
//! costs every list pays.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use swr_tui::app::rows::TagRow;
use swr_tui::swr::model::{Tag, TagV2};
use swr_tui::swr::sign::{SignInput, add_signing_headers, sign};

fn signing(c: &mut Criterion) {
    let query = vec![
        ("limit".to_string(), "1000".to_string()),
        ("offset".to_string(), "2000".to_string()),
        ("order_column".to_string(), "updated_at".to_string()),
        ("order_type".to_string(), "desc".to_string()),
    ];
    let body = br#"{"is_public":true,"category":"linux","description":"web server"}"#;
    c.bench_function("sign_get_with_query", |b| {
        b.iter(|| {
            let mut headers = vec![
                ("Content-Type".to_string(), "application/json".to_string()),
                ("User-Agent".to_string(), "swr-tui/0.1.0".to_string()),
                (
                    "X-Project-Id".to_string(),
                    "0123456789abcdef0123456789abcdef".to_string(),
                ),
            ];
            add_signing_headers(
                &mut headers,
                "swr-api.cn-north-4.myhuaweicloud.com",
                "20261122T120000Z",
                None,
            );
            let input = SignInput {
                method: "GET",
                path: "/v2/manage/namespaces/demo/repos/team%24web/tags",
                query: black_box(&query),
                headers: &headers,
                body: &[],
            };
            sign(
                &input,
                black_box("testsk0123456789abcdefghijklmnopqrstuvwx"),
            )
        })
    });
    c.bench_function("sign_patch_with_body", |b| {
        b.iter(|| {
            let mut headers = vec![("Content-Type".to_string(), "application/json".to_string())];
            add_signing_headers(
                &mut headers,
                "swr-api.cn-north-4.myhuaweicloud.com",
                "20261122T120000Z",
                None,
            );
            let input = SignInput {
                method: "PATCH",
                path: "/v2/manage/namespaces/demo/repos/nginx",
                query: &[],
                headers: &headers,
                body: black_box(body),
            };
            sign(&input, "testsk0123456789abcdefghijklmnopqrstuvwx")
        })
    });
}

/// A v2 tag page as the service sends it: `Tag` keys and a manifest string per tag.
fn tag_page(count: usize) -> Vec<u8> {
    let manifest = r#"{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":7023,"digest":"sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7"},"layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":32654,"digest":"sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f"},{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":16724,"digest":"sha256:3c3a4604a545cdc127456d94e421cd355bca5b528f4a9c1905b15da2eb4a4c6b"}]}"#;
    let tags: Vec<TagV2> = (0..count)
        .map(|i| {
            TagV2::from(Tag {
                id: i as i64,
                repo_id: 57,
                tag: format!("build-{i:05}"),
                image_id: format!("{i:064x}"),
                manifest: manifest.to_string(),
                digest: format!("sha256:{:064x}", i * 7919),
                schema: 2,
                path: format!("swr.cn-north-4.myhuaweicloud.com/demo/team/web:build-{i:05}"),
                internal_path: format!("10.125.0.198:20202/demo/team/web:build-{i:05}"),
                size: 12_345_678 + i as i64,
                is_trusted: false,
                created: "2026-03-01T10:00:00Z".into(),
                updated: "2026-03-01T10:00:00Z".into(),
                domain_id: "035744f8a5a64a9fb0d1f04ac40b7fd2".into(),
                tag_type: 0,
            })
        })
        .collect();
    serde_json::to_vec(&tags).unwrap_or_default()
}

fn parsing(c: &mut Criterion) {
    let page = tag_page(1000);
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function("tag_page_1000_v2", |b| {
        b.iter(|| serde_json::from_slice::<Vec<Tag>>(black_box(&page)).map(|v| v.len()))
    });
    // Baseline for the ratio: the same bytes into an untyped `serde_json::Value`.
    group.bench_function("tag_page_1000_untyped_value", |b| {
        b.iter(|| {
            serde_json::from_slice::<serde_json::Value>(black_box(&page)).map(|v| v.is_array())
        })
    });
    // What the worker does with each page: straight into the rows the list keeps.
    group.bench_function("tag_page_1000_to_rows", |b| {
        b.iter(|| serde_json::from_slice::<Vec<TagRow>>(black_box(&page)).map(|v| v.len()))
    });
    group.finish();
}

criterion_group!(benches, signing, parsing);
criterion_main!(benches);
