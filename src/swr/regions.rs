//! Regions the official SDK knows for SWR, and the hosts derived from a region id.

/// The 35 region ids of the SDK's `SwrRegion`.
pub const REGIONS: [&str; 35] = [
    "ae-ad-1",
    "af-north-1",
    "af-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "cn-east-2",
    "cn-east-3",
    "cn-east-4",
    "cn-east-5",
    "cn-north-1",
    "cn-north-11",
    "cn-north-12",
    "cn-north-2",
    "cn-north-4",
    "cn-north-9",
    "cn-south-1",
    "cn-south-2",
    "cn-south-4",
    "cn-southwest-2",
    "cn-southwest-3",
    "eu-west-0",
    "eu-west-101",
    "la-north-2",
    "la-south-2",
    "me-east-1",
    "my-kualalumpur-1",
    "na-mexico-1",
    "ru-moscow-1",
    "ru-northwest-2",
    "sa-brazil-1",
    "sa-peru-1",
    "tr-west-1",
];

/// The one region served under `.eu` instead of `.com`.
fn domain_suffix(region: &str) -> &'static str {
    if region == "eu-west-101" {
        "myhuaweicloud.eu"
    } else {
        "myhuaweicloud.com"
    }
}

pub fn is_known(region: &str) -> bool {
    REGIONS.contains(&region)
}

/// The management API endpoint of a region.
pub fn swr_endpoint(region: &str) -> String {
    format!("https://swr-api.{region}.{}", domain_suffix(region))
}

/// The registry host used in `docker login` and pull addresses.
pub fn registry_host(region: &str) -> String {
    format!("swr.{region}.{}", domain_suffix(region))
}

/// The regional IAM endpoint (tokens, users, projects).
pub fn iam_endpoint(region: &str) -> String {
    format!("https://iam.{region}.{}", domain_suffix(region))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derives_hosts_with_the_eu_exception() {
        assert_eq!(
            swr_endpoint("cn-north-4"),
            "https://swr-api.cn-north-4.myhuaweicloud.com"
        );
        assert_eq!(
            registry_host("ap-southeast-3"),
            "swr.ap-southeast-3.myhuaweicloud.com"
        );
        assert_eq!(
            swr_endpoint("eu-west-101"),
            "https://swr-api.eu-west-101.myhuaweicloud.eu"
        );
        assert_eq!(
            iam_endpoint("eu-west-101"),
            "https://iam.eu-west-101.myhuaweicloud.eu"
        );
        assert!(is_known("tr-west-1") && !is_known("mars-1"));
    }
}
