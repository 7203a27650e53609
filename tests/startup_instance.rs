//! `--instance NAME|ID` (and a profile's `instance`): the instance is found by name, else by
//! id, before the terminal is taken; an unknown one is an error naming those there are.

mod support;

use support::emulator::*;
use swr_tui::emulator::EmulatorConfig;
use swr_tui::startup::find_instance;

#[tokio::test]
async fn an_instance_is_found_by_name_or_id_and_an_unknown_one_named_in_the_error() {
    let emu = start(EmulatorConfig::demo()).await;
    let client = client(&emu);
    let by_name = find_instance(&client, "ee-demo").await.expect("by name");
    assert_eq!(by_name.name, "ee-demo");
    assert_eq!(by_name.host, "ee-demo.swr.cn-north-4.myhuaweicloud.com");
    let by_id = find_instance(&client, &by_name.id).await.expect("by id");
    assert_eq!(by_id, by_name);
    let error = find_instance(&client, "nope")
        .await
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("no enterprise-edition instance named \"nope\"")
            && error.contains("ee-demo"),
        "{error}"
    );
}
